"""The one orchestration spine of parley, read top to bottom.

    ingest(paths, store):
      per batch of BATCH articles, as they are read (memory does not grow with the size of the call):
        1. read      files, folders, feeds, JSONL, WARC -> cleaned Articles (bad files become error lines)
        2. skip      articles whose id (hash of the cleaned text) is already stored
        3. dedup     near-duplicates of stored or earlier articles get ``duplicate_of`` (MinHash LSH)
        4. analyse   spaCy ``nlp.pipe`` once over the batch, then ``extract.build_record`` per Doc
        5. store     the batch in one transaction (a killed run keeps whole articles only)
      once, at the end:
        6. resolve   the new articles against the corpus: people, timeline (event ids), conflicts, looking up
                     in the store only what they can change (resolve.incremental, resolve.people); only
                     changed rows rewritten. ``refresh`` recomputes it all, and repairs.
        7. index     the search index beside the store is updated with the new articles

    extract(paths): steps 1, 4 and 6 without any database, for the JSONL export.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from parley import ingest as readers
from parley.errors import InputError, OversizeInputError
from parley.extract import build_record
from parley.ingest.dedup import DuplicateIndex
from parley.ingest.limits import Limits
from parley.models import Article, Record
from parley.resolve import incremental
from parley.resolve import incremental_conflicts as inc_conflicts
from parley.resolve.conflicts import find_conflicts
from parley.resolve.people import member_keys, members_of, merge_new_people, merge_people, merge_people_ranked
from parley.resolve.timeline import assign_timeline_ids, build_timeline
from parley.search import index_current, update_index
from parley.store import ArticleIndex, CorpusChanges, MemberRow, Store

__all__ = ["Corpus", "IngestReport", "AddedArticle", "ingest", "extract", "analyse", "resolve_corpus", "refresh",
           "resolve_new"]

BATCH = 64
Progress = Callable[[str, int], None]  # (stage, advance)


@dataclass(frozen=True)
class AddedArticle:
    """What the ingest summary shows of one added article (its text stays in the store, not in memory)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    author: str | None
    words: int
    removed: int  # lines cleaning removed
    duplicate_of: str | None

    @classmethod
    def of(cls, a: Article) -> "AddedArticle":
        return cls(a.id, a.title, a.outlet, a.published, a.author, len(a.text.split()), len(a.removed),
                   a.duplicate_of)


EXAMPLES = 10  # distinct removed lines the report keeps as examples


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    repaired: bool = False  # an earlier, interrupted run's resolve or index step was completed
    added_articles: list[AddedArticle] = field(default_factory=list)
    removed_examples: list[str] = field(default_factory=list)  # the first EXAMPLES distinct removed lines
    removed_distinct: int = 0  # how many distinct lines cleaning removed from the added articles
    _removed_seen: set[bytes] = field(default_factory=set, repr=False)  # hashes of those lines

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def note_added(self, articles: Iterable[Article]) -> None:
        for a in articles:
            self.added_articles.append(AddedArticle.of(a))
            for line in a.removed:
                key = hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=8).digest()
                if key not in self._removed_seen:
                    self._removed_seen.add(key)
                    self.removed_distinct += 1
                    if len(self.removed_examples) < EXAMPLES:
                        self.removed_examples.append(line)

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "added": self.added,
            "already_stored": self.already_stored,
            "duplicates": self.duplicates,
            "errors": list(self.errors),
            "repaired": self.repaired,
            "added_ids": [a.id for a in self.added_articles],
        }


def _noop(stage: str, advance: int) -> None:
    return None


def with_published(article: Article, published: str | None) -> Article:
    """Give an article a publication date when its source did not (``--published``)."""
    if not published or article.published:
        return article
    return replace(article, published=published, published_from="given")


