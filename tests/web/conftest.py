"""Fixtures for these tests (see tests/db_fixtures.py; the page's browser fixtures: browser_fixtures.py)."""

from browser_fixtures import artifacts, browser, live_server, page, web_db  # noqa: F401
from db_fixtures import db_url, pg_url  # noqa: F401
