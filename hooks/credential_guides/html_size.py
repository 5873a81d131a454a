"""Keep pages small: drop the indentation Material's templates leave in every page.

Material's templates indent every navigation entry and block with hundreds of
spaces and blank lines: with 50 credentials in a page's navigation, a third of
the page was whitespace. A run of whitespace that holds a line break renders
exactly like a single line break, so it is replaced by one, except inside
elements where whitespace is content.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
_INDENTED_BREAKS = re.compile(r"\n\s+")


def strip_indentation(html: str) -> str:
    """``html`` with every whitespace run that contains a line break reduced to one line break."""
    parts = _KEEP.split(html)
    out = []
    # re.split with two groups yields: text, whole kept element, its tag name, text, ...
    for index in range(0, len(parts), 3):
        out.append(_INDENTED_BREAKS.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
