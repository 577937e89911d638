"""Real outputs validate against the committed JSON Schema, and every span indexes the text."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import raqib


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("raqib").joinpath("schema/output.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def iter_spans(obj):
    """Every {start, end, text} object anywhere in an output."""
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= obj.keys() and isinstance(obj.get("start"), int):
            yield obj
        for v in obj.values():
            yield from iter_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from iter_spans(v)


def check(out: dict, validator) -> None:
    errors = sorted(validator.iter_errors(out), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    text = out["text"]
    for span in iter_spans({k: v for k, v in out.items() if k != "text"}):
        assert text[span["start"] : span["end"]] == span["text"], span


def test_samples_validate(sample_records, pipeline, validator):
    for r in sample_records:
        doc = pipeline(r["text"], title=r["title"], published=r["published"], url=r["url"], id=r["id"])
        out = doc.to_dict(explain=True)
        assert out["schema_version"] == raqib.SCHEMA_VERSION
        assert out["raqib_version"] == raqib.__version__
        check(out, validator)


def test_dev_set_outputs_validate(dev_records, pipeline, validator):
    for r in dev_records:
        doc = pipeline(r["text"], title=r.get("title"), published=r.get("published"), id=r["id"])
        check(doc.to_dict(), validator)
