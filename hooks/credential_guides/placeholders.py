"""Placeholders: text a scaffold or an upgrade writes for an editor to replace, refused until they do.

A placeholder starts with ``REPLACE`` and says what belongs there:
``REPLACE: the competency, word for word.`` or ``REPLACE with the publisher``.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"^\s*REPLACE\b[:\s]*(?:with\s+)?(?P<wanted>.*?)[.\s]*$", re.S)


def is_placeholder(value: str) -> bool:
    return _PLACEHOLDER.match(value) is not None


def placeholder_message(value: str) -> str:
    """``expected the competency, word for word, found the placeholder 'REPLACE: …'``."""
    match = _PLACEHOLDER.match(value)
    wanted = " ".join(match.group("wanted").split()) if match else ""
    shown = " ".join(value.split())
    shown = shown if len(shown) <= 60 else shown[:57] + "…"
    return f"expected {wanted or 'your own text'}, found the placeholder {shown!r}"
