"""Who, where and when from the clause around an event noun: a phrase the parser hung on an object noun, the
reporter of "the call with X was friendly", a district before its city, "is in X for a visit", an agreement signed
during a visit that another sentence dates, and a role phrase resolved through the Phoenix actor dictionary. Texts
are written for these tests."""

from __future__ import annotations

from _helpers import events_of, record_of


def test_a_call_phrase_hung_on_an_object_noun_has_the_subjects_of_the_verb(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric said he and Argentine President Javier Milei discussed "
                         "their trade and their wish to deepen that partnership in a phone call on Monday.")
    call = next(e for e in evs if e.type == "call")
    assert set(call.participants) == {"Gabriel Boric", "Javier Milei"}
    assert call.status == "occurred"


def test_the_reporter_of_the_call_with_someone_took_part_in_it(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric told reporters on Monday that the phone call with Javier "
                         "Milei was cordial.")
    call = next(e for e in evs if e.type == "call")
    assert set(call.participants) == {"Gabriel Boric", "Javier Milei"}


def test_a_call_with_someone_a_third_person_reports_is_not_the_reporters(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. "
                         "Analysts said the meeting was cordial.")
    assert all("Analysts" not in " ".join(e.participants) for e in evs)


def test_a_district_before_its_city_gives_the_city(nlp):
    evs = events_of(nlp, "Georgian Prime Minister Irakli Kobakhidze met Armenian Prime Minister Nikol Pashinyan at "
                         "the government office in Vake, Tbilisi, on Monday.")
    assert [e.location for e in evs] == ["Tbilisi"]


def test_a_city_before_its_region_stays_the_place(nlp):
    evs = events_of(nlp, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Cusco, Peru, on "
                         "Monday.")
    assert [e.location for e in evs] == ["Cusco"]


def test_being_in_a_city_for_a_visit_places_the_visit(nlp):
    evs = events_of(nlp, "Lusaka - Kenyan President William Ruto is in Lusaka for his first state visit.")
    visit = next(e for e in evs if e.type == "visit")
    assert visit.location == "Lusaka"


def test_an_agreement_signed_during_a_visit_has_the_visits_date(nlp):
    evs = events_of(nlp, "Twelve documents were signed during the state visit of Chilean President Gabriel Boric to "
                         "Lima, officials said.\n\nBoric arrived in Lima on July 8 for the visit and was welcomed by "
                         "Peruvian President Dina Boluarte.")
    agreement = next(e for e in evs if e.type == "agreement")
    assert agreement.date is not None and agreement.date.value == "2024-07-08"


def test_a_short_name_with_a_title_is_not_the_one_relative_named_in_full(nlp):
    """The people step kept "President Marcos" apart from his mother: the event step does not join them again."""
    from parley.extract.events.people import article_people
    from parley.models import Entity, Mention

    text = "President Marcos met Shigeru Ishiba. Marcos is the son of Imelda Marcos."
    doc = nlp(text)

    def at(word: str, n: int = 0) -> Mention:
        i = -1
        for _ in range(n + 1):
            i = text.index(word, i + 1)
        return Mention(i, i + len(word), word)

    entities = (Entity("p1", "Marcos", "PERSON", ("President",), (at("President Marcos"), at("Marcos", 1))),
                Entity("p2", "Shigeru Ishiba", "PERSON", (), (at("Shigeru Ishiba"),)),
                Entity("p3", "Imelda Marcos", "PERSON", (), (at("Imelda Marcos"),)))
    ppl = article_people(doc, entities)
    assert {n for s, e, n in ppl.spans if s < text.index("Imelda")} == {"Marcos", "Shigeru Ishiba"}


def test_the_nationality_of_a_role_phrase_picks_the_person_the_dictionary_places_there(nlp):
    r = record_of(nlp, "Kyriakos Mitsotakis spoke first. Erdogan listened, and Mitsotakis thanked the guests. "
                       "It was the second meeting of the Turkish president with Kyriakos Mitsotakis this year.",
                  "2024-07-10")
    people = {e.name: e for e in r.entities if e.type == "PERSON"}
    erdogan = next(e for n, e in people.items() if "Erdogan" in n)
    assert any(m.text == "the Turkish president" for m in erdogan.mentions)
    assert not any(m.text == "the Turkish president" for m in people["Kyriakos Mitsotakis"].mentions)


def test_a_state_named_for_want_of_its_leader_may_stand_for_a_person_of_unknown_state():
    from parley.extract.events.compat import participants_compatible

    states = {"Vladimir Putin": "Russia"}.get
    assert participants_compatible(["Ilham Aliyev"], ["Vladimir Putin", "Azerbaijan"], states)
    # a person the article places in another state is not the state named beside the other side's people
    assert not participants_compatible(["Vladimir Putin"], ["Ilham Aliyev", "Azerbaijan"], {"Vladimir Putin": "Russia",
                                                                                           "Ilham Aliyev": None}.get)
