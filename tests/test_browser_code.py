"""The browser code's shape: plain scripts, each declaring one namespace, loaded in dependency order.

A page loads its bundles (``browser_bundles.BUNDLES``) in order, each the modules
joined, as classic scripts that share one global scope; a module that uses a
namespace declared by a later one, or by a bundle the page may not load, fails
only when that code path runs. These tests find it at once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from credential_guides.browser_bundles import BUNDLES, bundles_for

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
NAMESPACE = re.compile(r"^const (cg[A-Z]\w*) = ", re.MULTILINE)
USE = re.compile(r"\b(cg[A-Z]\w*)\.")


def _listed() -> list[str]:
    return [
        f"assets/javascripts/{module}" for bundle in BUNDLES for module in bundle.modules if module.startswith("cg/")
    ]


def test_no_module_is_loaded_from_every_page_by_the_engine() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "extra_javascript" not in config


def test_every_module_is_in_one_bundle_once_and_each_bundle_ends_with_its_starter() -> None:
    listed = _listed()
    on_disk = sorted(
        f"assets/javascripts/{p.relative_to(SCRIPTS).as_posix()}"
        for pattern in ("*.js", "kinds/*.js")
        for p in (SCRIPTS / "cg").glob(pattern)
    )
    assert sorted(listed) == on_disk
    assert len(set(listed)) == len(listed)
    for bundle in BUNDLES[:3]:
        assert bundle.modules[-1].startswith("cg/start-"), f"{bundle.path} must end with the module that starts it"


def test_a_bundle_uses_only_the_bundles_before_it_which_every_page_that_loads_it_loads_too() -> None:
    """A template page (the template bundle's mark) has what the answers bundle starts on."""
    site, answers, template, _search = BUNDLES
    assert site.used_by is None
    assert answers.used_by is not None and template.used_by is not None
    form = '<form class="cg-template" id="cg-form">'
    assert template.used_by.search(form) and answers.used_by.search(form)
    assert [b.path for b in bundles_for("<p>A guide</p>")] == [site.path]
    assert [b.path for b in bundles_for(form)] == [site.path, answers.path, template.path]
    assert [b.path for b in bundles_for('<div id="cg-backup">')] == [site.path, answers.path]
    assert [b.path for b in bundles_for('<p>&lt;form class="cg-template"&gt;</p>')] == [site.path]


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


SCRIPT_SRC = re.compile(r'<script src="([^"]+)" defer>')


def _bundles_on(site: Path, page: str) -> list[str]:
    found = SCRIPT_SRC.findall((site / page).read_text(encoding="utf-8"))
    return [src.rsplit("/", 1)[-1] for src in found if "/assets/javascripts/" in "/" + src.lstrip("./")]


def test_each_built_page_loads_only_the_bundles_it_uses(site: Path) -> None:
    guide = "multilingual-learners/multilingual-learner-family-caregiver-engagement/"
    assert _bundles_on(site, guide + "index.html") == ["site.js"]
    assert _bundles_on(site, guide + "templates/index.html") == ["site.js", "answers.js"]
    assert _bundles_on(site, guide + "templates/communication-plan/index.html") == [
        "site.js",
        "answers.js",
        "template.js",
    ]
    assert _bundles_on(site, "index.html") == ["site.js", "answers.js"]
    assert _bundles_on(site, "your-answers/index.html") == ["site.js", "answers.js"]
    assert _bundles_on(site, "search/index.html") == ["site.js", "search-page.js"]
    assert SCRIPT_SRC.findall((site / "404.html").read_text(encoding="utf-8")) == ["/assets/javascripts/site.js"]


def test_a_bundle_is_its_modules_in_order(site: Path) -> None:
    for bundle in BUNDLES:
        published = (site / bundle.path).read_text(encoding="utf-8")
        positions = [
            published.index((SCRIPTS / module).read_text(encoding="utf-8").rstrip()) for module in bundle.modules
        ]
        assert positions == sorted(positions), bundle.path


def test_every_script_of_ours_is_type_checked_with_no_implicit_any() -> None:
    config = json.loads((ROOT / "tsconfig.json").read_text(encoding="utf-8"))
    assert config["compilerOptions"]["strict"] is True
    assert config["compilerOptions"]["noImplicitAny"] is True
    included = {path for pattern in config["include"] for path in ROOT.glob(pattern)}
    ours = [path for path in SCRIPTS.rglob("*.js") if "vendor" not in path.relative_to(SCRIPTS).parts]
    for path in ours:
        assert path in included, f"{path.relative_to(ROOT)} is not in tsconfig.json's include"
        assert path.read_text(encoding="utf-8").startswith("// @ts-check\n"), f"{path.name} lacks // @ts-check"
