"""Escaping for text that goes into generated Markdown."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]])")


def plain(text: str) -> Markup:
    """Plain text made safe for Markdown: HTML-escaped, Markdown syntax disarmed."""
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(text))))


def markdown(text: str) -> Markup:
    """Text that may carry inline Markdown, passed through on one line, any HTML in it shown as text.

    Data is pasted from Word and web pages and edited by many hands: a tag in
    it (``<script>``, ``<b>``) is shown as written rather than refused, so that
    a stray ``<`` never stops a district's build, and never runs. Inline
    Markdown (emphasis, links) keeps working; ``SafeMarkdown`` refuses links
    to anything but web and mail addresses.
    """
    return Markup(" ".join(text.split()).replace("<", "&lt;"))


MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables"]


def markdown_html(text: str) -> Markup:
    """Markdown from our templates as HTML, with the extensions the site uses (for PDFs)."""
    import markdown as markdown_lib

    return Markup(markdown_lib.markdown(str(text), extensions=MARKDOWN_EXTENSIONS))


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string, safe inside a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return Markup(f'"{escaped}"')
