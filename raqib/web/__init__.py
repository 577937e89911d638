"""The web layer: the HTTP API (``create_app``) over the store's queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db_url: str, *, token: str | None = None) -> FastAPI:
    """The FastAPI app over ``db_url``; writing endpoints need ``token`` (read-only without)."""
    from raqib.web.api import create_app as _create

    return _create(db_url, token=token)


__all__ = ["create_app"]
