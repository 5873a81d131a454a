"""A Content-Security-Policy in every page, so the browser itself keeps what an educator types on the device.

The policy is written into the page as ``<meta http-equiv>`` (GitHub Pages sets
no headers): scripts, styles, fonts, images and connections come from the site
only; forms cannot be sent anywhere. The only inline scripts and styles it
allows are the ones the theme's own templates write: ``OwnInlineCode`` reads
them from the template sources and renders each with the page's context, and
the policy lists their hashes. What the finished page holds is never hashed, so
a script or a style that data slipped into a page is refused by the browser
even if escaping failed. No ``style=`` attribute is allowed (no
``'unsafe-hashes'``): templates use classes. ``frame-ancestors`` and reporting
cannot be set from a meta tag; browsers still fire ``securitypolicyviolation``
events, which the browser tests listen for.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_HEAD_START = re.compile(r"<head>\s*(<meta charset=[^>]*>)?", re.I)
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_STYLE_ATTRIBUTE = re.compile(r"""<[a-z][^>]*?\sstyle\s*=""", re.I)
_SCRIPT_SRC = re.compile(r"\ssrc\s*=", re.I)
_SCRIPT_TYPE = re.compile(r"""\stype=["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_JINJA = re.compile(r"{[{%#]")


@dataclass(frozen=True)
class InlineCode:
    """The executable inline scripts and the style elements of one page."""

    scripts: tuple[str, ...]
    styles: tuple[str, ...]
    style_attributes: int

    @classmethod
    def of(cls, html: str) -> InlineCode:
        scripts = tuple(body for attributes, body in _INLINE_SCRIPT.findall(html) if _executable(attributes))
        return cls(scripts, tuple(_STYLE_ELEMENT.findall(html)), len(_STYLE_ATTRIBUTE.findall(html)))


@dataclass
class OwnInlineCode:
    """The inline scripts and styles the theme's templates write, read from their sources.

    A body with Jinja in it (Material's ``__md_scope`` script, which names the
    page's ``base_url``; the district's colours) is rendered with the page's
    context, once per distinct context.
    """

    static_scripts: frozenset[str]
    static_styles: frozenset[str]
    templated_scripts: tuple[Any, ...]
    templated_styles: tuple[Any, ...]
    _rendered: dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)

    @classmethod
    def from_templates(cls, sources: Iterable[str], environment: Any) -> OwnInlineCode:
        """``sources``: the text of every template; ``environment``: the Jinja environment that renders them."""
        scripts: set[str] = set()
        styles: set[str] = set()
        for source in sources:
            found = InlineCode.of(source)
            scripts.update(found.scripts)
            styles.update(found.styles)
        return cls(
            frozenset(s for s in scripts if not _JINJA.search(s)),
            frozenset(s for s in styles if not _JINJA.search(s)),
            tuple(environment.from_string(s) for s in sorted(scripts) if _JINJA.search(s)),
            tuple(environment.from_string(s) for s in sorted(styles) if _JINJA.search(s)),
        )

    @classmethod
    def from_theme_dirs(cls, dirs: Iterable[Path], environment: Any) -> OwnInlineCode:
        """Every ``.html`` template under the theme's folders (overrides first, then Material)."""
        sources = [path.read_text(encoding="utf-8") for folder in dirs for path in sorted(Path(folder).rglob("*.html"))]
        return cls.from_templates(sources, environment)

    def allowed(self, context: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
        """The scripts and styles the templates write for a page with ``context`` (its ``base_url``, ``config``)."""
        key = (str(context.get("base_url", "")),)
        if key not in self._rendered:
            scripts = {_render(t, context) for t in self.templated_scripts}
            styles = {_render(t, context) for t in self.templated_styles}
            self._rendered[key] = (self.static_scripts | scripts, self.static_styles | styles)
        return self._rendered[key]


def _render(template: Any, context: Mapping[str, Any]) -> str:
    try:
        return str(template.render(**context))
    except Exception:
        return ""


@dataclass(frozen=True)
class Policy:
    """A page's policy, and what inline code in the page it does not allow (which the browser will refuse)."""

    text: str
    refused_scripts: int
    refused_styles: int

    @property
    def refused(self) -> str:
        parts = [
            f"{n} inline {what}"
            for n, what in ((self.refused_scripts, "script(s)"), (self.refused_styles, "style(s)"))
            if n
        ]
        return " and ".join(parts)


def policy_for(
    html: str | InlineCode,
    allowed: tuple[frozenset[str], frozenset[str]],
    *,
    webassembly: bool = False,
    local_files: bool = False,
) -> Policy:
    """The policy for ``html``: the hashes of ``allowed`` code that the page uses, nothing the page adds.

    ``webassembly`` for the page that runs Pagefind; ``local_files`` for the offline copy, opened from
    ``file://``, where some browsers (Firefox) give every file its own origin, so 'self' would not cover
    the copy's other files; ``file:`` does, and still lets nothing reach the network.
    """
    own_scripts, own_styles = allowed
    found = html if isinstance(html, InlineCode) else InlineCode.of(html)
    scripts = [s for s in found.scripts if s in own_scripts]
    styles = [s for s in found.styles if s in own_styles]
    own = ["'self'", "file:"] if local_files else ["'self'"]
    script_src = [*own, *(["'wasm-unsafe-eval'"] if webassembly else []), *_hashes(scripts)]
    style_src = [*own, *_hashes(styles)]
    directives = [
        f"default-src {' '.join(own)}",
        f"script-src {' '.join(script_src)}",
        f"style-src {' '.join(style_src)}",
        f"img-src {' '.join(own)} data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    refused_styles = len(found.styles) - len(styles) + found.style_attributes
    return Policy("; ".join(directives), len(found.scripts) - len(scripts), refused_styles)


def with_policy(html: str, policy: Policy) -> str:
    """``html`` with ``policy`` as a meta tag first in its head (after the charset)."""
    match = _HEAD_START.search(html)
    if not match:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy.text}">'
    return f"{html[: match.end()]}\n{meta}{html[match.end() :]}"


def _executable(attributes: str) -> bool:
    if _SCRIPT_SRC.search(attributes):
        return False
    kind = _SCRIPT_TYPE.search(attributes)
    return (kind.group(1).lower() if kind else "") in _EXECUTABLE_TYPES


def _hashes(sources: list[str]) -> list[str]:
    unique = dict.fromkeys(sources)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode('ascii')}'" for s in unique]
