"""Rows of a table with its own columns: as many rows as the guide asks for, up to its maximum."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .kind import FieldKind, at_most

if TYPE_CHECKING:
    from ..model import TemplateField

MAX_ROWS = 100
"""Rows of one table: the browser's answer model (records.js LIMITS.rows) holds no more."""


class Rows(FieldKind):
    """A kind whose answer is rows of cells, each cell of a column's kind."""

    def check(self, field: TemplateField) -> list[str]:
        return at_most("rows", field.rows, MAX_ROWS)

    def spec(self, field: TemplateField) -> dict[str, Any]:
        from . import FIELD_KINDS

        low, high = field.row_range
        columns = [
            {"id": column.id, "label": column.label, "date": FIELD_KINDS[column.type].dated}
            for column in self.columns(field)
        ]
        return {**super().spec(field), "minRows": low, "maxRows": high, "columns": columns}


class Table(Rows):
    def check(self, field: TemplateField) -> list[str]:
        problems = super().check(field)
        if len({c.id for c in field.columns}) != len(field.columns):
            problems.append("expected each column id once, found a column id repeated")
        return problems

    def columns(self, field: TemplateField) -> Sequence[Any]:
        return field.columns


KIND = Table("table", "rows", takes=frozenset({"columns", "rows"}), needs=frozenset({"columns", "rows"}))
