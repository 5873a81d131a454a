"""Escaping for text that goes into generated Markdown."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]])")


def plain(text: str) -> Markup:
    """Plain text made safe for Markdown: HTML-escaped, Markdown syntax disarmed."""
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(text))))


def markdown(text: str) -> Markup:
    """Text that may carry inline Markdown, passed through on one line."""
    return Markup(" ".join(text.split()))
