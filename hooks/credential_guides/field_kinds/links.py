"""A list of links or file names, each with what it is: a table whose two columns are fixed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .kind import FixedColumn
from .table import Rows

if TYPE_CHECKING:
    from ..model import TemplateField

LINK_COLUMNS = (FixedColumn("link", "Link or file name"), FixedColumn("note", "What it is"))
LINK_ROWS = (1, 10)
"""Its rows where it names none."""


class Links(Rows):
    def columns(self, field: TemplateField) -> Sequence[Any]:
        return LINK_COLUMNS

    def row_range(self, field: TemplateField) -> tuple[int, int]:
        return super().row_range(field) if field.rows is not None else LINK_ROWS


KIND = Links("links", "rows", takes=frozenset({"rows"}))
