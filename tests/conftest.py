"""Shared fixtures: paths to the shared evaluation data (tests that need it skip without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "raqib" / "samples" / "articles.jsonl"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def dev_records(shared_dir: Path) -> list[dict]:
    path = shared_dir / "eval" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} missing")
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


@pytest.fixture(scope="session")
def sample_records() -> list[dict]:
    return [json.loads(line) for line in SAMPLES.open(encoding="utf-8") if line.strip()]


@pytest.fixture(scope="session")
def pipeline():
    from raqib.pipeline import Pipeline

    return Pipeline()
