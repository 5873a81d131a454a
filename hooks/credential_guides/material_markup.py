"""Correct what in Material's page markup the HTML standard or accessibility rules do not allow.

- Its drawer and search toggles are checkboxes with ``autocomplete="off"``,
  an attribute only text-like inputs may carry. Firefox reads it to not
  restore a box's state on going back, so there a page left with its menu
  open may come back with the menu open: a small cost for valid pages.
- A section's index page gets the table of contents' title label
  ``for="__toc"`` but not the ``__toc`` checkbox it names, so the label points
  at nothing; without ``for`` it is a plain title, as it behaves there now.
- A nested navigation is named by the label of its toggle, which on a section
  with an index page holds only an icon: a screen reader's landmark list would
  show several unnamed navigations. Each is named by its own title instead.
"""

from __future__ import annotations

import html as html_lib
import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = ' for="__toc"'
_TOC_CONTROL = 'id="__toc"'
_NESTED_NAV = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="[^"]*"([^>]*>\s*'
    r'<label class="md-nav__title" for="[^"]*">\s*<span class="md-nav__icon md-icon"></span>\s*)([^<]*?)(\s*</label>)'
)


def valid_material_markup(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if _TOC_LABEL in html and _TOC_CONTROL not in html:
        html = html.replace(_TOC_LABEL, "")
    return _NESTED_NAV.sub(_name_by_title, html)


def _name_by_title(match: re.Match[str]) -> str:
    opening, between, title, closing = match.groups()
    name = html_lib.escape(html_lib.unescape(title), quote=True)
    return f'{opening} aria-label="{name}"{between}{title}{closing}'
