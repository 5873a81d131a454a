"""A short answer on one line."""

from __future__ import annotations

from .kind import FieldKind

KIND = FieldKind("text", "text", cell=True)
