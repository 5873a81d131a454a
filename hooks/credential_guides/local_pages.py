"""A district's own pages, in ``docs/local/``, which no release adds to or edits, and the staff's page.

Each Markdown file there is a page of the teachers' navigation, after the
guides, in the order of the files' paths (``1-welcome.md`` before
``2-deadlines.md``), titled by its first heading or its ``title:``.
"""

from __future__ import annotations

from pathlib import Path

LOCAL_DOCS = "local"
STAFF_PAGE = "district-staff.md"
"""The district staff's entry page: linked from every page's footer, not from the teachers' navigation."""


def local_pages(docs_dir: Path) -> list[str]:
    """The paths, under ``docs_dir``, of the district's own pages, in navigation order."""
    folder = docs_dir / LOCAL_DOCS
    if not folder.is_dir():
        return []
    return sorted(path.relative_to(docs_dir).as_posix() for path in folder.rglob("*.md") if path.is_file())
