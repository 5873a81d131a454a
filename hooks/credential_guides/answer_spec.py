"""What the browser's answer model needs to know of each template, as JSON in its pages.

A template page carries its template's spec (``script.cg-template-spec``) and a
credential's summary page the specs of all its templates (``#cg-summary-spec``).
The browser code (``overrides/assets/javascripts/cg/answers.js``) turns a spec
and a record of answers into the parts of a submission; it reads no label,
number or column from the page's markup. The shapes are typed for the browser
in ``types/browser.d.ts``.
"""

from __future__ import annotations

from typing import Any

from .field_kinds import FIELD_KINDS
from .fillable import Fillable
from .model import Credential, Range, TemplateField


def template_spec(credential: Credential, item: Fillable) -> dict[str, Any]:
    return {
        "credential": credential.id,
        "credentialTitle": credential.title,
        "id": item.id,
        "title": item.title,
        "words": _range(item.template.words),
        "checks": item.check_count,
        "fields": [_field(field) for field in item.template.fields],
    }


def summary_spec(credential: Credential, items: list[Fillable]) -> dict[str, Any]:
    return {
        "credential": credential.id,
        "title": credential.title,
        "templates": [template_spec(credential, item) for item in items],
    }


def _field(field: TemplateField) -> dict[str, Any]:
    kind = FIELD_KINDS[field.type]
    if kind.answer == "none":
        return {"heading": field.label}
    return kind.spec(field)


def _range(value: Range | None) -> list[int] | None:
    return [value.min, value.max] if value else None
