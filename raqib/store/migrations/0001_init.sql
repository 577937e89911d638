-- raqib store, schema 1: articles, their annotations, canonical events merged across reports.
-- One file for SQLite and PostgreSQL: {{AUTOID}} is the only dialect placeholder.
-- Dates are TEXT 'YYYY-MM-DD'; timestamps TEXT ISO 8601 UTC ('...Z'), so both sort as text.

CREATE TABLE extractors (
    id TEXT PRIMARY KEY,
    raqib_version TEXT NOT NULL,
    kb_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT UNIQUE,
    text_hash TEXT NOT NULL UNIQUE,
    minhash TEXT NOT NULL DEFAULT '',
    outlet TEXT,
    title TEXT,
    published TEXT,
    published_at TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    body_start INTEGER NOT NULL DEFAULT 0,
    doc_json TEXT NOT NULL,
    extractor_id TEXT NOT NULL REFERENCES extractors (id),
    added_at TEXT NOT NULL,
    extracted_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_extractor ON articles (extractor_id);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    key TEXT,
    name TEXT,
    name_en TEXT,
    country TEXT,
    category TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    admin1 TEXT,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    mentions_json TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_key ON entities (key);

CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value BIGINT,
    unit TEXT,
    approximate INTEGER NOT NULL DEFAULT 0,
    where_key TEXT,
    when_start TEXT,
    when_end TEXT,
    source_name TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX figures_kind ON figures (kind);

-- One row per event as one article reports it; the canonical events below are derived from these.
CREATE TABLE reports (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    slot TEXT NOT NULL,
    place_day TEXT NOT NULL,
    type TEXT,
    sub_type TEXT,
    date TEXT,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    injured INTEGER,
    source_name TEXT,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX reports_event ON reports (event_id);
CREATE INDEX reports_slot ON reports (slot);
CREATE INDEX reports_place_day ON reports (place_day);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    slot TEXT NOT NULL,
    type TEXT,
    sub_type TEXT,
    date TEXT,
    country TEXT,
    admin1 TEXT,
    admin2 TEXT,
    admin3 TEXT,
    location TEXT,
    location_en TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geo_precision INTEGER,
    actor1 TEXT,
    actor2 TEXT,
    civilian_targeting INTEGER NOT NULL DEFAULT 0,
    fatalities INTEGER,
    injured INTEGER,
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_date ON events (deleted, date);
CREATE INDEX events_type_date ON events (type, date);
CREATE INDEX events_country_date ON events (country, date);
CREATE INDEX events_admin1 ON events (admin1);
CREATE INDEX events_latlon ON events (lat, lon);
CREATE INDEX events_fatalities ON events (fatalities);

CREATE TABLE event_changes (
    id {{AUTOID}},
    event_id TEXT NOT NULL,
    change TEXT NOT NULL,
    at TEXT NOT NULL,
    extractor_id TEXT,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX event_changes_at ON event_changes (at);
CREATE INDEX event_changes_event ON event_changes (event_id);

CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT
);
