"""Fixtures for these tests (see tests/db_fixtures.py)."""

from db_fixtures import db_url, pg_url  # noqa: F401
