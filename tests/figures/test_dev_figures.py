"""Regression guard on the annotated dev set (read from ../shared at run time, skipped without it).

Targets from the figures issue: figures F1 >= 0.80 and source accuracy >= 0.70 with the shared
scorer (kind + value matching).
"""

from __future__ import annotations

import importlib.util


def _scorer(shared_dir):
    spec = importlib.util.spec_from_file_location("raqib_eval_score", shared_dir / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_dev_figures_meet_targets(shared_dir, dev_records, pipeline, tmp_path):
    import json

    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for r in dev_records:
            doc = pipeline(r["text"], title=r.get("title"), published=r.get("published"), id=r["id"])
            out.write(json.dumps({"id": r["id"], "figures": [f.to_dict() for f in doc.figures]}) + "\n")
    result = _scorer(shared_dir).score(str(shared_dir / "eval" / "dev.jsonl"), str(pred))
    assert result["figures"]["f1"] >= 0.80, result["figures"]
    assert result["figures"]["source"]["acc"] >= 0.70, result["figures"]
