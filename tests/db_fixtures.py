"""Database fixtures for the store, ingest and API tests: a fresh SQLite file and a fresh
PostgreSQL database per test (created as raqib_test_<random> and dropped afterwards)."""

from __future__ import annotations

import contextlib
import os
import uuid

import pytest

PG_ADMIN = os.environ.get("RAQIB_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg_admin():
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed")
    try:
        return psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL tests skipped: no server reachable at {PG_ADMIN} ({str(exc).strip()[:120]})")


def _with_db(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


@contextlib.contextmanager
def _fresh_pg_database():
    """A new, empty PostgreSQL database (its URL), dropped afterwards; skips without a server."""
    admin = _pg_admin()
    name = f"raqib_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_db(PG_ADMIN, name)
    finally:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database URL (skips when no server is reachable)."""
    with _fresh_pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    """A fresh database of each kind: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "raqib.db")
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def module_db_url(request, tmp_path_factory):
    """Like ``db_url`` but shared by the tests of one module (for read-only tests)."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("db") / "raqib.db")
        return
    with _fresh_pg_database() as url:
        yield url
