-- Candidate events across grains of place (raqib/merge/nesting.py): a report at a region looks up
-- the reports of the same type and day at any place, so that lookup needs its own index.
CREATE INDEX reports_type_date ON reports (type, date);
