"""The field kinds: one registry, and each kind whole in its modules (Python, markup, browser)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

import pytest
from pydantic import ValidationError

from credential_guides.field_kinds import FIELD_KINDS, cell_kinds, kinds_with, scale
from credential_guides.field_kinds.files import FILE_DETAILS, FILE_KINDS
from credential_guides.model import FileDetail, FileKind, TemplateField
from credential_guides.pages import environment
from credential_guides.schemas import schema_texts

ROOT = Path(__file__).resolve().parent.parent
BROWSER_KINDS = ROOT / "overrides" / "assets" / "javascripts" / "cg" / "kinds"


def test_the_data_schema_offers_the_registered_kinds_and_no_other() -> None:
    schema = json.loads(schema_texts()["credentials_data/credential.schema.json"])
    enums = [d["properties"]["type"]["enum"] for d in schema["$defs"].values() if "type" in d.get("properties", {})]
    assert list(FIELD_KINDS) in enums
    assert cell_kinds() in enums


@pytest.mark.parametrize("name", list(FIELD_KINDS))
def test_each_kind_has_its_markup_and_its_browser_adapter(name: str) -> None:
    kind = FIELD_KINDS[name]
    markup = environment().get_template(kind.markup).module
    assert callable(getattr(markup, "field", None)), f"{kind.markup} has no field macro"
    assert kind.cell == callable(getattr(markup, "cell", None)), (
        f"{kind.markup}: cell macro exactly for a column's kind"
    )
    if kind.answer != "none":
        assert (BROWSER_KINDS / f"{kind.answer}.js").is_file(), f"no browser adapter cg/kinds/{kind.answer}.js"


def test_an_unknown_kind_is_refused_with_the_kinds_there_are() -> None:
    with pytest.raises(ValidationError) as raised:
        TemplateField.model_validate({"id": "x", "type": "long-text", "label": "X"})
    message = str(raised.value)
    assert "expected a field kind: one of 'heading', 'text'" in message
    assert "found the text 'long-text' (did you mean 'long_text'?)" in message


def test_the_settings_each_kind_takes_come_from_the_registry() -> None:
    assert kinds_with("options") == kinds_with("options", needed=True) == ["choice", "checklist"]
    assert kinds_with("words") == ["long_text"]
    assert kinds_with("rows") == ["links", "table"]
    assert kinds_with("rows", needed=True) == ["table"]
    assert {name for name, kind in FIELD_KINDS.items() if kind.answer == "rows"} == {"links", "table"}
    assert all(FIELD_KINDS[name].answer in ("text", "one") for name in cell_kinds()), "a cell holds one value"


def test_what_a_files_field_may_accept_and_ask_is_described_once() -> None:
    assert get_args(FileKind) == FILE_KINDS
    assert get_args(FileDetail) == FILE_DETAILS
    assert kinds_with("files") == ["files"]


def _scale_markup(for_print: bool) -> str:
    field = TemplateField.model_validate(
        {"id": "sure", "type": "scale", "label": "How sure?", "help": "1 = not at all"}
    )
    return str(environment().get_template("form.html.j2").module.field(field, for_print))  # type: ignore[attr-defined]


def test_a_scale_is_five_radio_buttons_on_the_web_and_five_boxes_to_tick_one_of_on_paper() -> None:
    web = _scale_markup(for_print=False)
    assert 'data-answer="scale"' in web and 'aria-describedby="f-sure-help"' in web
    assert [f'type="radio" id="f-sure-{n}" name="sure" value="{n}"' in web for n in range(1, 6)] == [True] * 5
    paper = _scale_markup(for_print=True)
    assert "<legend>How sure? (tick one)</legend>" in paper
    assert paper.count('type="checkbox"') == 5 and 'name="sure.5" value="5"' in paper


def test_a_scale_takes_no_options_and_its_points_are_the_browsers() -> None:
    with pytest.raises(ValidationError, match=r"options: \(only and always for choice and checklist\)"):
        TemplateField.model_validate({"id": "s", "type": "scale", "label": "S", "options": ["Low", "High"]})
    adapter = (BROWSER_KINDS / "scale.js").read_text(encoding="utf-8")
    assert f"const HIGHEST = {scale.POINTS[-1]};" in adapter
