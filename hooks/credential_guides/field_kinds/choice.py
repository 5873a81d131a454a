"""One of the published options: radio buttons on the web, boxes to tick one of in print."""

from __future__ import annotations

from .kind import FieldKind

KIND = FieldKind("choice", "one", takes=frozenset({"options"}), needs=frozenset({"options"}), cell=True)
