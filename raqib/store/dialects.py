"""The two database back ends: connecting, SQL placeholders, migrations and text search.

Queries are written once with ``?`` placeholders; the PostgreSQL dialect rewrites them to psycopg's
``%s``. Everything else (types, upserts, RETURNING) is SQL both engines accept.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from raqib.errors import InputError, RaqibError

_MIGRATION = re.compile(r"^(\d{4})_([a-z0-9_]+?)(?:\.(sqlite|postgres))?\.sql$")


class StoreError(RaqibError):
    """The database cannot be opened or migrated."""


def now_iso() -> str:
    """The current UTC time as sortable text ('2018-03-01T10:00:00.123456Z')."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Dialect:
    """What differs between SQLite and PostgreSQL."""

    name: str  # "sqlite" or "postgres"
    url: str

    @property
    def autoid(self) -> str:
        if self.name == "sqlite":
            return "INTEGER PRIMARY KEY AUTOINCREMENT"
        return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"

    def sql(self, query: str) -> str:
        return query if self.name == "sqlite" else query.replace("?", "%s")

    def connect(self) -> Any:
        if self.name == "sqlite":
            return _sqlite_connect(self.url)
        return _postgres_connect(self.url)


def parse_db_url(db: str | Path) -> Dialect:
    """``postgresql://...`` / ``postgres://...``, ``sqlite:///path``, or a plain file path."""
    s = str(db)
    if s.startswith(("postgresql://", "postgres://")):
        return Dialect("postgres", s)
    if s.startswith("sqlite:///"):
        s = s[len("sqlite:///") :]
    elif s.startswith("sqlite://"):
        s = s[len("sqlite://") :]
    if not s:
        raise InputError("empty database path: give a file name or a postgresql:// URL")
    return Dialect("sqlite", s)


def _sqlite_connect(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: transactions are explicit (BEGIN ... COMMIT) so a batch is atomic.
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    # WAL lets the API read while an ingest writes; NORMAL sync is crash-safe in WAL mode
    # (a power loss may lose the last commits, never corrupt; a killed process loses nothing
    # committed) -- https://www.sqlite.org/wal.html#performance_considerations
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def _postgres_connect(url: str) -> Any:
    try:
        import psycopg
        from psycopg.rows import dict_row
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency of the store
        raise StoreError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from exc
    try:
        return psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=10)
    except psycopg.OperationalError as exc:
        raise StoreError(f"cannot connect to {url}: {str(exc).strip()}") from None


def migrations(dialect: Dialect) -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration for this dialect, in order."""
    out = []
    folder = resources.files("raqib.store") / "migrations"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        m = _MIGRATION.match(entry.name)
        if not m or (m.group(3) and m.group(3) != dialect.name):
            continue
        sql = entry.read_text(encoding="utf-8").replace("{{AUTOID}}", dialect.autoid)
        out.append((int(m.group(1)), m.group(2), sql))
    return out


def migrate(conn: Any, dialect: Dialect) -> list[int]:
    """Apply the migrations not yet applied, each in its own transaction; returns their versions.

    Safe when several processes open the same database at once: SQLite's BEGIN IMMEDIATE and a
    PostgreSQL advisory lock serialise them, and each re-reads what is applied once it holds the lock.
    """
    applied = []
    with transaction(conn, dialect):
        _lock(conn, dialect)
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL)"
        )
    for version, name, sql in migrations(dialect):
        with transaction(conn, dialect):
            _lock(conn, dialect)
            done = {int(_first(r)) for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}
            if version in done:
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                dialect.sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                (version, name, now_iso()),
            )
        applied.append(version)
    return applied


def _lock(conn: Any, dialect: Dialect) -> None:
    if dialect.name == "postgres":
        conn.execute("SELECT pg_advisory_xact_lock(7262)")  # any constant shared by raqib processes


def _first(row: Any) -> Any:
    return row[0] if not isinstance(row, dict) else next(iter(row.values()))


def _statements(sql: str) -> list[str]:
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class transaction:  # noqa: N801 - used as a context manager like a function
    """BEGIN ... COMMIT on success, ROLLBACK on any exception (so a killed batch leaves nothing)."""

    def __init__(self, conn: Any, dialect: Dialect):
        self.conn = conn
        self.dialect = dialect
        self._tx: Any = None

    def __enter__(self) -> Any:
        if self.dialect.name == "sqlite":
            # IMMEDIATE takes the write lock now, so a second writer waits instead of failing later.
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self._tx = self.conn.transaction()
            self._tx.__enter__()
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> bool:
        if self.dialect.name == "sqlite":
            self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")
        else:
            self._tx.__exit__(exc_type, exc, tb)
        return False
