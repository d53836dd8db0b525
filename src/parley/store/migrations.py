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
]
