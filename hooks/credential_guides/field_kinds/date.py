"""A date: a date box on the web, a line to write on in print, written in words in every document."""

from __future__ import annotations

from .kind import FieldKind

KIND = FieldKind("date", "text", cell=True, dated=True)
