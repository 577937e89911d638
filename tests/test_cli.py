"""The command line through its real entry point: formats, bad input, exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from raqib.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "raqib" / "samples" / "articles.jsonl"

ARTICLE = "قتل 5 مدنيين في قصف على دوما السبت.\nوقال المرصد إن القصف استمر."


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        import io

        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def test_plain_text_file_with_title(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("عنوان الخبر\n\n" + ARTICLE, encoding="utf-8")
    rc, out, err = run(["extract", str(f), "--published", "2018-03-04"], capsys)
    assert rc == 0, err
    doc = json.loads(out)
    assert doc["title"] == "عنوان الخبر"
    assert doc["published"] == "2018-03-04"
    assert doc["text"][doc["body_start"] :].startswith("قتل 5")
    for s in doc["sentences"]:
        assert doc["text"][s["start"] : s["end"]] == s["text"]


def test_title_line_flag_and_no_title(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("السطر الأول\n" + ARTICLE, encoding="utf-8")
    _, out, _ = run(["extract", str(f)], capsys)
    assert json.loads(out)["title"] is None
    _, out, _ = run(["extract", str(f), "--title-line"], capsys)
    assert json.loads(out)["title"] == "السطر الأول"


def test_windows_1256_file_is_decoded(tmp_path, capsys):
    f = tmp_path / "cp.txt"
    f.write_bytes(("قتل خمسة أشخاص في انفجار سيارة مفخخة وسط المدينة صباح اليوم. " * 3).encode("cp1256"))
    rc, out, err = run(["extract", str(f)], capsys)
    assert rc == 0, err
    assert "انفجار" in json.loads(out)["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "empty text"), (b"   \n\n  ", "empty text"), (b"\x00\x01\x02\xff\xfe\x00" * 50, "")],
)
def test_bad_files_are_reported_and_skipped(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    rc, out, err = run(["extract", str(bad), str(good)], capsys)
    assert rc == 1
    assert str(bad) in err and message in err
    assert "Traceback" not in err
    assert json.loads(out)["text"] == ARTICLE  # the good file is still processed


def test_jsonl_bad_line_is_skipped_rest_processed(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "text": ARTICLE, "published": "2018-03-04", "extra": 1}, ensure_ascii=False),
                "{not json",
                json.dumps({"id": "b", "text": ""}),
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": "c", "title": "عنوان", "text": ARTICLE, "published": "2018-03-04T10:00:00Z"},
                           ensure_ascii=False),
                json.dumps({"id": "d", "text": ARTICLE, "published": "yesterday"}),
            ]
        ),
        encoding="utf-8",
    )
    rc, out, err = run(["extract", "--jsonl", str(f)], capsys)
    assert rc == 1
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == ["a", "c"]
    assert f"{f}:2: malformed JSON" in err
    assert f"{f}:3: record has no text" in err
    assert f"{f}:4: record is not a JSON object" in err
    assert "published date 'yesterday'" in err
    assert "Traceback" not in err


def test_stdin_and_table_format(capsys, monkeypatch):
    rc, out, _ = run(["extract", "-", "--format", "table"], capsys, stdin=ARTICLE.encode(), monkeypatch=monkeypatch)
    assert rc == 0
    assert "Figures" in out and "Events" in out and "Entities" in out
    assert "\u2068" in out  # Arabic runs isolated for right-to-left display


def test_no_input_is_an_error(capsys):
    rc, _, err = run(["extract"], capsys)
    assert rc == 1 and "nothing to read" in err


def test_console_script_exit_status(tmp_path):
    """The installed entry point, as a user runs it."""
    exe = [sys.executable, "-m", "raqib.cli"]
    r = subprocess.run([*exe, "extract", str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert r.returncode == 1
    assert "missing.txt: no such file" in r.stderr and "Traceback" not in r.stderr


def test_acled_csv_and_geojson_formats(capsys):
    from raqib.export import ACLED_COLUMNS
    rc, out, err = run(["extract", "--jsonl", str(SAMPLES), "--format", "acled-csv"], capsys)
    assert rc == 0, err
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0].keys()) == list(ACLED_COLUMNS)
    assert {r["event_type"] for r in rows} <= {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }
    rc, out, _ = run(["extract", "--jsonl", str(SAMPLES), "--format", "geojson"], capsys)
    gj = json.loads(out)
    assert gj["type"] == "FeatureCollection" and gj["features"]
    lon, lat = gj["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_explain_shows_rule_and_reasons(capsys):
    rc, out, _ = run(["extract", "--jsonl", str(SAMPLES), "--explain"], capsys)
    events = [e for line in out.splitlines() for e in json.loads(line)["events"]]
    assert events and all(e["rule"] and e["explanation"] for e in events)
    rc, out, _ = run(["extract", "--jsonl", str(SAMPLES)], capsys)
    assert all("explanation" not in e for line in out.splitlines() for e in json.loads(line)["events"])


def test_acled_csv_of_the_dev_set_loads_with_pandas(dev_records, tmp_path, capsys):
    """The issue's check: the dev set's ACLED CSV loads with pandas with ACLED's columns and labels."""
    pd = pytest.importorskip("pandas")
    from raqib.events.acled import SUB_TYPE_LABELS, TYPE_LABELS
    from raqib.export import ACLED_COLUMNS

    src = tmp_path / "dev.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in dev_records), encoding="utf-8")
    rc, out, err = run(["extract", "--jsonl", str(src), "--format", "acled-csv"], capsys)
    assert rc == 0, err
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == list(ACLED_COLUMNS)
    assert len(frame) >= 20
    assert set(frame["event_type"]) <= set(TYPE_LABELS.values())
    assert set(frame["sub_event_type"]) <= set(SUB_TYPE_LABELS.values())
    assert frame["event_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert frame["latitude"].between(-90, 90).all() and frame["longitude"].between(-180, 180).all()
    assert set(frame["time_precision"]) <= {1, 2, 3}
