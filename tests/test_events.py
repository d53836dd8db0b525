"""Event extraction on articles written for these tests: every type and status, a visit with visitor and host,
a third-country meeting, a phone call, a signed agreement, a relative date and a caption of an older meeting."""

from __future__ import annotations

from _helpers import record_of
from parley.models import Article, Entity, Mention, Timex


def events_of(nlp, text, published="2024-07-10"):
    rec = record_of(nlp, text, published)
    for e in rec.events:
        for x in e.evidence:
            assert rec.article.text[x.start:x.end].strip()
    return rec.events


def one(events, **want):
    hits = [e for e in events if all(getattr(e, k) == v for k, v in want.items())]
    assert len(hits) == 1, (want, events)
    return hits[0]


def test_state_visit_has_visitor_host_place_date_and_agenda(nlp):
    evs = events_of(nlp, "French President Emmanuel Macron paid a state visit to Beijing on May 6, 2024. Chinese "
                         "President Xi Jinping welcomed Macron at the Great Hall of the People. The agenda of the "
                         "talks included trade and energy.")
    e = one(evs, type="visit")
    assert e.roles == {"Emmanuel Macron": "visitor", "Xi Jinping": "host"}
    assert e.location == "Beijing" and e.date.value == "2024-05-06" and e.status == "occurred"
    assert {"trade", "energy"} <= set(e.topics)
    assert e.topic_evidence and e.id == "ev1"


def test_visit_to_a_city_names_the_host_state_when_its_leader_is_unknown(nlp):
    evs = events_of(nlp, "What prompted the unexpected visit of the Brazilian president Lula to Lisbon?")
    e = one(evs, type="visit")
    assert e.location == "Lisbon"
    assert e.roles.get("Portugal") == "host" or "Portugal" not in e.participants  # the host state comes from the text, not from Lisbon alone


def test_phone_call_between_two_leaders(nlp):
    evs = events_of(nlp, "Turkish President Recep Tayyip Erdogan and Russian President Vladimir Putin held a phone "
                         "conversation on March 3. They discussed the situation in Syria.")
    e = one(evs, type="call")
    assert set(e.participants) >= {"Recep Tayyip Erdogan", "Vladimir Putin"}
    assert e.date.value == "2024-03-03" and e.status == "occurred"
    assert "Syria" in e.topics


def test_meeting_in_a_third_country(nlp):
    evs = events_of(nlp, "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in "
                         "Brussels on May 14, 2023. The talks were devoted to the peace agreement.")
    e = one(evs, type="meeting")
    assert set(e.participants) == {"Nikol Pashinyan", "Ilham Aliyev"}
    assert e.location == "Brussels" and e.date.value == "2023-05-14"
    assert "peace agreement" in e.topics
    assert len(e.evidence) == 2  # "met" and "the talks" are one event


def test_signed_agreement(nlp):
    evs = events_of(nlp, "On June 19, 2024, Russian President Vladimir Putin and North Korean leader Kim Jong Un "
                         "signed a comprehensive strategic partnership treaty in Pyongyang.")
    e = one(evs, type="agreement")
    assert set(e.participants) == {"Vladimir Putin", "Kim Jong Un"}
    assert e.date.value == "2024-06-19" and e.status == "occurred"


def test_statuses_planned_postponed_cancelled_occurring(nlp):
    evs = events_of(nlp, "Indian Prime Minister Narendra Modi postponed his visit to Moscow. Russian President "
                         "Vladimir Putin will meet Turkish President Recep Erdogan in Astana next month. The summit "
                         "in Hiroshima was cancelled. German Chancellor Olaf Scholz is currently meeting with French "
                         "President Emmanuel Macron in Paris.")
    assert one(evs, location="Moscow").status == "postponed"
    assert one(evs, location="Moscow").roles["Narendra Modi"] == "visitor"
    assert one(evs, location="Astana").status == "planned"
    assert one(evs, location="Hiroshima").status == "cancelled"
    assert one(evs, location="Hiroshima").type == "summit"
    paris = one(evs, location="Paris")
    assert paris.status == "occurring" and set(paris.participants) == {"Olaf Scholz", "Emmanuel Macron"}


def test_meeting_scheduled_for_a_season_is_planned(nlp):
    evs = events_of(nlp, "According to the press, the meeting of Azerbaijani and Armenian Presidents is scheduled "
                         "for autumn.", published="2017-07-25")
    e = one(evs, type="meeting")
    assert e.status == "planned"
    assert set(e.participants) == {"Azerbaijan", "Armenia"}
    assert e.date is not None and e.date.value.startswith("2017")


def test_relative_date_is_shifted_from_the_other_event(nlp):
    evs = events_of(nlp, "Putin's visit to Baku came 10 days after his meeting with Azerbaijani President Ilham "
                         "Aliyev in Sochi on March 1, 2024.")
    visit, meeting = one(evs, type="visit"), one(evs, type="meeting")
    assert meeting.location == "Sochi" and meeting.date.value == "2024-03-01"
    assert visit.location == "Baku" and visit.date.value == "2024-03-11"
    assert "10 days after" in visit.date.text


def test_relative_date_stays_unknown_when_the_other_date_is(nlp):
    evs = events_of(nlp, "Putin's visit to Baku came 24 days after his meeting with Ilham Aliyev in Sochi.",
                    published=None)
    visit = one(evs, type="visit")
    assert visit.date is None or visit.date.value is None
    assert one(evs, type="meeting").location == "Sochi"


def test_caption_of_an_older_meeting_is_its_own_event(nlp):
    evs = events_of(nlp, "Putin-Erdogan meeting in Sochi. 2021\n\nRussian President Vladimir Putin and Turkish "
                         "President Recep Erdogan met in Astana on July 3, 2024. The leaders discussed energy.")
    old, new = one(evs, location="Sochi"), one(evs, location="Astana")
    assert old.date.value == "2021" and new.date.value == "2024-07-03"
    assert set(old.participants) == {"Vladimir Putin", "Recep Erdogan"}
    assert "energy" in new.topics and "energy" not in old.topics


def test_generic_mentions_are_not_events(nlp):
    evs = events_of(nlp, "Frequent meetings between leaders help. Every summit costs money. "
                         "Aliyev and Putin have met more than once.")
    assert evs == ()


def test_background_event_at_a_summit_takes_the_clause_participants(nlp):
    evs = events_of(nlp, "Since then, Ilham Aliyev and Vladimir Putin have met more than once, such as at the SCO summit in "
                         "Samarkand.")
    e = one(evs, location="Samarkand")
    assert {"Aliyev", "Putin"} <= {p.split()[-1] for p in e.participants}


def test_entities_and_timexes_from_the_other_steps_are_used():
    """Hand-made Entity/Timex records (as the people and date steps give them) drive names and dates."""
    from parley.extract.events import extract_events
    from parley.nlp import load

    text = "The Russian leader's visit to Azerbaijan began on Monday."
    doc = load()(text)
    ents = (Entity("e1", "Vladimir Putin", "PERSON", ("President of Russia",),
                   (Mention(4, 22, "Russian leader's"[:18]),)),)
    timexes = (Timex("Monday", "2018-09-17", "DATE", text.index("Monday"), text.index("Monday") + 6),)
    evs = extract_events(doc, ents, timexes, Article(id="t", source="t", text=text))
    e = one(evs, type="visit")
    assert e.roles.get("Vladimir Putin") == "visitor"
    assert e.location == "Azerbaijan"
