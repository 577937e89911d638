"""Readers: JSONL (and .gz), plain text, folders; bad records become errors naming file:line."""

from __future__ import annotations

import gzip
import json

import pytest

from raqib.errors import InputError
from raqib.ingest.records import RawArticle, parse_when
from raqib.ingest.sources import estimate_total, iter_sources


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps(
            {
                "docno": "X-1",
                "title": "غارات على دوما",
                "text": "قتل خمسة مدنيين.",
                "source": "bbc",
                "published": "2018-02-25T21:35:43+04:00",
                "url": "http://e.org/1",
            },
            ensure_ascii=False,
        )
        + "\n{not json\n"
        + json.dumps({"title": "", "text": ""})
        + "\n[1, 2]\n",
        encoding="utf-8",
    )
    items = list(iter_sources([str(path)]))
    assert isinstance(items[0], RawArticle)
    assert (items[0].id, items[0].outlet, items[0].published) == ("X-1", "bbc", "2018-02-25")
    errors = [str(e) for e in items[1:]]
    assert all(isinstance(e, InputError) for e in items[1:])
    assert errors[0].startswith(f"{path}:2: malformed JSON")
    assert errors[1] == f"{path}:3: record has no text"
    assert errors[2] == f"{path}:4: record is not a JSON object"


def test_gzip_jsonl_and_count(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"id": str(i), "text": f"خبر رقم {i} عن حرستا"}, ensure_ascii=False) + "\n")
    items = list(iter_sources([str(path)]))
    assert [a.id for a in items] == ["0", "1", "2"]
    assert estimate_total([str(path)]) == 3


def test_truncated_gzip_is_reported_not_raised(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(
        ("\n".join(json.dumps({"id": str(i), "text": "نص " * 50}) for i in range(200))).encode()
    )
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_sources([str(path)]))
    assert isinstance(items[-1], InputError) and "truncated" in str(items[-1])


def test_folder_walk_mixed_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text(
        "عنوان الخبر\n\nقصف على مدينة دوما في الغوطة الشرقية.", encoding="utf-8"
    )
    (tmp_path / "sub" / "two.txt").write_bytes(
        "خبر مكتوب بترميز ويندوز عن حلب وريفها الشمالي.".encode("cp1256")
    )
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    items = list(iter_sources([str(tmp_path)]))
    arts = [i for i in items if isinstance(i, RawArticle)]
    assert [a.title for a in arts] == ["عنوان الخبر", None]
    assert "حلب" in arts[1].text
    assert [str(e) for e in items if isinstance(e, InputError)] == [f"{tmp_path / 'empty.txt'}: empty file"]


def test_missing_source_is_an_error(tmp_path):
    (err,) = iter_sources([str(tmp_path / "nope.jsonl")])
    assert isinstance(err, InputError) and "no such file" in str(err)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2018-03-01T10:00:00+02:00", "2018-03-01"),
        ("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18"),
        ("2018-03-04", "2018-03-04"),
        ("أمس", None),
        (None, None),
    ],
)
def test_parse_when(value, day):
    assert parse_when(value)[0] == day
