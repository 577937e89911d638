-- Full-text search over a normalised, clitic-split view of each event (see raqib/store/search.py):
-- FTS5's own tokenizer cannot find حرستا inside وحرستا, so the indexed body already holds the stems.
CREATE VIRTUAL TABLE events_fts USING fts5 (event_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');
