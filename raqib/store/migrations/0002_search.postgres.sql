-- Full-text search over the same normalised, clitic-split text (events.search_text), with the
-- 'simple' configuration: the text is already normalised, so no stemming is wanted.
CREATE INDEX events_search ON events USING GIN (to_tsvector('simple', search_text));
