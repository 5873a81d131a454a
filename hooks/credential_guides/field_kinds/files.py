"""Photos and PDF scans kept in the browser, each with its date and description; in print, a table to list them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .kind import FieldKind, FixedColumn, at_most

if TYPE_CHECKING:
    from ..model import TemplateField

FILE_KINDS = ("photo", "pdf")
"""What it may accept (``accept:``): photos (JPEG, PNG, WebP, HEIC where the browser reads it),
re-encoded in the browser without their metadata, and PDF scans, appended to hand-in PDFs."""
FILE_DETAILS = ("date", "description")
"""What it may ask of each file (``each:``)."""
FILE_COLUMNS = (
    FixedColumn("file", "File"),
    FixedColumn("date", "Date", "date"),
    FixedColumn("description", "Description"),
)
"""The columns that list its files on paper; date and description only where it asks for them."""
MAX_FILES = 50
"""The most files it may take: each photo is kept at up to about 1 MB in the educator's browser."""


class Files(FieldKind):
    def check(self, field: TemplateField) -> list[str]:
        problems = at_most("files", field.files, MAX_FILES)
        for name, values in (("accept", field.accept), ("each", field.each)):
            if len(set(values)) != len(values):
                problems.append(f"expected each entry of {name}: once, found {', '.join(values)}")
        return problems

    def columns(self, field: TemplateField) -> Sequence[Any]:
        return tuple(column for column in FILE_COLUMNS if column.id == "file" or column.id in field.each)

    def row_range(self, field: TemplateField) -> tuple[int, int]:
        return (field.files.min, field.files.max) if field.files is not None else (0, 0)

    def spec(self, field: TemplateField) -> dict[str, Any]:
        low, high = field.row_range
        files = {
            "min": low,
            "max": high,
            "accept": list(field.accept),
            "date": "date" in field.each,
            "description": "description" in field.each,
        }
        return {**super().spec(field), "files": files}


KIND = Files("files", "files", takes=frozenset({"files"}), needs=frozenset({"files"}))
