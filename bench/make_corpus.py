"""Generate a large synthetic store of diplomacy news for benchmarks, written straight through Store.write_records.

Articles are composed from varied sentence templates (meetings, visits, calls, quotes, figures, background) filled
with invented leaders, countries, cities, topics and dates; every record carries offset-exact sentences, entities,
quotes, events (with topic evidence), amounts and timexes, and a timeline groups the events reported more than once.
No spaCy: 100,000 articles take minutes, not hours.

    python bench/make_corpus.py OUT.duckdb --n 100000 [--seeds examples/seeds]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

from parley.models import Amount, Article, Entity, Event, EventDate, Evidence, Mention, Quote, Record, Timex

FIRST = ["Anna", "Tomas", "Leila", "Omar", "Mei", "Juan", "Ingrid", "Kofi", "Ravi", "Sofia", "Dmitri", "Aiko",
         "Pedro", "Fatima", "Lars", "Nadia", "Kwame", "Elena", "Yusuf", "Hana", "Marek", "Zeynep", "Arjun", "Chloe"]
LAST = ["Berg", "Varga", "Haddad", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Mensah", "Rossi",
        "Petrov", "Silva", "Nakamura", "Demir", "Novak", "Ibrahim", "Costa", "Larsen", "Kaur", "Dubois",
        "Horvat", "Yilmaz", "Sato", "Mwangi", "Fischer", "Alvarez", "Popescu", "Khan", "Olsen", "Mazur"]
COUNTRIES = [("Norland", "Norlandic", "Valen"), ("Estravia", "Estravian", "Port Seren"), ("Kelmar", "Kelmari", "Tashir"),
             ("Ostova", "Ostovan", "Brenn"), ("Calder", "Calderan", "Meridia"), ("Sunmark", "Sunmarkian", "Aurel"),
             ("Velora", "Veloran", "Castelo"), ("Drava", "Dravan", "Lunsk"), ("Pelagia", "Pelagian", "Thessa"),
             ("Arvenia", "Arvenian", "Korsk"), ("Marisco", "Mariscan", "Bahia Alta"), ("Zemlya", "Zemlyan", "Orel")]
ROLES = ["President", "Prime Minister", "Foreign Minister", "Chancellor", "Defence Minister", "Trade Minister"]
TOPICS = ["energy cooperation", "gas transit", "grain exports", "border security", "a transport corridor",
          "nuclear safety", "migration", "sanctions relief", "a free trade agreement", "water sharing",
          "peacekeeping", "fisheries", "tariffs on steel", "visa rules", "a new railway line", "climate finance",
          "arms control", "port access", "refugee returns", "investment protection"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
OUTLETS = ["Danube Post", "Vistula Daily", "Northern Ledger", "Caspian Herald", "Atlas Wire", "Meridian Times",
           "The Harbour Review", "Eastern Dispatch", "Continental Courier", "Baltic Observer"]
VERBS = ["said", "told reporters", "stressed", "noted", "warned", "argued", "added", "explained"]
BACKGROUND = [
    "Relations between {c1} and {c2} have been uneven since the dispute over {topic} two years ago.",
    "Analysts in {city} expect the talks to shape the region's agenda for the coming months.",
    "The opposition in {c1} criticised the government for moving too slowly on {topic}.",
    "Diplomats said the two sides had exchanged drafts on {topic} before the meeting.",
    "Markets reacted calmly to the news, with the {adj} currency little changed.",
    "The visit follows months of quiet contacts between officials of both countries.",
    "Observers noted that {topic} has become a priority for governments across the region.",
    "Protesters gathered outside the venue, calling for progress on {topic}.",
]


def _person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)


class _Writer:
    """Appends sentences to an article text and remembers their offsets."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.sentences: list[tuple[int, int]] = []

    def add(self, sentence: str) -> int:
        if self.parts:
            self.parts.append(" " if len(self.sentences) % 3 else "\n\n")
            self.pos += len(self.parts[-1])
        start = self.pos
        self.parts.append(sentence)
        self.pos += len(sentence)
        self.sentences.append((start, self.pos))
        return start

    @property
    def text(self) -> str:
        return "".join(self.parts)


