"""LOC precision/recall and geocoding accuracy on the dev set, with the errors listed.

    python scripts/eval_places.py [--gold ../shared/eval/dev.jsonl] [--errors] [--wojood]

Runs raqib.extract on each gold article, keeps the LOC entities and scores them with
../shared/eval/score.py (one-to-one matching on folded mentions or English names; geocoding
within 20 km for gold places with confident coordinates).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

import raqib
from raqib.text.normalize import normalize_str

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_dev(gold_path: Path, show_errors: bool) -> None:
    score = _scorer()
    gold = [json.loads(x) for x in gold_path.read_text("utf-8").splitlines() if x.strip()]
    preds = []
    t = time.perf_counter()
    for g in gold:
        doc = raqib.extract(g["text"], title=g.get("title"), published=g.get("published"), id=g["id"])
        d = doc.to_dict(include_text=False)
        d["entities"] = [e for e in d["entities"] if e["type"] == "LOC"]
        preds.append(d)
    dt = time.perf_counter() - t
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    res = score.score(str(gold_path), f.name)
    print(
        json.dumps(
            {
                "LOC": res["entities"]["LOC"],
                "geocoding": res.get("geocoding_within_km"),
                "seconds": round(dt, 2),
            },
            ensure_ascii=False,
        )
    )
    if show_errors:
        for g, p in zip(gold, preds, strict=True):
            gl = [e for e in g["entities"] if e["type"] == "LOC"]
            pairs = score.greedy(gl, p["entities"], score.entity_match)
            mg = {id(a) for a, _ in pairs}
            mp = {id(b) for _, b in pairs}
            fn = [e["mentions"][0] for e in gl if id(e) not in mg]
            fp = [
                f"{e['mentions'][0]['text']}({e['name_en']},{e['country']})"
                for e in p["entities"]
                if id(e) not in mp
            ]
            far = []
            for a, b in pairs:
                confident = a.get("lat") is not None and a.get("coord_confident", True)
                if confident and (
                    b.get("lat") is None or score.km(a["lat"], a["lon"], b["lat"], b["lon"]) > 20
                ):
                    far.append(f"{a['mentions'][0]}->{b.get('name_en')}({b.get('lat')},{b.get('lon')})")
            if fn or fp or far:
                print(g["id"], "FN:", fn, "FP:", fp, "FAR:", far)


def run_wojood(path: Path) -> None:
    """Entity-level LOC F1 on the Wojood sample (GPE/LOC/FAC -> LOC), exact span match on tokens."""
    sents, cur = [], []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        parts = line.split()
        cur.append((parts[0], parts[1:]))
    if cur:
        sents.append(cur)
    tp = fp = fn = 0
    for s in sents:
        text, offs = "", []
        for tok, _ in s:
            offs.append(len(text))
            text += tok + " "
        gold = set()
        for layer in range(3):
            i = 0
            while i < len(s):
                tags = s[i][1]
                tag = tags[layer] if layer < len(tags) else "O"
                if tag.startswith("B-") and tag[2:] in ("GPE", "LOC", "FAC"):
                    j = i + 1
                    while j < len(s) and len(s[j][1]) > layer and s[j][1][layer] == "I-" + tag[2:]:
                        j += 1
                    gold.add(" ".join(t for t, _ in s[i:j]))
                    i = j
                else:
                    i += 1
        doc = raqib.extract(text.strip())
        pred = {m.text for e in doc.entities if e.type == "LOC" for m in e.mentions}
        pred_n = {normalize_str(x) for x in pred}
        gold_n = {normalize_str(x) for x in gold}
        # a gold token may carry a clitic (وسوريا): count a prediction inside it as a match
        hit = {
            g
            for g in gold_n
            if g in pred_n or any(p and g.endswith(p) and len(g) - len(p) <= 2 for p in pred_n)
        }
        tp += len(hit)
        fn += len(gold_n) - len(hit)
        fp += len([p for p in pred_n if not any(g.endswith(p) and len(g) - len(p) <= 2 for g in gold_n)])
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print(
        json.dumps(
            {
                "wojood_LOC": {
                    "p": round(p, 3),
                    "r": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0,
                    "tp": tp,
                    "fp": fp,
                    "fn": fn,
                }
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(EVAL / "dev.jsonl"))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--wojood", action="store_true")
    a = ap.parse_args()
    if not Path(a.gold).exists():
        sys.exit(f"no gold file at {a.gold}")
    run_dev(Path(a.gold), a.errors)
    if a.wojood:
        run_wojood(EVAL / "wojood" / "test.txt")


if __name__ == "__main__":
    main()
