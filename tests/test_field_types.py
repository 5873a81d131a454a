"""One description of each field type: the names the data may use are the kinds described."""

from __future__ import annotations

from typing import get_args

from credential_guides.field_types import FIELD_KINDS, FILE_DETAILS, FILE_KINDS, types_where
from credential_guides.model import ColumnType, FieldType, FileDetail, FileKind


def test_every_field_type_the_data_may_name_is_described_and_nothing_else() -> None:
    assert set(get_args(FieldType)) == set(FIELD_KINDS)
    assert set(get_args(ColumnType)) <= set(FIELD_KINDS)
    assert all(FIELD_KINDS[name].answer in ("text", "one") for name in get_args(ColumnType)), "a cell holds one value"


def test_the_settings_each_type_takes_follow_from_its_description() -> None:
    assert types_where("options") == ["choice", "checklist"]
    assert types_where("words") == ["long_text"]
    assert types_where("rows") == ["links", "table"]
    assert {name for name, kind in FIELD_KINDS.items() if kind.answer == "rows"} == {"links", "table"}


def test_what_a_files_field_may_accept_and_ask_is_described_once() -> None:
    assert get_args(FileKind) == FILE_KINDS
    assert get_args(FileDetail) == FILE_DETAILS
    assert {name for name, kind in FIELD_KINDS.items() if kind.answer == "files"} == {"files"}
