"""Any of the published options, ticked."""

from __future__ import annotations

from .kind import FieldKind

KIND = FieldKind("checklist", "many", takes=frozenset({"options"}), needs=frozenset({"options"}))
