"""Escaping for text that goes into generated Markdown."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}#|])")
_TARGET_SPECIALS = re.compile(r"""[\s()<>\\"']""")


def plain(text: str) -> Markup:
    """Plain text made safe for Markdown: HTML-escaped, Markdown syntax disarmed."""
    return Markup(escape(_MARKDOWN_SPECIALS.sub(r"\\\1", text)))


def link_target(url: str) -> Markup:
    """A checked address (``model.Url``) as a Markdown link's target: what Markdown would read as the
    target's end (a space, a parenthesis, an angle bracket, a quote) written as a percent escape, which
    names the same address."""
    return Markup(_TARGET_SPECIALS.sub(lambda m: f"%{ord(m.group()):02X}", url))


MARKDOWN_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables"]


def markdown_html(text: str) -> Markup:
    """Markdown from our templates as HTML, with the extensions the site uses (for PDFs)."""
    import markdown as markdown_lib

    return Markup(markdown_lib.markdown(str(text), extensions=MARKDOWN_EXTENSIONS))


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string, safe inside a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return Markup(f'"{escaped}"')