def make_record(i: int, rng: random.Random, events_pool: list[tuple]) -> tuple[Record, tuple]:
    # half the articles report an event already reported elsewhere: the timeline has something to merge
    if events_pool and rng.random() < 0.5:
        key = rng.choice(events_pool)
    else:
        (c1, adj1, city1), (c2, adj2, city2) = rng.sample(COUNTRIES, 2)
        (p1, r1), (p2, r2) = _person(rng), _person(rng)
        year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        kind = rng.choice(["meeting", "visit", "talks", "call"])
        topics = tuple(rng.sample(TOPICS, 2))
        key = (c1, adj1, city1, c2, adj2, city2, p1, r1, p2, r2, year, month, day, kind, topics)
        events_pool.append(key)
    c1, adj1, city1, c2, adj2, city2, p1, r1, p2, r2, year, month, day, kind, topics = key
    w = _Writer()
    date_text = f"{MONTHS[month - 1]} {day}"
    lead = {
        "meeting": f"{adj1} {r1} {p1} met {adj2} {r2} {p2} in {city2} on {date_text}.",
        "visit": f"{adj1} {r1} {p1} arrived in {city2} on {date_text} for a visit hosted by {p2}.",
        "talks": f"{p1} and {p2} held talks in {city2} on {date_text}, their first since the election in {c1}.",
        "call": f"{p1} spoke by phone with {p2} on {date_text}, officials in {city1} said.",
    }[kind]
    ev_start = w.add(lead)
    ev_end = w.pos
    t_start = w.add(f"The agenda included {topics[0]} and {topics[1]}, according to a statement from {city1}.")
    t_end = w.pos
    quotes, amounts = [], []
    for _ in range(rng.randint(1, 3)):
        speaker = rng.choice([p1, p2])
        topic = rng.choice(topics)
        words = rng.choice([f"We made real progress on {topic} today",
                            f"There is no alternative to dialogue on {topic}",
                            f"Our position on {topic} has not changed",
                            f"The talks on {topic} were difficult but honest"])
        verb = rng.choice(VERBS)
        s = w.add(f"\"{words},\" {speaker.split()[-1]} {verb}.")
        quotes.append(Quote(text=words, kind="direct", start=s + 1, end=s + 1 + len(words), speaker=speaker,
                            cue=verb))
    value = rng.randint(2, 90)
    unit_word = rng.choice(["billion dollars", "million euros", "billion euros"])
    obj = rng.choice(["bilateral trade", "trade turnover", "investment", "the loan", "energy imports"])
    s = w.add(f"Officials put {obj} at {value} {unit_word} in {year - 1}.")
    at = s + len(f"Officials put {obj} at ")
    mult = 1e9 if "billion" in unit_word else 1e6
    amounts.append(Amount(value=value * mult, unit="USD" if "dollar" in unit_word else "EUR",
                          text=f"{value} {unit_word}", start=at, end=at + len(f"{value} {unit_word}"), object=obj))
    for _ in range(rng.randint(4, 9)):
        w.add(rng.choice(BACKGROUND).format(c1=c1, c2=c2, city=rng.choice([city1, city2]), topic=rng.choice(TOPICS),
                                            adj=adj1))
    text = w.text
    aid = hashlib.sha1(f"bench-{i}-{text}".encode()).hexdigest()[:16]
    published = f"{year}-{month:02d}-{min(day + rng.randint(0, 2), 28):02d}"
    article = Article(id=aid, source=f"bench/{i}.txt", text=text, title=f"{p1} and {p2}: {topics[0]}",
                      outlet=rng.choice(OUTLETS), published=published)
    entities = (
        Entity("e1", p1, "PERSON", (f"{r1} of {c1}",), (Mention(text.index(p1), text.index(p1) + len(p1), p1),)),
        Entity("e2", p2, "PERSON", (f"{r2} of {c2}",), (Mention(text.index(p2), text.index(p2) + len(p2), p2),)),
        Entity("e3", city2, "GPE"),
    )
    d0 = text.find(date_text)
    timexes = (Timex(date_text, f"{year}-{month:02d}-{day:02d}", "DATE", d0, d0 + len(date_text)),) if d0 >= 0 else ()
    event = Event(id="ev1", type=kind, participants=(p1, p2), location=None if kind == "call" else city2,
                  date=EventDate(f"{year}-{month:02d}-{day:02d}", date_text), topics=topics,
                  evidence=(Evidence(ev_start, ev_end),), topic_evidence=(Evidence(t_start, t_end),),
                  timeline_id="tl-" + hashlib.sha1(repr(key).encode()).hexdigest()[:12])
    record = Record(article=article, entities=entities, quotes=tuple(quotes), events=(event,),
                    amounts=tuple(amounts), timexes=timexes, sentences=tuple(w.sentences))
    return record, key


def build(path: Path, n: int, seeds: Path | None = None, batch: int = 2000, seed: int = 7) -> float:
    from parley.store import Store

    rng = random.Random(seed)
    started = time.perf_counter()
    timeline: dict[str, dict] = {}
    pool: list[tuple] = []
    with Store(path) as store:
        if seeds is not None and seeds.exists():
            from parley import pipeline

            pipeline.ingest([seeds], store)
        for lo in range(0, n, batch):
            records = []
            for i in range(lo, min(n, lo + batch)):
                record, _ = make_record(i, rng, pool)
                records.append(record)
                ev = record.events[0]
                entry = timeline.setdefault(ev.timeline_id, {
                    "timeline_id": ev.timeline_id, "type": ev.type, "date": ev.date.value,
                    "location": ev.location, "participants": list(ev.participants), "status": ev.status,
                    "topics": list(ev.topics), "mentions": []})
                entry["mentions"].append({"article_id": record.article.id, "event_id": ev.id,
                                          "evidence": [{"start": x.start, "end": x.end} for x in ev.evidence],
                                          "confidence": 1.0})
            store.write_records(records)
            print(f"  {min(n, lo + batch)}/{n} articles written ({time.perf_counter() - started:.0f} s)",
                  file=sys.stderr)
        seeded_timeline = store.timeline()
        store.replace_corpus(people=store.people(), timeline=seeded_timeline + list(timeline.values()),
                             conflicts=store.conflicts())
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[1] / "examples" / "seeds")
    args = ap.parse_args()
    secs = build(args.out, args.n, args.seeds)
    print(f"{args.n} articles in {secs:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
