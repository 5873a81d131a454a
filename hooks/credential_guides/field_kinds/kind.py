"""What a field kind is: the settings it takes, its own checks, its columns and what the browser is told.

Each kind of template field is one module of this package, holding one
``FieldKind`` (``KIND``); its form markup, on the web and on paper, is
``templates/fields/<name>.html.j2``; the browser adapter named by its
``answer`` (``overrides/assets/javascripts/cg/kinds/<answer>.js``) reads,
checks and writes out its answers. Nothing else switches on a kind's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from ..model import Range, TemplateField

Setting = Literal["options", "words", "columns", "rows", "files"]
"""The settings only some kinds take; ``files`` stands for ``files:``, ``accept:`` and ``each:``."""


class FixedColumn(NamedTuple):
    """A column a kind brings itself (a list of links' columns; on paper, those that list files)."""

    id: str
    label: str
    type: str = "text"
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldKind:
    name: str
    """The ``type:`` the data names it by."""
    answer: str
    """The browser adapter that keeps its answers (``cg/kinds/<answer>.js``); ``none`` for a heading."""
    takes: frozenset[Setting] = frozenset()
    """The settings it may have."""
    needs: frozenset[Setting] = frozenset()
    """The settings it must have (among those it takes)."""
    cell: bool = False
    """May be the type of a table's column: its markup has a ``cell`` macro, its answer is one value."""
    dated: bool = False
    """Its answer is a date, written in words wherever it is read."""

    @property
    def markup(self) -> str:
        """Its form markup, under ``templates/``: a ``field`` macro (and ``cell``, for a column)."""
        return f"fields/{self.name}.html.j2"

    def check(self, field: TemplateField) -> list[str]:
        """What is wrong with the field beyond which settings it has, each as 'expected …, found …'."""
        return []

    def columns(self, field: TemplateField) -> Sequence[Any]:
        """Its columns, where its answer is rows (on the web or on paper)."""
        return ()

    def row_range(self, field: TemplateField) -> tuple[int, int]:
        """The rows (or files) it takes, fewest and most."""
        return (field.rows.min, field.rows.max) if field.rows is not None else (0, 0)

    def spec(self, field: TemplateField) -> dict[str, Any]:
        """What the browser adapter is told of the field (``FieldSpec`` in ``types/browser.d.ts``)."""
        return {
            "id": field.id,
            "label": field.label,
            "answer": self.answer,
            "optional": field.optional,
            "counted": "words" in self.takes,
            "date": self.dated,
            "words": word_range(field.words),
            "minRows": None,
            "maxRows": None,
            "columns": None,
        }


def word_range(value: Range | None) -> list[int] | None:
    return [value.min, value.max] if value else None


def at_most(setting: str, value: Range | None, most: int) -> list[str]:
    """A range's maximum above what the browser's answer model holds."""
    if value is not None and value.max > most:
        return [f"expected {setting}.max at most {most}, found {value.max}"]
    return []
