"""What each type of template field is, described once.

The model checks a field's settings against it, the web and PDF forms choose
their controls by it, the summary page hands it to the form's script, and the
script reads answers by it: no other place switches on a field's type name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Answer = Literal["none", "text", "one", "many", "rows"]


@dataclass(frozen=True)
class FieldKind:
    answer: Answer
    """How an answer is kept and written out: nothing (a heading), a text, one of the options,
    any of the options, or rows of a table."""
    control: Literal["heading", "input", "textarea", "date", "options", "table"]
    """What the form shows: in print a date is a line to write on, like a text."""
    options: bool = False
    """Takes ``options:`` (and must have them)."""
    words: bool = False
    """May have a published word range (``words:``), counted as the educator types."""
    columns: Literal["none", "own", "links"] = "none"
    """A table's columns: none, its own ``columns:`` (required), or the fixed link columns."""
    rows: Literal["none", "optional", "required"] = "none"
    """A table's row range (``rows:``): not allowed, optional (links: 1–10), or required."""


FIELD_KINDS: dict[str, FieldKind] = {
    "heading": FieldKind("none", "heading"),
    "text": FieldKind("text", "input"),
    "long_text": FieldKind("text", "textarea", words=True),
    "date": FieldKind("text", "date"),
    "choice": FieldKind("one", "options", options=True),
    "checklist": FieldKind("many", "options", options=True),
    "links": FieldKind("rows", "table", columns="links", rows="optional"),
    "table": FieldKind("rows", "table", columns="own", rows="required"),
}

LINK_COLUMNS = (("link", "Link or file name"), ("note", "What it is"))
"""The two columns of a ``links`` field: (id, label)."""
LINK_ROWS = (1, 10)
"""The rows of a ``links`` field that names none."""


def types_where(has: str) -> list[str]:
    """The type names whose kind has ``has`` set (``"options"``, ``"words"``, ``"rows"``)."""
    return [name for name, kind in FIELD_KINDS.items() if getattr(kind, has) not in (False, "none")]