def analyse(articles: Sequence[Article], progress: Progress = _noop,
            limits: Limits = Limits()) -> Iterator[Record | InputError]:
    """Step 4: one spaCy pass over the articles, then the extraction steps per Doc.
    An article longer than ``limits.max_article_chars`` never reaches spaCy (whose own max_length is
    set to the same limit): it comes back as an InputError naming its source. Articles go to spaCy
    in groups of at most that many characters, so memory stays bounded by the limit."""
    from parley.nlp import load

    nlp = load()
    nlp.max_length = limits.max_article_chars
    for group in _groups_by_size(articles, limits):
        if isinstance(group, InputError):
            yield group
            continue
        for doc, article in nlp.pipe(((a.text, a) for a in group), as_tuples=True, batch_size=32):
            yield build_record(article, doc)
            progress("analyse", 1)


def _groups_by_size(articles: Iterable[Article], limits: Limits) -> Iterator[list[Article] | InputError]:
    """Consecutive articles whose texts add up to at most the article limit; an InputError in place
    of an article over it."""
    group: list[Article] = []
    size = 0
    for a in articles:
        problem = limits.article_problem(len(a.text))
        if problem:
            yield OversizeInputError(a.source, problem)
            continue
        if group and size + len(a.text) > limits.max_article_chars:
            yield group
            group, size = [], 0
        group.append(a)
        size += len(a.text)
    if group:
        yield group


def _split(results: Iterable[Record | InputError], errors: list[str]) -> list[Record]:
    """The records of analyse, each error appended to ``errors`` as its line."""
    records = []
    for item in results:
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            records.append(item)
    return records


def resolve_corpus(records: Sequence[Record]) -> tuple[list[Record], list[dict], list[dict], list[dict]]:
    """Step 6: cross-article people, timeline and conflicts. Returns records with timeline ids filled."""
    timeline = build_timeline(records)
    records = assign_timeline_ids(records, timeline)
    people = [_as_dict(p) for p in merge_people(records)]
    conflicts = [_as_dict(c) for c in find_conflicts(records, timeline)]
    return list(records), people, timeline.to_dict()["entries"], conflicts


@dataclass
class Corpus:
    """What `extract` finds in a set of files, without a database."""

    records: list[Record]
    errors: list[str]
    people: list[dict]
    timeline: list[dict]
    conflicts: list[dict]


def _as_dict(item) -> dict:
    return item.to_dict() if hasattr(item, "to_dict") else asdict(item)


def extract(paths: Sequence[str | Path], published: str | None = None,
            progress: Progress = _noop, limits: Limits = Limits(),
            adjust: Callable[[Article], Article] | None = None) -> Corpus:
    """Read and analyse articles without a database: the records of the JSONL export, and error lines.
    ``adjust`` changes each article after reading and before analysis (eval gives a page's sources.json)."""
    articles, errors = [], []
    for item in readers.read_paths(paths, limits):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            article = with_published(item, published)
            articles.append(adjust(article) if adjust else article)
            progress("read", 1)
    index = DuplicateIndex()
    articles = _unique(readers.dedup.mark_duplicates(articles, index))
    records, people, timeline, conflicts = resolve_corpus(_split(analyse(articles, progress, limits), errors))
    return Corpus(records, errors, people, timeline, conflicts)


def _unique(articles: Iterable[Article]) -> list[Article]:
    seen, out = set(), []
    for a in articles:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def ingest(paths: Sequence[str | Path], store: Store, *, published: str | None = None,
           progress: Progress = _noop, limits: Limits = Limits()) -> IngestReport:
    """Steps 1-5 stream: articles are read, deduplicated, analysed and stored ``BATCH`` at a time, so memory
    does not grow with the size of the call (the report keeps a small summary per added article). Steps 6-7
    run once at the end, over the whole store."""
    report = IngestReport()
    known = store.article_ids()
    index = DuplicateIndex()

    for batch in batches(_fresh(paths, known, report, published, progress, limits), BATCH):
        # 3. near-duplicates against the stored articles sharing a band key, earlier batches and each other
        batch = readers.dedup.mark_duplicates(batch, index, store.band_matches)
        report.duplicates += sum(1 for a in batch if a.duplicate_of)
        # 4-5. analyse, then store the batch (with what resolving looks it up by) in one transaction
        records = _split(analyse(batch, progress, limits), report.errors)
        analysed = {r.article.id for r in records}
        signatures = {i: index.stored_signature(i) for i in analysed}  # hashed by mark_duplicates
        lookups = [article_index(r, signatures.get(r.article.id), index) for r in records]
        report.added += store.write_records(records, signatures, lookups)
        report.note_added(a for a in batch if a.id in analysed)
        progress("stored", len(records))

    # 6-7. corpus-level results and the search index, also after an earlier run was killed or ran out of
    # disk in either step: a rerun exits only when both cover every stored article
    if report.added or store.corpus_stale():
        report.repaired = not report.added
        resolve_new(store, progress)
    elif not index_current(store):
        report.repaired = True
        progress("index", 0)
        update_index(store)
    return report


