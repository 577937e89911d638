"""Event arguments on the dev set: actor1/actor2 and fatalities of the events matched to gold.

    python bench/eval_actors.py [--errors]

Runs raqib over ../shared/eval/dev.jsonl, matches predicted to gold events one-to-one exactly as
the shared scorer's strict event score does (same type, same place, same date; functions
imported from ../shared/eval/score.py), and reports on the matched pairs:

- actor1 / actor2 accuracy: over gold events that name the actor, the prediction names the same
  actor: similar English names (score.py's ``similar_en``) or the same actor class (both "the
  state forces of Syria", both "Islamic State", both civilians, both unidentified...), since
  gold names are free English ("Syrian regime forces") and raqib's are ACLED's ("Military Forces
  of Syria (2000-)"); spurious: gold has no such actor, the prediction names one;
- fatalities accuracy (as score.py) and wrongly attached tolls (gold null, prediction a number).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from pathlib import Path

from raqib.pipeline import Pipeline

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

# English country words -> ISO2, for actor classes ("Syrian regime forces" -> SY).
_COUNTRY_WORDS = {
    "SY": r"syria|syrian",
    "RU": r"russia|russian",
    "IL": r"israel|israeli",
    "IQ": r"iraq|iraqi",
    "TR": r"turkey|turkish",
    "EG": r"egypt|egyptian",
    "JO": r"jordan|jordanian",
    "IR": r"iran|iranian",
    "US": r"united states|american|us",
    "LB": r"lebanon|lebanese",
    "PS": r"palestine|palestinian",
    "SD": r"sudan|sudanese",
    "YE": r"yemen|yemeni",
    "LY": r"libya|libyan",
    "SA": r"saudi arabia|saudi",
}
_STATE = re.compile(
    r"\b(?:forces|army|military|police|air ?force|security|regime|warplanes|command|aircraft)\b"
)
_NOT_STATE = re.compile(
    r"\b(?:opposition|rebel|democratic forces|popular mobilization|coalition|unidentified)\b"
)


def load_score():
    spec = importlib.util.spec_from_file_location("raqib_eval_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def actor_classes(name: str | None) -> set[str]:
    """Coarse classes an English actor name belongs to (empty when none is recognised)."""
    n = (name or "").lower()
    out: set[str] = set()
    if not n:
        return out
    if "civilian" in n:
        out.add("civilians")
    if "protester" in n or "rioter" in n:
        out.add("protesters")
    if "islamic state" in n or "isis" in n or "isil" in n:
        out.add("islamic_state")
    if "unidentified" in n or "unknown" in n:
        out.add("unidentified")
    if re.search(r"opposition|rebel|nusra|ahrar|free syrian army|hayat tahrir", n):
        out.add("rebels")
    countries = {iso for iso, pat in _COUNTRY_WORDS.items() if re.search(rf"\b(?:{pat})\b", n)}
    if _STATE.search(n) and not _NOT_STATE.search(n) or "unidentified warplanes" in n:
        out |= {f"state:{c}" for c in countries}
    return out


def actor_ok(score, gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return False
    return score.similar_en(gold, pred) or bool(actor_classes(gold) & actor_classes(pred))


def predict(pipe: Pipeline, gold: list[dict]) -> dict[str, dict]:
    out = {}
    for r in gold:
        doc = pipe(
            r["text"], title=r.get("title"), published=r.get("published"), url=r.get("url"), id=r["id"]
        )
        out[r["id"]] = doc.to_dict(include_text=False)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list the wrong actors and tolls")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    score = load_score()
    gold = [json.loads(x) for x in (EVAL / "dev.jsonl").open(encoding="utf-8") if x.strip()]
    preds = predict(Pipeline(), gold)
    stats = {k: [0, 0] for k in ("actor1", "actor2", "fatalities")}
    spurious = {k: [0, 0] for k in ("actor1", "actor2", "fatalities")}
    errors: list[str] = []
    n_pairs = 0
    for g in gold:
        gev, pev = g.get("events", []), preds[g["id"]].get("events") or []

        def strict(ge, pe, ents=None, g=g):
            ents = g.get("entities", [])
            if ge.get("type") != pe.get("type") or not score.location_match(ge, pe, ents, 20.0):
                return None
            if ge.get("date") and ge.get("date") != pe.get("date"):
                return None
            return 1.0 + (ge.get("sub_type") == pe.get("sub_type"))

        for ge, pe in score.greedy(gev, pev, strict):
            n_pairs += 1
            for k in ("actor1", "actor2", "fatalities"):
                gv, pv = ge.get(k), pe.get(k)
                if gv is None:
                    spurious[k][1] += 1
                    spurious[k][0] += pv is not None
                    ok = pv is None
                else:
                    stats[k][1] += 1
                    ok = gv == pv if k == "fatalities" else actor_ok(score, gv, pv)
                    stats[k][0] += ok
                if not ok:
                    errors.append(
                        f"{g['id']} {ge['sub_type']:<22} {ge.get('location')!s:<18} {k:<10} "
                        f"gold {gv!r:<40} pred {pv!r}"
                    )
    result = {
        "matched_events": n_pairs,
        **{
            k: {
                "acc": round(stats[k][0] / stats[k][1], 4) if stats[k][1] else None,
                "n": stats[k][1],
                "spurious": spurious[k][0],
                "gold_null": spurious[k][1],
            }
            for k in stats
        },
    }
    if a.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"matched events {n_pairs}")
        for k in stats:
            r = result[k]
            print(
                f"{k:<10} accuracy {r['acc']} of {r['n']}; spurious (gold null, predicted) "
                f"{r['spurious']} of {r['gold_null']}"
            )
    if a.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
