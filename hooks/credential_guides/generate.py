"""Stage 2 of a build, generate: the engine's project, written from the plan.

``generated_files`` is what the plan adds to ``docs/`` (the MkDocs adapter
hands it to MkDocs in memory); ``write_project`` writes a whole project on
disk for an engine that runs no hooks (Zensical, or plain MkDocs): the
hand-written pages, the generated ones with their HTML blocks inline, the
assets, the theme overrides and a ``mkdocs.yml`` that holds what the plan
decided (navigation, name, address, colours, footer) and no hooks.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from .pages import SitePage
from .site_map import CATALOG_FILE
from .site_plan import SitePlan

HOOK_ONLY_KEYS = ("hooks", "watch")
OVERRIDES = "overrides"


def generated_files(plan: SitePlan) -> dict[str, bytes]:
    """The assets the plan adds to ``docs/``, and an empty file at the place of each PDF and of the catalog's
    record (so that pages may link them; the finish stage writes them there)."""
    placeholders = dict.fromkeys(plan.site_map.pdf_paths(), b"") if plan.switches.pdfs else {}
    return {**placeholders, CATALOG_FILE: b"", **plan.files}


def page_markdown(page: SitePage, appended: str | None) -> str:
    """A generated page as one Markdown text for an engine that runs no hooks: HTML blocks inline, then
    what follows the content."""
    text = page.assembled_markdown()
    return f"{text.rstrip()}\n\n{appended}\n" if appended else text


def write_project(plan: SitePlan, dest: Path) -> list[str]:
    """Write the plan's site as a project into ``dest`` (emptied first); the pages' sources, sorted."""
    dest = dest.resolve()
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    for source in plan.hand_written:
        target = docs / source
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(plan.docs_dir / source, target)
    pages = [s for s in plan.hand_written if s.endswith(".md")]
    for page in plan.pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_markdown(page, plan.appended.get(page.src_uri)), encoding="utf-8")
        pages.append(page.src_uri)
    for path, content in generated_files(plan).items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    shutil.copytree(plan.project_dir / OVERRIDES, dest / OVERRIDES)
    config = engine_config(plan, read_mkdocs_yml(plan.project_dir / "mkdocs.yml"))
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return sorted(pages)


def engine_config(plan: SitePlan, declared: dict[str, Any]) -> dict[str, Any]:
    """The project's ``mkdocs.yml`` with what the plan decided, and without hooks."""
    config = {k: v for k, v in declared.items() if k not in HOOK_ONLY_KEYS}
    config["site_name"] = str(plan.site_name)
    if plan.site_url:
        config["site_url"] = plan.site_url
    config["copyright"] = plan.footers.site_wide
    config["nav"] = plan.nav
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["extra"] = {**(declared.get("extra") or {}), **plan.extra}
    config["theme"] = {**declared.get("theme", {}), **plan.theme, "custom_dir": OVERRIDES}
    return config


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """``mkdocs.yml`` with each ``!ENV [NAME, default]`` taken as it resolves now."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        values: list[Any] = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
        return next((os.environ[str(v)] for v in values[:-1] if str(v) in os.environ), values[-1])

    Loader.add_constructor("!ENV", env)
    loaded: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    return loaded
