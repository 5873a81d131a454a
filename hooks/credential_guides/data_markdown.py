"""The Markdown that data may carry, rendered here: a small dialect with no way to write HTML or attributes.

A Markdown field of the data (a guide's paragraph, a question, a district's
submission advice) may hold emphasis, strong emphasis, code and links, and
nothing else: no raw HTML (a tag is shown as written, so a stray ``<`` from
Word never stops a build), no headings, lists or block quotes, no attribute
syntax, no autolinks, no character references (``&amp;`` shows as written).
Each link's address is read as a browser would read it (character references
decoded, tabs and line breaks dropped) and must be an ``http:``, ``https:`` or
``mailto:`` address or a path of this site; an image may only be a path of
this site. The same check runs when the data is loaded (``link_problems``,
with the usual ``file:line: field:`` error) and when a page is rendered, which
drops any link or image that fails it.

The HTML this writes goes into the Markdown pages MkDocs converts: every
character that page's Markdown would read as syntax (emphasis, links, attribute
lists, tables, headings) is written as a character reference, so the second
conversion leaves the text as it is.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown as markdown_lib
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = ("http", "https", "mailto")

_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_NAMED_REFERENCE = re.compile(r"&([a-zA-Z][a-zA-Z0-9]*);")
_DROPPED_BY_BROWSERS = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Characters of text that the page's own Markdown (attr_list, tables, md_in_html) reads as syntax
# anywhere; list markers only at the start (see _disarm).
_MARKUP = re.compile(r"[\\`*_\[\]{}#|!~^<>&]")
"""Text without any of these converts to itself (the dialect has no other syntax)."""
_LIST_START = re.compile(r"^[-+](?=\s)|^[0-9](?=[0-9]*[.)])")
_TEXT_SYNTAX = re.compile(r"[\\`*_\[\]{}#|!~^]")


def browser_url(value: str) -> str:
    """``value`` as a browser reads an ``href``: character references decoded, tabs and line breaks dropped.

    Named references are decoded only with their ``;`` (as browsers do in attributes, so
    ``?a=1&copy=2`` stays as written); numeric ones with or without it.
    """
    import html

    def numeric(match: re.Match[str]) -> str:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    decoded = _NUMERIC_REFERENCE.sub(numeric, value)
    decoded = _NAMED_REFERENCE.sub(lambda m: html.unescape(m.group(0)), decoded)
    return _DROPPED_BY_BROWSERS.sub("", decoded).strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f")


def url_problem(value: str, *, relative: bool = True, image: bool = False) -> str | None:
    """Why ``value`` may not be a link's (or, ``image``, a picture's) address; None if it may.

    ``relative``: a path of this site is allowed too (in Markdown); URL fields of the data take only
    full addresses.
    """
    url = browser_url(value)
    shown = value if len(value) <= 80 else value[:77] + "..."
    if "\\" in url:
        return f"expected an address without backslashes, found {shown!r}"
    scheme = _SCHEME.match(url)
    if image:
        if scheme or url.startswith("//"):
            return f"expected a picture of this site (a path like 'assets/map.png'), found {shown!r}"
        return None
    if scheme is None:
        if url.startswith("//"):
            return f"expected an http(s) or mailto address with its scheme, found {shown!r}"
        if not relative:
            return f"expected a full http(s) or mailto address like 'https://www.nea.org/', found {shown!r}"
        return None
    name = scheme.group(1).lower()
    if name not in SAFE_SCHEMES:
        return f"expected links to http(s) or mailto addresses only, found a link to {name}:"
    if name != "mailto":
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if not host:
            return f"expected an address with a host, like 'https://www.nea.org/', found {shown!r}"
    return None


_AMPERSAND = "\x01"
"""Every "&" of the text while it is converted: control characters never reach here (model.Text refuses
them), so this one marks the text's own ampersands, which are written as "&amp;" however they go on."""


def _as_attribute(value: str) -> str:
    """An address as the serializer should write it: what the browser will read, every "&" written as "&amp;"."""
    return browser_url(value.replace(_AMPERSAND, "&")).replace("&", _AMPERSAND)


class _Links(Treeprocessor):
    """Each link and image checked as a browser would read it; one that fails is dropped, its text kept."""

    def run(self, root: etree.Element) -> None:
        problems: list[str] = []
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "a":
                    problem = url_problem(child.get("href", "").replace(_AMPERSAND, "&"))
                    if problem is None:
                        child.set("href", _as_attribute(child.get("href", "")))
                        continue
                    problems.append(problem)
                    child.tag = "span"
                    child.attrib.clear()
                elif child.tag == "img":
                    problem = url_problem(child.get("src", "").replace(_AMPERSAND, "&"), image=True)
                    if problem is None:
                        child.set("src", _as_attribute(child.get("src", "")))
                        continue
                    problems.append(problem)
                    replacement = etree.Element("span")
                    replacement.text = child.get("alt", "")
                    replacement.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, replacement)
        self.md.cg_problems = problems  # type: ignore[attr-defined]


class _DataDialect(Extension):
    def extendMarkdown(self, md: markdown_lib.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        for block in ("indent", "code", "hashheader", "setextheader", "hr", "olist", "ulist", "quote", "reference"):
            md.parser.blockprocessors.deregister(block)
        for inline in ("autolink", "automail", "html", "entity", "reference", "image_reference"):
            md.inlinePatterns.deregister(inline)
        for inline in ("short_reference", "short_image_ref", "linebreak"):
            md.inlinePatterns.deregister(inline)
        md.postprocessors.deregister("raw_html")
        md.treeprocessors.register(_Links(md), "cg_links", 5)


_converter = markdown_lib.Markdown(extensions=[_DataDialect()], output_format="html")


@functools.lru_cache(maxsize=65536)
def _render(text: str) -> tuple[str, tuple[str, ...]]:
    """Inline HTML of ``text`` (on one line), and the problems with its links."""
    one_line = " ".join(text.split())
    if not _MARKUP.search(one_line):
        return _disarm(one_line), ()  # most of a guide's text: what Markdown would write is the text itself
    one_line = one_line.replace("&", _AMPERSAND)
    _converter.reset()
    html = _converter.convert(one_line)
    problems = tuple(getattr(_converter, "cg_problems", ()))
    html = html.removeprefix("<p>").removesuffix("</p>").replace(_AMPERSAND, "&amp;")
    return _disarm(html), problems


def _disarm(html: str) -> str:
    """``html`` with the text between its tags written so that no Markdown reads syntax in it."""
    parts = re.split(r"(<[^>]*>)", html)
    for index in range(0, len(parts), 2):
        text = _TEXT_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", parts[index])
        if index == 0:
            # At the start of a list item or a paragraph, "- x", "+ x" and "1. x" would start a list.
            text = _LIST_START.sub(lambda m: f"&#{ord(m.group())};", text)
        parts[index] = text
    return "".join(parts)


def link_problems(text: str) -> tuple[str, ...]:
    """The links and pictures in ``text`` that the dialect does not allow, each with what was expected."""
    if "](" not in text:
        return ()
    return _render(text)[1]


def markdown(text: str) -> Markup:
    """``text`` in the data dialect as inline HTML that survives the page's own Markdown unchanged."""
    return Markup(_render(text)[0])
