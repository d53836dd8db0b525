"""Numbered schema migrations: (version, name, statements). Append only; never edit a released one."""

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "articles, records and query tables",
        [
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, source VARCHAR, url VARCHAR, title VARCHAR,
                outlet VARCHAR, author VARCHAR, published VARCHAR, language VARCHAR, format VARCHAR,
                text VARCHAR NOT NULL, removed VARCHAR, duplicate_of VARCHAR)""",
            "CREATE TABLE sources (source VARCHAR, article_id VARCHAR, PRIMARY KEY (source, article_id))",
            "CREATE TABLE records (article_id VARCHAR PRIMARY KEY, record VARCHAR NOT NULL)",
            "CREATE TABLE signatures (article_id VARCHAR PRIMARY KEY, minhash BLOB)",
            """CREATE TABLE entities (article_id VARCHAR, entity_id VARCHAR, name VARCHAR, type VARCHAR,
                roles VARCHAR, mentions INTEGER)""",
            """CREATE TABLE quotes (article_id VARCHAR, idx INTEGER, speaker VARCHAR, speaker_id VARCHAR,
                kind VARCHAR, cue VARCHAR, text VARCHAR, start INTEGER, end_ INTEGER)""",
            """CREATE TABLE events (article_id VARCHAR, event_id VARCHAR, type VARCHAR, date VARCHAR,
                location VARCHAR, status VARCHAR, participants VARCHAR, timeline_id VARCHAR)""",
            "CREATE TABLE people (id VARCHAR, position INTEGER, entry VARCHAR)",
            "CREATE TABLE timeline (id VARCHAR, position INTEGER, entry VARCHAR)",
            "CREATE TABLE conflicts (id VARCHAR, position INTEGER, entry VARCHAR)",
            "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        ],
    ),
    (
        2,
        "articles: wire, published_from, dateline_place, removed_rules",
        [
            "ALTER TABLE articles ADD COLUMN wire VARCHAR",
            "ALTER TABLE articles ADD COLUMN published_from VARCHAR",
            "ALTER TABLE articles ADD COLUMN dateline_place VARCHAR",
            "ALTER TABLE articles ADD COLUMN removed_rules VARCHAR",
        ],
    ),
    (
        3,
        "incremental resolution: ranks, event keys and clusters, person members, claim index, duplicate bands",
        [
            # the order of a corpus table's rows, so that a row can be inserted without renumbering the others
            "ALTER TABLE people ADD COLUMN rank VARCHAR",
            "ALTER TABLE timeline ADD COLUMN rank VARCHAR",
            "ALTER TABLE conflicts ADD COLUMN rank VARCHAR",
            # written with each record: what the resolve step looks new articles up by
            "CREATE TABLE event_keys (key VARCHAR, article_id VARCHAR, event_id VARCHAR)",
            "CREATE TABLE name_keys (key VARCHAR, article_id VARCHAR, entity_id VARCHAR)",
            "CREATE TABLE claim_index (article_id VARCHAR PRIMARY KEY, parties VARCHAR, acronyms VARCHAR)",
            "CREATE TABLE dup_bands (band INTEGER, key BLOB, article_id VARCHAR)",
            # written by the resolve step: the events that can tie, and the entities of each person
            "CREATE TABLE event_clusters (article_id VARCHAR, event_id VARCHAR, cluster VARCHAR)",
            """CREATE TABLE person_members (person VARCHAR, article_id VARCHAR, entity_id VARCHAR, seq BIGINT,
                idx INTEGER, name VARCHAR, partial BOOLEAN, member VARCHAR)""",
        ],
    ),
    (
        4,
        "event keys carry the people's name keys; indexes for the lookups of the resolve step",
        [
            "CREATE INDEX event_keys_key ON event_keys (key)",
            # what resolving reads of a few articles among many: their events, their timeline entries
            "CREATE INDEX events_article ON events (article_id)",
            "CREATE INDEX timeline_id ON timeline (id)",
            # keys written by an older parley are recomputed once, on the next resolve step (Store.rekey_events)
            "INSERT OR REPLACE INTO meta SELECT 'event_keys_stale', 'true' WHERE EXISTS (SELECT 1 FROM event_keys)",
        ],
    ),
]
