"""`parley eval`: score extracted records against a hand-annotated gold file (format parley-gold/1).

Matching follows the gold README: names compare case-insensitively after folding the aliases the gold
lists; a quote matches when its text contains the gold snippet (whitespace and quote marks normalised);
an event matches on type family (meeting, visit, talks and summit are one family), participants (the
predicted event includes all gold participants), location and date. Categories:

    metadata     title, outlet, author, published equal to the gold (null means "not stated")
    boilerplate  gold boilerplate strings absent from the cleaned text
    preserved    gold quote and evidence snippets still present in the cleaned text
    people       gold people found (precision: predicted PERSON entities that are gold people)
    roles        gold roles found on the matched person
    quotes.direct / quotes.indirect   recall by kind; precision over all predicted quotes
    speakers     matched quotes whose speaker is right (ambiguous gold quotes are not scored)
    amounts      value and unit right at the gold snippet
    events       non-optional gold events with type family, participants, place, date and status right
    events.found gold events matched on type family and participants only (how many were seen at all)
    actors       found events whose actors (state codes) cover a state set of ``participants_accept`` or the
                 states of the gold participants (their gold roles: "Japanese Prime Minister" -> JPN)
    topics       gold agenda topics covered by the matched event's topics
    timeline     merged groups sharing one timeline id + distinct pairs kept apart
    conflicts    gold claim groups with opposing stances reported as one conflict

The real-news gold (news-a, news-b) adds, per event, other acceptable values (``participants_accept``: any one
of these participant sets; ``accept_locations``, ``accept_status``; ``location_null_ok``: no place is right
too) and fields that are not scored (``host``: often a state implied by the place; ``relative``, ``note``,
``also_present``); ``timeline.uncertain`` pairs are scored neither way. Its corpus-level fields
(``sources.json``, ``disagreements``, top-level ``claims``, ``questions``) are read and scored by
parley.evaluate_news, which also runs the pipeline over the folder once for every category;
their categories (``disagreements``, ``claims``, ``questions``, ``questions.refused``) are reported only when
the gold has them, so that the seeds keep their rows. ``combine`` adds up the reports of several gold files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from parley.errors import GoldError
from parley.knowledge import state_code, state_in_text
from parley.knowledge.identity import same_person
from parley.models import Event, Record

__all__ = ["Score", "EvalReport", "evaluate_gold", "evaluate_golds", "combine", "score_records", "norm"]

CATEGORIES = ("metadata", "boilerplate", "preserved", "people", "roles", "quotes.direct", "quotes.indirect",
              "speakers", "amounts", "events", "events.found", "actors", "topics", "timeline", "conflicts")
NEWS_CATEGORIES = ("disagreements", "claims", "questions", "questions.refused", "questions.recall@10")  # when the gold has the field

FAMILIES = {"meeting": "meeting", "visit": "meeting", "talks": "meeting", "summit": "meeting",
            "call": "call", "agreement": "agreement"}

QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'"})


def norm(text: str | None) -> str:
    """Fold case, quote marks and whitespace, for comparing snippets."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(QUOTE_MARKS)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class Score:
    gold: int = 0
    matched: int = 0
    predicted: int | None = None
    true_positive: int | None = None  # predictions that matched (for precision), when counted apart

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        if self.predicted is None:
            return None
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        tp = self.matched if self.true_positive is None else self.true_positive
        return min(1.0, tp / self.predicted)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return r
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}

    def __add__(self, other: Score) -> Score:
        """The counts of two row sets together (precision stays uncounted where neither counts it)."""
        if self.predicted is None and other.predicted is None:
            return Score(self.gold + other.gold, self.matched + other.matched)
        return Score(self.gold + other.gold, self.matched + other.matched,
                     (self.predicted or 0) + (other.predicted or 0), self._hits() + other._hits())

    def _hits(self) -> int:
        """Predictions that matched: what precision counts."""
        if self.predicted is None:
            return 0
        return self.matched if self.true_positive is None else self.true_positive


