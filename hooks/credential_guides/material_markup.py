"""Correct the two things in Material's page markup that the HTML standard does not allow.

- Its drawer and search toggles are checkboxes with ``autocomplete="off"``,
  an attribute only text-like inputs may carry. Firefox reads it to not
  restore a box's state on going back, so there a page left with its menu
  open may come back with the menu open: a small cost for valid pages.
- A section's index page gets the table of contents' title label
  ``for="__toc"`` but not the ``__toc`` checkbox it names, so the label points
  at nothing; without ``for`` it is a plain title, as it behaves there now.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = ' for="__toc"'
_TOC_CONTROL = 'id="__toc"'


def valid_material_markup(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if _TOC_LABEL in html and _TOC_CONTROL not in html:
        html = html.replace(_TOC_LABEL, "")
    return html