def _fresh(paths: Sequence[str | Path], known: set[str], report: IngestReport, published: str | None,
           progress: Progress, limits: Limits) -> Iterator[Article]:
    """Steps 1-2: the articles read that are not stored yet (nor met earlier in this call), lazily."""
    def on_file(done: int, total: int) -> None:  # the bar's total is the call's files, then one per file read
        progress("files", total) if done == 0 else progress("file", 1)

    for item in readers.read_paths(paths, limits, on_file=on_file):
        if isinstance(item, InputError):
            report.errors.append(str(item))
            continue
        report.read += 1
        progress("read", 1)
        if item.id in known:  # stored before, or the same text earlier in this call
            report.already_stored += 1
            continue
        known.add(item.id)
        yield with_published(item, published)


def batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def event_key_rows(rec: Record) -> tuple[tuple[str, str], ...]:
    """(key, event id) of the keys the store finds the record's events by (resolve.incremental.event_keys)."""
    return tuple((k, ev.id) for ev in rec.events for k in incremental.event_keys(rec, ev).own)


def article_index(rec: Record, signature: bytes | None, duplicates: DuplicateIndex) -> ArticleIndex:
    """What the resolve step looks an article up by, stored with its record (store.derived)."""
    return ArticleIndex(
        rec.article.id,
        event_keys=event_key_rows(rec),
        name_keys=member_keys(rec),
        claim_parties=inc_conflicts.claim_parties(rec),
        acronyms=inc_conflicts.record_acronyms(rec),
        bands=tuple(duplicates.band_keys(signature)) if signature else (),
    )


def _member_rows(pid: str, members) -> list[MemberRow]:
    return [MemberRow(pid, m.article_id, m.entity_id, m.order[0], m.order[1], m.name, m.partial, m.extra())
            for m in members]


def refresh(store: Store, progress: Progress = _noop) -> None:
    """Recompute people, timeline and conflicts over the whole store (and what resolving looks articles up by),
    then update the search index. Only the rows that changed are written back: the repair of the store, and the
    reference resolve_new is tested against."""
    stored = list(store.records_with_seq())
    progress("resolve", 0)
    records = [r for _, r in stored]
    timeline = build_timeline(records)
    resolved = assign_timeline_ids(records, timeline)
    by_id = {r.article.id: r for r in resolved}
    ranks = {e.timeline_id: incremental.entry_rank(e, by_id) for e in timeline.entries}
    people = merge_people_ranked([m for seq, r in stored for m in members_of(r, seq)])
    found = find_conflicts(resolved, timeline)
    claims = [c for c in found if c.key not in ranks]
    events, count = [], {}
    for c in found:
        if c.key in ranks:
            count[c.key] = count.get(c.key, -1) + 1
            events.append(((1, ranks[c.key], count[c.key]), c))
    changes = CorpusChanges(
        resolved_seq=max((seq for seq, _ in stored), default=0), full=True,
        people=[(pid, incremental.rank(key), asdict(p)) for pid, key, p, _ in people],
        members={pid: _member_rows(pid, ms) for pid, key, p, ms in people},
        timeline=[(e.timeline_id, ranks[e.timeline_id], e.to_dict()) for e in timeline.entries],
        clusters=sorted((a, e, c) for (a, e), c in
                        incremental.clusters(records, timeline.index, timeline.scored).items()),
        conflicts=[(i, incremental.rank(key), d) for i, key, d in inc_conflicts.conflict_rows(claims, events)],
    )
    signatures = store.signatures()
    duplicates = DuplicateIndex()
    lookups = [article_index(r, signatures.get(r.article.id), duplicates) for r in records]
    changed = [new for old, new in zip(records, resolved, strict=True) if new != old]
    store.apply_changes(changes, records=changed, index=lookups)
    progress("index", 0)
    update_index(store)


