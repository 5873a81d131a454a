"""The Pagefind indexer the build feeds page by page: what it indexes, and how it fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from credential_guides import search_index
from credential_guides.search_index import SearchIndexer, SearchIndexError

PAGE = """<html lang="en"><body><nav>Navigation words</nav>
<article class="md-content__inner md-typeset"><h1>Action plan</h1>
<form id="cg-form"><label for="a">Person in charge</label><input id="a">
<table class="cg-form-table"><tbody><tr><td><label class="cg-sr-only" for="b">Row 1: Task</label>
<input id="b"></td></tr></tbody></table></form></article></body></html>"""


def test_a_page_is_indexed_with_its_form_labels_but_not_its_controls(tmp_path: Path) -> None:
    indexer = SearchIndexer()
    try:
        indexer.add("credential/templates/action-plan/", PAGE)
        assert indexer.write(tmp_path) == 1
    finally:
        indexer.close()
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()
    from conftest import search_documents

    [document] = search_documents(tmp_path).values()
    assert document["url"] == "/credential/templates/action-plan/"
    assert "Person in charge" in str(document["content"])
    assert "Row 1" not in str(document["content"])
    assert "Navigation words" not in str(document["content"])


def test_an_indexer_that_dies_is_reported_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    import pagefind.service

    monkeypatch.setattr(pagefind.service, "get_executable", lambda: Path("/bin/false"))
    monkeypatch.setattr(search_index, "TIMEOUT_SECONDS", 20)
    with pytest.raises(SearchIndexError, match=r"search index: start: the search indexer \(Pagefind\) stopped"):
        SearchIndexer()