@dataclass
class EvalReport:
    documents: int
    scores: dict[str, Score]
    misses: list[str] = field(default_factory=list)
    gold: str | None = None  # the gold file scored, when one

    def to_dict(self) -> dict[str, Any]:
        out = {"documents": self.documents, "scores": {k: v.to_dict() for k, v in self.scores.items()},
               "misses": self.misses}
        return {"gold": self.gold, **out} if self.gold else out


def combine(reports: Sequence[EvalReport]) -> EvalReport:
    """Several gold files scored as one row set: counts added per category, misses named by their gold file."""
    scores: dict[str, Score] = {}
    misses: list[str] = []
    for report in reports:
        for name, score in report.scores.items():
            scores[name] = scores[name] + score if name in scores else score + Score()
        label = Path(report.gold).stem + ": " if report.gold else ""
        misses.extend(label + m for m in report.misses)
    order = {name: i for i, name in enumerate(CATEGORIES + NEWS_CATEGORIES)}
    scores = dict(sorted(scores.items(), key=lambda item: order.get(item[0], len(order))))
    return EvalReport(sum(r.documents for r in reports), scores, misses)


# -- loading ---------------------------------------------------------------------------------------

def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
        raise GoldError(f"{path}: expected an object with a 'documents' list (format parley-gold/1)")
    for i, doc in enumerate(gold["documents"]):
        if not isinstance(doc, dict) or "file" not in doc:
            raise GoldError(f"{path}: document {i} has no 'file'")
    return gold


