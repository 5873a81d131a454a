"""What each type of template field is, described once.

The model checks a field's settings against it, the web and PDF forms choose
their controls by it, the summary page hands it to the form's script, and the
script reads answers by it: no other place switches on a field's type name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Answer = Literal["none", "text", "one", "many", "rows", "files"]


@dataclass(frozen=True)
class FieldKind:
    answer: Answer
    """How an answer is kept and written out: nothing (a heading), a text, one of the options,
    any of the options, rows of a table, or files (kept in the browser, each with its date and description)."""
    control: Literal["heading", "input", "textarea", "date", "options", "table", "files"]
    """What the form shows: in print a date is a line to write on, like a text."""
    options: bool = False
    """Takes ``options:`` (and must have them)."""
    words: bool = False
    """May have a published word range (``words:``), counted as the educator types."""
    columns: Literal["none", "own", "links", "files"] = "none"
    """A table's columns: none, its own ``columns:`` (required), the fixed link columns, or, on paper,
    the columns that list the files attached."""
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
    "files": FieldKind("files", "files", columns="files"),
}

LINK_COLUMNS = (("link", "Link or file name"), ("note", "What it is"))
"""The two columns of a ``links`` field: (id, label)."""
LINK_ROWS = (1, 10)
"""The rows of a ``links`` field that names none."""

FILE_KINDS = ("photo", "pdf")
"""What a ``files`` field may accept (``accept:``): photos (JPEG, PNG, WebP, HEIC where the browser
reads it), re-encoded in the browser without their metadata, and PDF scans, appended to hand-in PDFs."""
FILE_DETAILS = ("date", "description")
"""What a ``files`` field may ask of each file (``each:``)."""
FILE_COLUMNS = (("file", "File"), ("date", "Date"), ("description", "Description"))
"""The columns that list a ``files`` field's files on paper: (id, label); date and description only
where the field asks for them."""


def types_where(has: str) -> list[str]:
    """The type names whose kind has ``has`` set (``"options"``, ``"words"``, ``"rows"``)."""
    return [name for name, kind in FIELD_KINDS.items() if getattr(kind, has) not in (False, "none")]
