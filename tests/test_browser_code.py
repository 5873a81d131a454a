"""The browser code's shape: plain scripts, each declaring one namespace, loaded in dependency order.

A page loads mkdocs.yml's ``extra_javascript`` in order, as classic scripts that
share one global scope; a script that uses a namespace declared by a later one
fails only when that code path runs. These tests find it at once.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
NAMESPACE = re.compile(r"^const (cg[A-Z]\w*) = ", re.MULTILINE)
USE = re.compile(r"\b(cg[A-Z]\w*)\.")


def _listed() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    paths = [entry if isinstance(entry, str) else entry["path"] for entry in config["extra_javascript"]]
    return [path for path in paths if path.startswith("assets/javascripts/cg/")]


def test_every_module_is_deferred_so_that_it_never_holds_up_the_first_paint() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert all(isinstance(entry, dict) and entry.get("defer") == "true" for entry in config["extra_javascript"])


def test_every_module_is_loaded_once() -> None:
    listed = _listed()
    on_disk = sorted(f"assets/javascripts/cg/{p.name}" for p in (SCRIPTS / "cg").glob("*.js"))
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed)
    assert listed[-1] == "assets/javascripts/cg/main.js", "main.js starts the page and must come last"


def test_each_module_uses_only_namespaces_declared_before_it_or_by_itself() -> None:
    """documents.js may also use the PDF writer's namespaces: it loads the writer before it does."""
    declared: dict[str, str] = {}
    writer = {name for path in (SCRIPTS / "cg" / "pdf").glob("*.js") for name in NAMESPACE.findall(path.read_text())}
    for path in _listed():
        source = (SCRIPTS.parent.parent / path).read_text(encoding="utf-8")
        own = NAMESPACE.findall(source)
        assert len(own) <= 1, f"{path} declares {own}: one namespace per module"
        loads = writer if path.endswith("/documents.js") else set()
        for name in sorted(set(USE.findall(source)) - set(own) - loads):
            assert name in declared, f"{path} uses {name}, declared by no module before it"
        declared.update(dict.fromkeys(own, path))


def test_the_pdf_writer_is_loaded_on_demand_and_uses_only_what_a_page_has_or_itself() -> None:
    """cg/pdf/ is loaded (all at once, when a PDF is made) by documents.js, not by every page."""
    documents = (SCRIPTS / "cg" / "documents.js").read_text(encoding="utf-8")
    listed = re.findall(r'"(pdf/\w+\.js)"', documents.split("const PDF_WRITER = ", 1)[1].split("\n", 1)[0])
    assert sorted(listed) == sorted(f"pdf/{path.name}" for path in (SCRIPTS / "cg" / "pdf").glob("*.js"))
    assert not any(path.startswith("assets/javascripts/cg/pdf/") for path in _listed())
    on_page: set[str] = set()
    for path in _listed():
        on_page.update(NAMESPACE.findall((SCRIPTS.parent.parent / path).read_text(encoding="utf-8")))
    sources = {file: (SCRIPTS / "cg" / file).read_text(encoding="utf-8") for file in listed}
    writer = {name for source in sources.values() for name in NAMESPACE.findall(source)}
    assert len(writer) == len(listed), "one namespace per module"
    for file in listed:
        used = set(USE.findall(sources[file]))
        assert used <= on_page | writer, f"{file} uses {sorted(used - on_page - writer)}"
    assert "cgPdfDocument" in writer


def test_each_module_is_small() -> None:
    for path in (SCRIPTS / "cg").rglob("*.js"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 400, f"{path.name} has {lines} lines: split it by concern"
