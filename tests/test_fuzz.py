"""Random and mutated input: only a PlanParseError may escape, and every result is schema-valid."""
from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planparse import PlanParseError, parse, parse_text
from planparse.read.sniff import EXTENSIONS

jsonschema = pytest.importorskip("jsonschema")

# Characters the numbering, splitting and normalising code reacts to, so random text reaches it.
PLAN_ALPHABET = st.sampled_from(list("一二三四五六七八九十（）()、.．。：:；;，,第章节条款项①②③ⅠⅡ\n\n\t 　"
                                     "0123456789abcABC关于印发工作方案通知办公室领导小组负责年月日前\u200b\ufeff\r"))
# One of each format the corpus has, kept small so that an example stays quick.
MUTATED = ("plan_053.md", "plan_046.txt", "plan_004.html", "plan_023.doc", "plan_055.pdf", "plan_024.docx")
CRASHES = Path(__file__).parent / "data" / "fuzz_crashes"
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_names = itertools.count()


@pytest.fixture(scope="module")
def validate(plan_schema):
    return jsonschema.Draft202012Validator(plan_schema).validate


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="planparse-fuzz-") as folder:
        yield Path(folder)


def _parse_file(folder: Path, data: bytes, suffix: str, validate) -> None:
    path = folder / f"fuzz_{next(_names)}{suffix}"
    path.write_bytes(data)
    try:
        doc = parse(path)
    except PlanParseError:
        return
    finally:
        path.unlink()
    validate(doc.to_dict())


@FUZZ
@given(st.one_of(st.text(max_size=400), st.text(PLAN_ALPHABET, max_size=400)))
def test_random_text(validate, text):
    try:
        doc = parse_text(text)
    except PlanParseError:
        return
    validate(doc.to_dict())


@FUZZ
@given(data=st.binary(max_size=600), suffix=st.sampled_from(sorted(EXTENSIONS) + [".bin", ""]))
def test_random_bytes(validate, scratch, data, suffix):
    _parse_file(scratch, data, suffix, validate)


@st.composite
def mutations(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if kind == "flip" and where < len(data):
            data[where] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[where:]
        elif kind == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[where:where + draw(st.integers(1, 64))]
    return bytes(data)


@pytest.mark.parametrize("name", MUTATED)
def test_mutated_corpus_files(shared_corpus, validate, scratch, name):
    original = (shared_corpus / name).read_bytes()

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=mutations(original))
    def check(data):
        _parse_file(scratch, data, Path(name).suffix, validate)

    check()


@pytest.mark.parametrize("path", sorted(CRASHES.iterdir()), ids=lambda p: p.name)
def test_saved_crashes_raise_a_plan_parse_error(path):
    with pytest.raises(PlanParseError):
        parse(path)
