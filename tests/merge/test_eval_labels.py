"""The merge-label set (bench/merge_labels.jsonl) and how bench/eval_merge.py finds its reports."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "bench" / "merge_labels.jsonl"
SIDE_KEYS = {"article_id", "url", "evidence_start", "evidence_end", "type", "date", "place_key"}


@pytest.fixture(scope="module")
def eval_merge():
    spec = importlib.util.spec_from_file_location("eval_merge", ROOT / "bench" / "eval_merge.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labels_hold_ids_and_offsets_only():
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({lab["pair"] for lab in labels}) == len(labels)
    for lab in labels:
        assert set(lab["a"]) == SIDE_KEYS == set(lab["b"])  # no article text in the labels
        assert lab["split"] in {
            "tune",
            "heldout",
            "hodeidah",
            "heldout3",
            "heldout4",
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
            "heldout9",
            "heldout10",
        } and isinstance(lab["same_event"], bool)
    assert sum(lab["split"] == "heldout" for lab in labels) >= 40


SIDE = {"article_id": "x1", "evidence_start": 100, "evidence_end": 180, "type": "battles",
        "place_key": "33.572,36.403"}  # fmt: skip


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        ([(90, 170, "battles", "33.572,36.403", "e1")], {"e1"}),  # spans moved a little
        ([(90, 170, "explosions_remote_violence", "33.572,36.403", "e1")], {"e1"}),  # retyped
        ([(90, 170, "battles", "33.530,36.430", "e1")], {"e1"}),  # re-placed, one place only
        ([(90, 170, "battles", "33.530,36.430", "e1"),
          (90, 170, "battles", "33.000,36.000", "e2")], set()),  # re-placed among several: unknown
        ([(90, 170, "protests", "33.530,36.430", "e1")], {"e1"}),  # elsewhere, retyped, the only event
        ([(90, 170, "protests", "33.530,36.430", "e1"),
          (90, 170, "riots", "33.530,36.430", "e2")], set()),  # elsewhere, retyped, which one: unknown
        ([(200, 300, "battles", "33.572,36.403", "e1")], set()),  # another sentence
        ([(100, 180, "explosions_remote_violence", "33.572,36.403", "e1"),
          (120, 180, "battles", "33.572,36.403", "e2"),
          (120, 180, "battles", "33.530,36.430", "e3")], {"e1", "e2"}),  # every report of the place
    ],
)  # fmt: skip
def test_find_all_matches_a_side_by_article_span_and_place(eval_merge, reports, expected):
    assert eval_merge.find_all({"x1": reports}, SIDE) == expected


def test_score_reports_each_split(eval_merge):
    by_article = {"a": [(0, 10, "battles", "p", "e1")], "b": [(0, 10, "battles", "p", "e1")],
                  "c": [(0, 10, "battles", "p", "e2")]}  # fmt: skip

    def side(article):
        return {"article_id": article, "evidence_start": 0, "evidence_end": 10, "type": "battles",
                "place_key": "p"}  # fmt: skip

    labels = [
        {"pair": 0, "a": side("a"), "b": side("b"), "same_event": True, "split": "tune"},
        {"pair": 1, "a": side("a"), "b": side("c"), "same_event": True, "split": "heldout"},
        {"pair": 2, "a": side("b"), "b": side("z"), "same_event": False, "split": "heldout"},
    ]
    out = eval_merge.score(labels, by_article)
    assert out["tune"]["precision"] == 1.0 and out["heldout"]["recall"] == 0.0
    assert out["heldout"]["not_found"] == 1 and out["all"]["scored"] == 2
