"""Score the pipeline on the shared dev sets with the shared scorers.

    python bench/eval_dev.py [--out DIR]

Runs raqib over ../shared/eval/dev.jsonl (articles) and ../shared/eval/gsr/dev.jsonl (sentences),
writes the predictions to DIR (default /tmp/raqib-eval) and prints both scorers' summaries.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from raqib.pipeline import Pipeline

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def predict(pipe: Pipeline, gold: Path, out: Path, *, sentences: bool) -> None:
    with gold.open(encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            r = json.loads(line)
            if sentences:
                doc = pipe(r["text"], id=r["id"])
            else:
                doc = pipe(r["text"], title=r.get("title"), published=r.get("published"), url=r.get("url"), id=r["id"])
            fout.write(json.dumps(doc.to_dict(include_text=False), ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="/tmp/raqib-eval")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    pipe = Pipeline()
    predict(pipe, EVAL / "dev.jsonl", out / "dev.pred.jsonl", sentences=False)
    subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / "dev.jsonl"), str(out / "dev.pred.jsonl")], check=True)
    predict(pipe, EVAL / "gsr" / "dev.jsonl", out / "gsr.pred.jsonl", sentences=True)
    subprocess.run([sys.executable, str(EVAL / "gsr" / "score_gsr.py"), str(EVAL / "gsr" / "dev.jsonl"),
                    str(out / "gsr.pred.jsonl")], check=True)


if __name__ == "__main__":
    main()
