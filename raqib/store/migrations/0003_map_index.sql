-- A covering index for the map and facet queries of the web page (raqib/web/page.py): they read
-- the index alone instead of every event row (bench/bench_page.py measured the unfiltered points
-- query on 28k events at 400-460 ms without it, ~100 ms with it).
CREATE INDEX events_map ON events (deleted, date, type, sub_type, country, admin1, fatalities, lat, lon, id);
