"""Storage behind one small interface: SQLite (one file, WAL) by default, PostgreSQL the same schema."""

from raqib.store.dialects import StoreError, parse_db_url
from raqib.store.queries import EventFilter, parse_bbox
from raqib.store.store import ArticleRow, Store, open_store
from raqib.store.version import extractor_id

__all__ = [
    "ArticleRow",
    "EventFilter",
    "Store",
    "StoreError",
    "extractor_id",
    "open_store",
    "parse_bbox",
    "parse_db_url",
]
