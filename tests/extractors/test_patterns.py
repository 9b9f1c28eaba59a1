"""The pattern and gazetteer files: they load, ids are unique and stable, bad lines are named."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from extractors.errors import PatternError
from extractors.patterns_io import (
    FILE_LABELS,
    PATTERN_DIR,
    expand,
    load_pattern_file,
    load_patterns,
)

# Ids other code or stored data may rely on: renaming one is a deliberate change.
STABLE_IDS = [
    "region:KZ-10:abai_region",
    "region:KZ-35:karaganda_region",
    "region:KZ-75:almaty_city",
    "region:KZ-79:shymkent",
    "region:KZ-39:city_rudny",
    "product:copper_cathode:0",
    "product:hot-briquetted_iron:0",
    "status:under_construction:0",
    "status:planned:0",
    "status:commissioned:0",
    "cue:commission:0",
    "num.word",
    "num.bare",
    "jobs.adj",
    "year.single",
    "year.this_year",
]


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_every_pattern_file_loads(lang: str) -> None:
    patterns = load_patterns(lang=lang)
    assert set(patterns) == set(FILE_LABELS)
    assert all(patterns[name] for name in FILE_LABELS)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_ids_are_unique_across_files(lang: str) -> None:
    ids = [e.id for entries in load_patterns(lang=lang).values() for e in entries]
    assert len(ids) == len(set(ids))


def test_a_language_without_files_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "patterns"
    shutil.copytree(PATTERN_DIR, folder)
    with pytest.raises(PatternError, match="missing de pattern file"):
        load_patterns(folder, lang="de")


@pytest.mark.parametrize("pid", STABLE_IDS)
def test_stable_ids_are_present(pid: str) -> None:
    ids = {e.id for entries in load_patterns().values() for e in entries}
    assert pid in ids


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_region_codes_are_those_of_facts_md(lang: str) -> None:
    codes = {e.key for e in load_patterns(lang=lang)["regions"]}
    assert codes == {"KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33",
                     "KZ-35", "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62",
                     "KZ-63", "KZ-71", "KZ-75", "KZ-79"}


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_figure_and_year_expressions_compile_with_their_macros(lang: str) -> None:
    patterns = load_patterns(lang=lang)
    macros = {e.id: e for name in ("figures", "years") for e in patterns[name]
              if e.label in ("WORDS", "REGEX")}
    for name, label in (("figures", "FIGURE"), ("years", "YEAR")):
        entries = [e for e in patterns[name] if e.label == label]
        assert entries
        for e in entries:
            assert isinstance(e.pattern, str)
            assert re.compile(expand(e.pattern, macros)).groups >= 0


@pytest.mark.parametrize(("macro", "text", "matched"), [
    ("{words.scale}", "billion tenge", "billion"),
    ("{words.scale}", "bn.", "bn"),
    ("{words.scale}", "mwh", None),  # "m" must not match inside a word
    ("{num}", "four thousand", "four"),
    ("{num}", "300,000 tonnes", "300,000"),
])
def test_macros_expand_to_whole_words(macro: str, text: str, matched: str | None) -> None:
    patterns = load_patterns()
    macros = {e.id: e for name in ("figures", "years") for e in patterns[name]
              if e.label in ("WORDS", "REGEX")}
    m = re.match(expand(macro, macros), text)
    assert (m.group(0) if m else None) == matched


def _copy_with(tmp_path: Path, name: str, line: str) -> Path:
    folder = tmp_path / "patterns"
    shutil.copytree(PATTERN_DIR, folder)
    with open(folder / f"{name}.jsonl", "a", encoding="utf-8") as f:
        f.write(line + "\n")
    return folder


def test_unknown_label_names_file_and_id(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "products",
                        json.dumps({"label": "FRUIT", "pattern": "apple", "id": "product:apple:0"}))
    with pytest.raises(PatternError, match=r"products\.jsonl: id 'product:apple:0'"):
        load_patterns(folder)


def test_a_token_list_is_not_a_figure_expression(tmp_path: Path) -> None:
    line = json.dumps({"label": "FIGURE", "pattern": [{"POS": "NUM"}], "id": "bad.pos"})
    with pytest.raises(PatternError, match=r"figures\.jsonl: id 'bad\.pos'"):
        load_patterns(_copy_with(tmp_path, "figures", line))


def test_malformed_expression_names_file_and_id(tmp_path: Path) -> None:
    line = json.dumps({"label": "FIGURE", "pattern": "{num}(?:[ ]tonnes", "id": "bad.paren"})
    with pytest.raises(PatternError, match=r"figures\.jsonl: id 'bad\.paren'"):
        load_patterns(_copy_with(tmp_path, "figures", line))


def test_unknown_macro_names_file_and_id(tmp_path: Path) -> None:
    line = json.dumps({"label": "YEAR", "pattern": "{words.no_such}", "id": "year.bad"})
    with pytest.raises(PatternError, match=r"years\.jsonl: id 'year\.bad'.*no_such"):
        load_patterns(_copy_with(tmp_path, "years", line))


def test_words_entry_must_be_a_list_of_words(tmp_path: Path) -> None:
    line = json.dumps({"label": "WORDS", "pattern": "tonnes", "id": "words.bad"})
    with pytest.raises(PatternError, match=r"figures\.jsonl: id 'words\.bad'"):
        load_patterns(_copy_with(tmp_path, "figures", line))


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "cues", '{"label": "CUE", "pattern": ')
    with pytest.raises(PatternError, match=r"cues\.jsonl: line \d+"):
        load_patterns(folder)


def test_missing_key_names_id(tmp_path: Path) -> None:
    folder = _copy_with(tmp_path, "status", json.dumps({"label": "STATUS", "id": "status:planned:99"}))
    with pytest.raises(PatternError, match=r"status\.jsonl: id 'status:planned:99'"):
        load_patterns(folder)


def test_duplicate_id_is_reported(tmp_path: Path) -> None:
    line = json.dumps({"label": "PRODUCT", "pattern": "copper", "id": "product:copper_cathode:0"})
    with pytest.raises(PatternError, match="duplicate"):
        load_patterns(_copy_with(tmp_path, "products", line))


def test_single_file_loader_rejects_unknown_file(tmp_path: Path) -> None:
    path = tmp_path / "fruits.jsonl"
    path.write_text("", encoding="utf-8")
    with pytest.raises(PatternError, match="fruits.jsonl"):
        load_pattern_file(path)