def resolve_new(store: Store, progress: Progress = _noop) -> None:
    """Step 6 for the articles stored since the last resolve: only the timeline entries, people and conflicts
    they can change are recomputed (resolve.incremental); a store never resolved this way is refreshed whole."""
    after = store.resolved_seq()
    if after is None:
        refresh(store, progress)
        return
    progress("resolve", 0)
    if store.event_keys_stale():  # keys of an older parley: recomputed once (migration 4)
        store.rekey_events(event_key_rows)
    new = list(store.records_with_seq(after))
    records = [r for _, r in new]
    timeline = incremental.resolve_new_events(records, store)
    progress("people", 0)
    people = merge_new_people([m for seq, r in new for m in members_of(r, seq)], store)
    changes = CorpusChanges(
        resolved_seq=max([after] + [seq for seq, _ in new]),
        people=[(pid, incremental.rank(key), asdict(p)) for pid, key, p in people.people],
        people_removed=people.removed,
        members={pid: _member_rows(pid, ms) for pid, ms in people.members.items()},
        timeline=[(e.timeline_id, timeline.ranks[e.timeline_id], e.to_dict()) for e in timeline.entries],
        timeline_removed=timeline.removed,
        clusters=sorted((a, e, c) for (a, e), c in timeline.clusters.items()),
    )
    progress("conflicts", 0)
    _new_conflicts(store, records, timeline, changes)
    progress("write", 0)
    store.apply_changes(changes, records=timeline.changed)
    progress("index", 0)
    update_index(store)


def _new_conflicts(store: Store, new: Sequence[Record], timeline: incremental.TimelineChange,
                   changes: CorpusChanges) -> None:
    """The conflicts the new articles can change (resolve.incremental_conflicts), into ``changes``."""
    fresh = {e.timeline_id: (timeline.ranks[e.timeline_id], e) for e in timeline.entries}
    gone = timeline.removed - set(fresh)

    def entries_of(articles: set[str]) -> dict[str, tuple[str, object]]:
        out = {i: (r, inc_conflicts.entry_from_dict(e)) for i, r, e in store.timeline_of_articles(articles)
               if i not in timeline.removed}
        out.update({i: x for i, x in fresh.items() if articles & inc_conflicts.articles_of([x[1]])})
        return out

    recompute = entries_of(set(timeline.records))
    context = entries_of(inc_conflicts.articles_of(e for _, e in recompute.values()))
    records = dict(timeline.records)
    needed = inc_conflicts.articles_of(e for _, e in context.values()) - set(records)
    records.update(store.records_by_id(needed))
    records.update({r.article.id: r for r in timeline.changed})
    events = inc_conflicts.event_conflicts(set(recompute), list(context.values()), records)
    rows = inc_conflicts.conflict_rows([], events)
    changes.conflicts_removed |= set(recompute) | gone
    index = store.claim_index()
    if inc_conflicts.claims_change(new, index):
        claim_records = store.records_by_id(inc_conflicts.claim_articles(index))
        rows = inc_conflicts.conflict_rows(inc_conflicts.claim_conflicts(list(claim_records.values())), []) + rows
        changes.conflicts_removed.add("claim")
    changes.conflicts = [(i, incremental.rank(key), d) for i, key, d in rows]
