"""The pattern and gazetteer files: they load, ids are unique and stable, bad lines are named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractors.errors import PatternError
from extractors.patterns_io import FILE_LABELS, PATTERN_DIR, load_pattern_file, load_patterns

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
    "year.single",
]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_pattern_file_loads(lang: str) -> None:
    patterns = load_patterns(lang=lang)
    assert set(patterns) == set(FILE_LABELS)
    assert all(patterns[name] for name in FILE_LABELS)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_ids_are_unique_across_files(lang: str) -> None:
    ids = [e.id for entries in load_patterns(lang=lang).values() for e in entries]
    assert len(ids) == len(set(ids))


def test_a_language_without_files_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "patterns"
    shutil.copytree(PATTERN_DIR, folder)
    with pytest.raises(PatternError, match="missing kk pattern file"):
        load_patterns(folder, lang="kk")


@pytest.mark.parametrize("pid", STABLE_IDS)
def test_stable_ids_are_present(pid: str) -> None:
    ids = {e.id for entries in load_patterns().values() for e in entries}
    assert pid in ids


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_region_codes_are_those_of_facts_md(lang: str) -> None:
    codes = {e.key for e in load_patterns(lang=lang)["regions"]}
    assert codes == {"KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33",
                     "KZ-35", "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62",
                     "KZ-63", "KZ-71", "KZ-75", "KZ-79"}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_token_patterns_use_only_blank_pipeline_attributes(lang: str) -> None:
    for name in ("figures", "years"):
        for e in load_patterns(lang=lang)[name]:
            for tok in e.pattern:
                assert not {"POS", "TAG", "LEMMA", "DEP", "ENT_TYPE", "MORPH"} & set(tok)


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


def test_bad_token_attribute_names_file_and_id(tmp_path: Path) -> None:
    line = json.dumps({"label": "FIGURE", "pattern": [{"POS": "NUM"}], "id": "bad.pos"})
    with pytest.raises(PatternError, match=r"figures\.jsonl: id 'bad\.pos'"):
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
