from __future__ import annotations

from pathlib import Path

from credential_guides.errors import DataError
from credential_guides.strict_yaml import YamlDocument, format_loc, read_yaml


def read(tmp_path: Path, content: bytes) -> tuple[YamlDocument | None, list[DataError]]:
    path = tmp_path / "x.yml"
    path.write_bytes(content)
    return read_yaml(path, "data/x.yml")


def test_lines_are_recorded_for_keys_and_items(tmp_path: Path) -> None:
    doc, errors = read(tmp_path, b"a: 1\nb:\n  - one\n  - c: 2\n")
    assert not errors and doc is not None
    assert doc.data == {"a": 1, "b": ["one", {"c": 2}]}
    assert doc.lines.line_of(("b", 1, "c")) == 4
    assert doc.lines.line_of(("b", 0)) == 3
    assert doc.lines.line_of(("b", 1, "missing")) == 4


def test_duplicate_keys_are_errors_but_the_document_is_kept(tmp_path: Path) -> None:
    doc, errors = read(tmp_path, b"a: 1\nb: 2\na: 3\n")
    assert [str(e) for e in errors] == [
        "data/x.yml:3: a: expected each field once, found 'a' again (first on line 1): "
        "keep one of the two lines and delete the other"
    ]
    assert doc is not None and doc.data["a"] == 1


def test_non_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    doc, errors = read(tmp_path, b"a: ok\nb: caf\xe9\n")
    assert doc is None
    assert [str(e) for e in errors] == ["data/x.yml:2: expected UTF-8 text, found the byte 0xe9"]


def test_comment_only_file_is_empty(tmp_path: Path) -> None:
    doc, errors = read(tmp_path, b"# nothing here\n")
    assert doc is None
    assert [str(e) for e in errors] == ["data/x.yml:1: expected YAML data, found only comments"]


def test_python_tags_are_refused(tmp_path: Path) -> None:
    _, errors = read(tmp_path, b"a: !!python/name:os.system\n")
    assert "found the tag 'tag:yaml.org,2002:python/name:os.system'" in str(errors[0])


def test_format_loc() -> None:
    assert format_loc(("submission", "artifacts", 2, "rubric")) == "submission.artifacts[2].rubric"
    assert format_loc((0, "id")) == "[0].id"
