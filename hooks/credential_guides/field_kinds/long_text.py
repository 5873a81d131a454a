"""A written answer of several lines, with the word range the guide publishes, counted as it is typed."""

from __future__ import annotations

from .kind import FieldKind

KIND = FieldKind("long_text", "text", takes=frozenset({"words"}), cell=True)
