"""Whole ingest runs: summary, duplicates, idempotency, and crash safety under SIGKILL
(SQLite and PostgreSQL)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from arabic_samples import write_jsonl

from raqib.ingest import ingest, reextract
from raqib.ingest.progress import Progress
from raqib.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_folder_twice_adds_nothing_and_duplicates_are_counted(tmp_path, db_url):
    folder = tmp_path / "in"
    folder.mkdir()
    recs = write_jsonl(folder / "a.jsonl", 30)
    copy = dict(recs[0], id="other-id", url="http://news.example/copy")  # same text, new id and URL
    respaced = dict(recs[1], id="x2", url=None, text="  " + recs[1]["text"].replace(" ", "  ") + " ")
    (folder / "b.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (copy, respaced)) + "\n{bad\n", encoding="utf-8"
    )
    (folder / "c.txt").write_text(
        "تقرير قصير\n\nاستهدف قصف مدفعي بلدة سقبا في الغوطة الشرقية.", encoding="utf-8"
    )
    log = io.StringIO()
    with open_store(db_url) as store:
        first = ingest([str(folder)], store, workers=1, progress=False, log=log)
        assert (first.read, first.new, first.duplicate, first.failed) == (34, 31, 2, 1)
        assert dict(first.duplicates) == {"same text": 2}
        assert f"{folder / 'b.jsonl'}:3: malformed JSON" in log.getvalue()
        second = ingest([str(folder)], store, workers=2, progress=False, log=io.StringIO())
        assert (second.new, second.duplicate, second.failed) == (0, 33, 1)
        assert store.count("articles") == 31


def test_near_duplicate_text_is_skipped(tmp_path):
    recs = write_jsonl(tmp_path / "a.jsonl", 2)
    edited = dict(
        recs[0], id="edited", url=None, text=recs[0]["text"].replace("(تقرير رقم 0", "(تقرير رقم 9999")
    )
    (tmp_path / "b.jsonl").write_text(json.dumps(edited, ensure_ascii=False) + "\n", encoding="utf-8")
    with open_store(tmp_path / "db.sqlite") as store:
        s = ingest(
            [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")],
            store,
            workers=1,
            progress=False,
            log=io.StringIO(),
        )
        assert (s.new, dict(s.duplicates)) == (2, {"near-identical text": 1})


def _count(db: str) -> int:
    try:
        with open_store(db) as store:
            return store.count("articles")
    except Exception:  # noqa: BLE001 - the database may be mid-creation
        return 0


def _per_article(db: str) -> dict:
    with open_store(db) as store:
        rows = store.execute("SELECT id, doc_json FROM articles").fetchall()
        ents = store.execute("SELECT article_id, COUNT(*) AS n FROM entities GROUP BY article_id").fetchall()
        reps = store.execute("SELECT article_id, COUNT(*) AS n FROM reports GROUP BY article_id").fetchall()
    as_dict = lambda r: r if isinstance(r, dict) else dict(r)  # noqa: E731
    return {
        "articles": sorted(as_dict(r)["id"] for r in rows),
        "entities": sorted((as_dict(r)["article_id"], as_dict(r)["n"]) for r in ents),
        "reports": sorted((as_dict(r)["article_id"], as_dict(r)["n"]) for r in reps),
    }


def test_sigkill_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path, db_url):
    n = 150
    src = tmp_path / "in.jsonl"
    write_jsonl(src, n, seed=11)
    reference = str(tmp_path / "reference.db")
    with open_store(reference) as store:
        expected = ingest([str(src)], store, workers=1, progress=False, log=io.StringIO()).new
    cmd = [
        sys.executable,
        "-m",
        "raqib.cli",
        "ingest",
        str(src),
        "--db",
        db_url,
        "--workers",
        "2",
        "--batch-size",
        "5",
        "--no-progress",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while _count(db_url) < 10 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert proc.poll() is None, "ingest finished before it could be killed: raise n"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # the worker processes of the killed run
    committed = _count(db_url)
    assert 0 < committed < expected
    rerun = subprocess.run([*cmd, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["new"] == expected - committed
    assert _per_article(db_url) == _per_article(reference)
    again = subprocess.run([*cmd, "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert json.loads(again.stdout)["new"] == 0


def test_reextract_with_the_same_extractor_changes_nothing(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", 12)
    with open_store(tmp_path / "db.sqlite") as store:
        ingest([str(tmp_path / "a.jsonl")], store, workers=1, progress=False, log=io.StringIO())
        before = store.count("event_changes")
        assert reextract(store, workers=1, progress=False, log=io.StringIO()).read == 0  # all current
        summary = reextract(store, force=True, workers=1, progress=False, log=io.StringIO())
        assert (summary.read, summary.failed) == (12, 0)
        assert store.count("event_changes") == before  # same output: nothing to record


def test_progress_line_shows_rate_and_eta():
    bar = Progress(200, stream=io.StringIO(), enabled=False)
    bar.start -= 10  # ten seconds ago
    bar.update(50)
    line = bar.line()
    assert "50/200" in line and "25.0%" in line and "art/s" in line and "ETA 0m3" in line


def test_summary_groups_failures_by_reason(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "text": ""}\n{oops\n{"id": "2"}\n[3]\n', encoding="utf-8")
    with open_store(tmp_path / "db.sqlite") as store:
        s = ingest([str(path)], store, workers=1, progress=False, log=io.StringIO())
    assert s.failed == 4
    assert dict(s.reasons) == {"record has no text": 2, "malformed JSON": 1, "record is not a JSON object": 1}
    assert "failed: record has no text (2)" in s.text()


def test_cli_ingest_reports_a_bad_record_and_exits_nonzero(tmp_path):
    """One bad line is reported with file:line and skipped; the rest is stored; exit status 1."""
    src = tmp_path / "in.jsonl"
    good = {"id": "g1", "title": "قصف على دوما", "text": "قتل 5 مدنيين في قصف على مدينة دوما السبت.",
            "published": "2018-03-04"}
    src.write_text(json.dumps(good, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    db = tmp_path / "t.db"
    r = subprocess.run([sys.executable, "-m", "raqib.cli", "ingest", str(src), "--db", str(db), "--workers", "1",
                        "--no-progress", "--json"], capture_output=True, text=True)
    assert r.returncode == 1
    assert f"{src}:2: malformed JSON" in r.stderr and "Traceback" not in r.stderr
    summary = json.loads(r.stdout)
    assert summary["new"] == 1 and summary["failed"] == 1
