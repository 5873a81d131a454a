"""The navigation a page shows: the top level, and its own stack and credential, never the whole catalog.

With ``navigation.prune`` Material already leaves out what a page does not
show, but it still walks every entry of the page's stack (50 credentials, each
a section), and that walk was a third of the build's time at 200 credentials.
``navigation_for`` gives each page a navigation to render that holds only what
it shows: every top-level entry, and within the sections on the page's own
path its pages and the one section it is in. A credential's sibling
credentials are listed on the stack's overview page instead.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.nav import Navigation, Section


def navigation_for(nav: Navigation, page: Any) -> Navigation:
    """``nav`` as ``page`` shows it (``page`` must be the active page of ``nav``)."""
    trimmed = Navigation([_trim(item, top_level=True) for item in nav.items], nav.pages)
    trimmed.homepage = nav.homepage
    return trimmed


def _trim(item: Any, top_level: bool = False) -> Any:
    if not isinstance(item, Section):
        return item
    if item.active:
        children = [_trim(child) for child in item.children if not isinstance(child, Section) or child.active]
    else:
        # Material shows a section not on the page's path as a link to its first page.
        children = item.children[:1]
    if children == item.children:
        return item
    copy = Section(item.title, children)
    copy.parent = None if top_level else item.parent
    copy.active = item.active
    return copy