def find_corpus(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The folder holding the annotated files: beside the gold file (../corpus/<stem>) or the bundled examples."""
    gold_path = Path(gold_path).resolve()
    names = [d["file"] for d in gold["documents"]]
    candidates = [gold_path.parent.parent / "corpus" / gold_path.stem, gold_path.parent / gold_path.stem,
                  gold_path.parent, Path(__file__).resolve().parents[2] / "examples" / gold_path.stem]
    for folder in candidates:
        if folder.is_dir() and all((folder / n).exists() for n in names):
            return folder
    raise GoldError(f"{gold_path}: cannot find the annotated files {names[:2]}...; pass --corpus FOLDER")


def evaluate_gold(gold_path: Path, corpus: Path | None = None) -> EvalReport:
    """Score one gold file: one pipeline run over its folder serves every category, questions included."""
    from parley import evaluate_news as news

    gold = load_gold(gold_path)
    folder = Path(corpus) if corpus else find_corpus(gold_path, gold)
    paths = [folder / d["file"] for d in gold["documents"]]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise GoldError(f"{missing[0]}: annotated file not found")
    result = news.extract_folder(folder)
    by_file: dict[str, Record] = {}
    for r in result.records:
        by_file.setdefault(Path(r.article.source).name, r)
    report = score_records(gold, by_file, result.conflicts)
    if gold.get("questions"):
        answered, refused, retrieved = news.score_questions(gold["questions"], result, report.misses)
        report.scores.update({"questions": answered, "questions.refused": refused, "questions.recall@10": retrieved})
    report.misses[:0] = result.errors
    report.gold = str(gold_path)
    return report


def evaluate_golds(gold_paths: Sequence[Path], corpus: Path | None = None) -> list[EvalReport]:
    """Each gold file scored on its own (``combine`` adds them up)."""
    return [evaluate_gold(path, corpus) for path in gold_paths]


# -- scoring ---------------------------------------------------------------------------------------

def _aliases(doc: dict[str, Any]) -> dict[str, set[str]]:
    """canonical name -> every normalised way the gold lets it be written."""
    out = {}
    for p in doc.get("people", []):
        names = {norm(p["name"]), *(norm(a) for a in p.get("aliases", []))}
        out[norm(p["name"])] = names
    return out


def _same_person(predicted: str | None, gold_name: str, aliases: dict[str, set[str]]) -> bool:
    """A name the gold lists for the person, or a variant the person identity joins to it ("K Shanmugam" for
    "K. Shanmugam") that fits no other gold person of the document (a bare "Marcos" beside two Marcoses)."""
    if not predicted:
        return False
    if norm(predicted) in aliases.get(norm(gold_name), {norm(gold_name)}):
        return True
    return same_person(predicted, gold_name, among=list(aliases))


def _covers(predicted: Iterable[str], gold_name: str, aliases: dict[str, set[str]]) -> bool:
    return any(_same_person(p, gold_name, aliases) for p in predicted)


def _categories(gold: dict[str, Any]) -> list[str]:
    """The rows of a report: the seeds' categories, and those of the real-news fields this gold has."""
    return list(CATEGORIES) + [n for n in ("disagreements", "claims") if gold.get(n)]


def score_records(gold: dict[str, Any], by_file: dict[str, Record], conflicts: Sequence[dict] = ()) -> EvalReport:
    """Every category but the questions (which need a store: see evaluate_gold)."""
    from parley import evaluate_news as news

    s = {n: Score() for n in _categories(gold)}
    s["people"].predicted = s["people"].true_positive = 0
    s["quotes.direct"].predicted = s["quotes.indirect"].predicted = 0
    s["quotes.direct"].true_positive = s["quotes.indirect"].true_positive = 0
    s["amounts"].predicted = s["amounts"].true_positive = 0
    s["events.found"].predicted = s["events.found"].true_positive = 0
    misses: list[str] = []
    event_match: dict[tuple[str, str], Event] = {}  # (file, gold key) -> predicted event
    documents = 0

    for doc in gold["documents"]:
        name = doc["file"]
        record = by_file.get(name)
        if record is None:
            misses.append(f"{name}: no record produced")
            continue
        documents += 1
        aliases = _aliases(doc)
        _score_metadata(doc, record, s["metadata"], misses)
        _score_text(doc, record, s["boilerplate"], s["preserved"], misses)
        _score_people(doc, record, aliases, s["people"], s["roles"], misses)
        _score_quotes(doc, record, aliases, s, misses)
        _score_amounts(doc, record, s["amounts"], misses)
        _score_events(doc, record, aliases, s, misses, event_match)

    _score_timeline(gold, by_file, event_match, s["timeline"], misses)
    _score_conflicts(gold, by_file, conflicts, s["conflicts"], misses)
    if "disagreements" in s:
        news.score_disagreements(gold["disagreements"], by_file, conflicts, s["disagreements"], misses)
    if "claims" in s:
        news.score_claims(gold["claims"], by_file, s["claims"], misses)
    return EvalReport(documents=documents, scores=s, misses=misses)


def _score_metadata(doc, record, score, misses) -> None:
    a = record.article
    for key in ("title", "outlet", "author", "published"):
        if key not in doc:
            continue
        score.gold += 1
        want, got = doc[key], getattr(a, key)
        if key == "published" and want and got:
            ok = got.startswith(want) or want.startswith(got[:10]) and len(want) <= len(got)
        else:
            ok = norm(want) == norm(got)
        if ok:
            score.matched += 1
        else:
            origin = f" ({doc['published_from']})" if key == "published" and doc.get("published_from") else ""
            misses.append(f"{doc['file']}: {key} {got!r} != gold {want!r}{origin}")


def _score_text(doc, record, boilerplate, preserved, misses) -> None:
    text = norm(record.article.text)
    for b in doc.get("boilerplate", []):
        boilerplate.gold += 1
        if norm(b) in text:
            misses.append(f"{doc['file']}: boilerplate kept: {b!r}")
        else:
            boilerplate.matched += 1
    snippets = [q["contains"] for q in doc.get("quotes", []) + doc.get("ambiguous_quotes", [])]
    snippets += [e["evidence"] for e in doc.get("events", []) if e.get("evidence") and not e.get("optional")]
    for snippet in snippets:
        preserved.gold += 1
        if norm(snippet) in text:
            preserved.matched += 1
        else:
            misses.append(f"{doc['file']}: cleaning lost {snippet!r}")


def _score_people(doc, record, aliases, people, roles, misses) -> None:
    persons = [e for e in record.entities if e.type == "PERSON"]
    gold_names = set().union(*aliases.values()) if aliases else set()
    people.predicted += len(persons)
    people.true_positive += sum(
        1 for e in persons if norm(e.name) in gold_names or any(norm(m.text) in gold_names for m in e.mentions)
    )
    for p in doc.get("people", []):
        people.gold += 1
        names = aliases[norm(p["name"])]
        found = [e for e in persons if norm(e.name) in names]
        if not found:
            misses.append(f"{doc['file']}: person not found: {p['name']}")
        else:
            people.matched += 1
        for role in p.get("roles", []):
            roles.gold += 1
            have = [norm(r) for e in found for r in e.roles]
            if any(norm(role) in r or r in norm(role) for r in have if r):
                roles.matched += 1
            else:
                misses.append(f"{doc['file']}: role not found: {p['name']} — {role}")


def _score_quotes(doc, record, aliases, s, misses) -> None:
    predicted = list(record.quotes)
    for q in predicted:
        key = "quotes.indirect" if q.kind == "indirect" else "quotes.direct"
        s[key].predicted += 1
    gold_all = doc.get("quotes", []) + [dict(g, kind=None) for g in doc.get("ambiguous_quotes", [])]
    hit_predictions = set()
    for g in gold_all:
        snippet = norm(g["contains"])
        kind = g.get("kind")
        candidates = [i for i, q in enumerate(predicted) if snippet in norm(q.text)]
        hit_predictions.update(candidates)
        if kind is None:
            continue
        key = "quotes.indirect" if kind == "indirect" else "quotes.direct"
        s[key].gold += 1
        same_kind = [i for i in candidates if predicted[i].kind == kind or predicted[i].kind == "mixed"]
        if not same_kind:
            misses.append(f"{doc['file']}: {kind} quote not found: {g['contains']!r}"
                          + (f" (found as {predicted[candidates[0]].kind})" if candidates else ""))
            continue
        s[key].matched += 1
        s["speakers"].gold += 1
        # the narrowest matching quote is the one that carries this snippet's speaker (nested quotes)
        best = min(same_kind, key=lambda i: len(predicted[i].text))
        if _same_person(predicted[best].speaker, g["speaker"], aliases) \
                or (g["speaker"] is None and not _person_speaker(predicted[best], record)):
            s["speakers"].matched += 1
        else:
            misses.append(f"{doc['file']}: speaker {predicted[best].speaker!r} != {g['speaker']!r} "
                          f"for {g['contains']!r}")
    for i in hit_predictions:
        key = "quotes.indirect" if predicted[i].kind == "indirect" else "quotes.direct"
        s[key].true_positive += 1


def _person_speaker(q, record) -> bool:
    """Whether a quote is given to a person: gold speaker null is an organisation's statement or an unnamed source
    (the gold note), so a quote left with no speaker or given to an organisation entity is right there."""
    return q.speaker is not None and any(e.id == q.speaker_id and e.type == "PERSON" for e in record.entities)


def _score_amounts(doc, record, score, misses) -> None:
    score.predicted += len(record.amounts)
    text = record.article.text
    for g in doc.get("amounts", []):
        score.gold += 1
        ok = False
        for a in record.amounts:
            window = norm(text[max(0, a.start - 60): a.end + 60])
            near = norm(a.text) in norm(g["contains"]) or norm(g["contains"]) in window
            gold_value = _gold_amount_value(g["value"])
            if near and abs(float(a.value) - gold_value) <= 1e-6 * max(1.0, abs(gold_value)) \
                    and _unit_key(a.unit) in _gold_unit_keys(g["unit"]):
                ok = True
                break
        if not ok and _duration_found(g, record, text):
            ok = True
            score.predicted += 1  # the timex counts as a prediction, so precision stays matched / predicted
        if ok:
            score.matched += 1
            score.true_positive += 1
        else:
            misses.append(f"{doc['file']}: amount not found: {g['value']} {g['unit']} ({g['contains']!r})")


_DURATION_CODES = {"year": "P{}Y", "month": "P{}M", "week": "P{}W", "day": "P{}D", "hour": "PT{}H", "minute": "PT{}M"}


def _duration_found(g, record, text: str) -> bool:
    """A gold amount in units of time ("lasted two hours": 2 hours) is found when the record holds it as a DURATION
    timex of that length at the snippet (PT2H): lengths of time are timexes in parley, as in TimeML."""
    unit = _unit_key(g["unit"])
    code = _DURATION_CODES.get(unit)
    if code is None:
        return False
    value = _gold_amount_value(g["value"])
    want = code.format(int(value) if value == int(value) else value)
    for t in record.timexes:
        window = norm(text[max(0, t.start - 60): t.end + 60])
        near = norm(t.text) in norm(g["contains"]) or norm(g["contains"]) in window
        if near and t.type == "DURATION" and t.value == want:
            return True
    return False


def _gold_amount_value(value) -> float:
    """A gold value; a range ("6-7") is compared by its lower bound, the value extraction keeps for a range."""
    if isinstance(value, str) and re.fullmatch(r"\s*[\d.]+\s*[-–]\s*[\d.]+\s*", value):
        return float(re.split(r"[-–]", value)[0])
    return float(value)


@lru_cache(maxsize=1)
def _unit_vocabulary() -> dict[str, str]:
    """Currency names and codes to their ISO code, counted nouns to their category: the unit vocabulary extraction
    writes with (nlp/data/currencies.txt, count_categories.txt), applied to gold and prediction alike."""
    from parley.nlp import lexicon

    out: dict[str, str] = {}
    for name in ("count_categories", "currencies"):
        for line in lexicon(name):
            key, _, rest = line.partition(":")
            for alias in rest.split("|"):
                if alias.strip():
                    out[alias.strip().lower()] = key.strip().lower()
            out[key.strip().lower()] = key.strip().lower()
    return out


def _unit_key(unit: str) -> str:
    vocabulary = _unit_vocabulary()
    u = norm(re.sub(r"\s*\(.*?\)", "", unit)).lower()
    for form in (u, u[:-1] if u.endswith("s") else u, u[:-3] + "y" if u.endswith("ies") else u):
        if form in vocabulary:
            return vocabulary[form]
    return u[:-1] if u.endswith("s") and not u.endswith("ss") else u


def _gold_unit_keys(unit: str) -> set[str]:
    """A gold unit is a phrase ("agreements and memoranda of understanding", "police officers", "gun salute",
    "years (age of ...)"): the note in brackets is the annotator's, and the counted noun is the phrase itself, its
    first conjunct, or that conjunct's first or last word; extraction's unit is the noun the number modifies."""
    bare = re.sub(r"\s*\(.*?\)", "", unit).strip()
    first = re.split(r"\s+(?:and|of|since)\s+", bare)[0].split()
    forms = {bare, " ".join(first)} | ({first[0], first[-1]} if first else set())
    return {_unit_key(f) for f in forms if f}


def _participant_sets(g) -> list[list[str]]:
    """The participants, or any one set of ``participants_accept`` (an agreement of two states, no person named)."""
    sets = [list(p) for p in g.get("participants_accept") or []]
    if g["participants"] or not sets:
        sets.insert(0, list(g["participants"]))
    return [p for i, p in enumerate(sets) if p not in sets[:i]]


def _event_found(g, events, aliases) -> list[Event]:
    family = FAMILIES.get(g["type"], g["type"])
    return [e for e in events
            if FAMILIES.get(e.type, e.type) == family
            and any(all(_covers(e.participants, p, aliases) or _participant_state(e, p) for p in wanted)
                    or _actors_cover(e, _state_set(wanted))
                    for wanted in _participant_sets(g))]


def _state_set(names: Sequence[str]) -> set[str] | None:
    """The codes of a participant set made only of states ("Iran", "Saudi Arabia"), else None."""
    codes = {state_code(n) for n in names}
    return None if not names or None in codes else codes  # type: ignore[return-value]


def _actors_cover(e: Event, codes: set[str] | None) -> bool:
    return bool(codes) and codes <= set(e.actors)  # type: ignore[operator]


def _gold_states(g, doc) -> list[set[str]]:
    """The state sets an event's actors may cover: each all-state set of participants_accept, and the states of
    the gold participants read from their gold roles (none when one participant has no state in the gold)."""
    sets = [c for c in (_state_set(w) for w in g.get("participants_accept") or []) if c]
    roles = {norm(p["name"]): p.get("roles") or [] for p in doc.get("people", [])}
    codes = set()
    for name in g["participants"]:
        code = state_code(name) or next((c for c in map(state_in_text, roles.get(norm(name), [])) if c), None)
        if code is None:
            return sets
        codes.add(code)
    if codes:
        sets.append(codes)
    return sets


def _participant_state(event: Event, gold_participant: str) -> bool:
    """'President of Armenia' is met by a participant naming Armenia when no person is named."""
    words = set(norm(gold_participant).split())
    return any(norm(p) in words for p in event.participants)


def _location_ok(g, e: Event) -> bool:
    if e.location is None and g.get("location_null_ok"):
        return True
    return norm(e.location) in {norm(g.get("location")), *(norm(x) for x in g.get("accept_locations") or [])}


def _status_ok(g, e: Event) -> bool:
    return e.status in {g.get("status"), *(g.get("accept_status") or [])}


def _dates_ok(g, e: Event) -> bool:
    """The event's date is a gold value, or a time within a gold day: '2023-05-07TMO' (Sunday morning) and
    '2023-05-07T14:30' are on '2023-05-07' (the gold dates events to the day)."""
    accepted = {g.get("date")} | set(g.get("accept_dates", []))
    value = e.date.value if e.date else None
    return value in accepted or (value is not None and "T" in value and value.split("T", 1)[0] in accepted)


def _score_events(doc, record, aliases, s, misses, event_match) -> None:
    events = list(record.events)
    s["events.found"].predicted += len(events)
    claimed = set()
    for g in doc.get("events", []):
        found = _event_found(g, events, aliases)
        claimed.update(id(e) for e in found)
        if g.get("optional"):
            if found:
                event_match[(doc["file"], g["key"])] = found[0]
            continue
        s["events"].gold += 1
        s["events.found"].gold += 1
        if not found:
            who = " | ".join(", ".join(p) for p in _participant_sets(g))
            misses.append(f"{doc['file']}: event not found: {g['key']} ({g['type']}, {who})")
            continue
        s["events.found"].matched += 1

        def quality(e: Event) -> int:
            return _location_ok(g, e) + _dates_ok(g, e) + _status_ok(g, e)

        best = max(found, key=quality)
        event_match[(doc["file"], g["key"])] = best
        states = _gold_states(g, doc)
        if states:
            s["actors"].gold += 1
            if any(_actors_cover(best, c) for c in states):
                s["actors"].matched += 1
            else:
                misses.append(f"{doc['file']}: event {g['key']}: actors {list(best.actors)} do not cover "
                              + " | ".join(",".join(sorted(c)) for c in states))
        problems = []
        if not _location_ok(g, best):
            problems.append(f"location {best.location!r} != {g.get('location')!r}")
        if not _dates_ok(g, best):
            problems.append(f"date {best.date.value if best.date else None!r} != {g.get('date')!r}")
        if not _status_ok(g, best):
            problems.append(f"status {best.status!r} != {g.get('status')!r}")
        if problems:
            misses.append(f"{doc['file']}: event {g['key']}: " + "; ".join(problems))
        else:
            s["events"].matched += 1
        for topic in g.get("topics", []):
            s["topics"].gold += 1
            if _topic_covered(topic, best.topics):
                s["topics"].matched += 1
            else:
                misses.append(f"{doc['file']}: event {g['key']}: topic not covered: {topic!r}")
    s["events.found"].true_positive += len(claimed)
    s["events"].predicted = s["events.found"].predicted
    s["events"].true_positive = s["events.found"].true_positive


def _topic_covered(gold_topic: str, topics: Sequence[str]) -> bool:
    """Match by meaning: the same taxonomy topic, or one name containing the other."""
    g = norm(gold_topic)
    ids = _topic_ids(gold_topic)
    for t in topics:
        n = norm(t)
        if g == n or (len(n) > 3 and (g in n or n in g)):
            return True
        if ids and ids & (_topic_ids(t) | {n}):
            return True
    return False


def _topic_ids(text: str) -> set[str]:
    try:
        from parley.extract.topics import topic_ids
    except ImportError:
        return set()
    return set(topic_ids(text))


def _score_timeline(gold, by_file, event_match, score, misses) -> None:
    timeline = gold.get("timeline") or {}
    for group in timeline.get("merged", []):
        score.gold += 1
        ids = [event_match[(f, group["key"])].timeline_id if (f, group["key"]) in event_match else None
               for f in group["files"]]
        if all(ids) and len(set(ids)) == 1:
            score.matched += 1
        else:
            misses.append(f"timeline: {group['key']} not merged across {group['files']} (ids {ids})")
    keys_to_ids: dict[str, set[str | None]] = {}
    for (f, key), e in event_match.items():
        keys_to_ids.setdefault(key, set()).add(e.timeline_id)
    uncertain = _uncertain_pairs(timeline)
    for a, b in timeline.get("distinct", []):
        if frozenset((a, b)) in uncertain:
            continue
        score.gold += 1
        ia, ib = keys_to_ids.get(a), keys_to_ids.get(b)
        if ia is None or ib is None:
            misses.append(f"timeline: cannot check {a} vs {b}: event not found")
        elif ia & ib - {None}:
            misses.append(f"timeline: {a} and {b} wrongly merged")
        else:
            score.matched += 1


def _uncertain_pairs(timeline: dict[str, Any]) -> set[frozenset[str]]:
    """``timeline.uncertain``: pairs ({"keys": [a, b], "note": ...} or [a, b]) scored neither way."""
    pairs = set()
    for item in timeline.get("uncertain", []):
        keys = item.get("keys", []) if isinstance(item, dict) else item
        pairs.add(frozenset(keys))
    return pairs


def _score_conflicts(gold, by_file, conflicts, score, misses) -> None:
    groups: dict[str, list[tuple[str, dict]]] = {}
    for doc in gold["documents"]:
        for c in doc.get("claims", []):
            groups.setdefault(c["key"], []).append((doc["file"], c))
    if not groups:
        return
    ids = {name: r.article.id for name, r in by_file.items()}
    for key, claims in groups.items():
        stances = {c["stance"] for _, c in claims}
        if len(stances) < 2:
            continue
        score.gold += 1
        ok = False
        for conflict in conflicts:
            sides = conflict.get("sides") or []
            covered = 0
            for f, c in claims:
                if any(side.get("article_id") == ids.get(f) and _side_text_covers(side, c["contains"], by_file[f])
                       for side in sides):
                    covered += 1
            if covered == len(claims):
                ok = True
                break
        if ok:
            score.matched += 1
        else:
            misses.append(f"conflicts: claims {key!r} ({', '.join(sorted(stances))}) not reported as a conflict")


def _side_text_covers(side: dict, snippet: str, record: Record) -> bool:
    text = side.get("text")
    if text is None and "start" in side:
        text = record.article.text[side["start"]:side["end"]]
    return norm(snippet) in norm(text) or norm(text) in norm(snippet)
