"""A heading: titles the fields after it and takes no answer."""

from __future__ import annotations

from .kind import FieldKind

KIND = FieldKind("heading", "none")
