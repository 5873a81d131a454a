"""The site as a plain MkDocs project on disk: for engines that read ``mkdocs.yml`` but run no hooks.

MkDocs runs the project's hook to learn exactly what it generates (pages,
navigation, the settings it applies); the pages are written out with their
forms inline, beside the hand-written pages, the theme overrides and a
``mkdocs.yml`` without hooks. Plain MkDocs builds the same page set from it;
Zensical, which reads ``mkdocs.yml`` but ignores hooks, can try to.

What needs the hook stays out: PDFs, the offline zip, the Pagefind index
(the search page is written but finds nothing without it), the per-page
navigation trimming, the Content-Security-Policy and the build-time checks.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

HOOK_ONLY_KEYS = ("hooks", "watch")


def _html_blocks(config: Any) -> dict[str, Any]:
    """The generated pages whose HTML blocks go in after Markdown, from the hook's running build."""
    from .output_pages import GeneratedPages

    for hook in config.hooks.values() if hasattr(config, "hooks") else []:
        build = getattr(hook, "current", None)
        if build is not None:
            return next((o.html_blocks for o in build.outputs if isinstance(o, GeneratedPages)), {})
    return {}


def render_project(project: Path, dest: Path) -> list[str]:
    """Write ``project``'s site as a plain MkDocs project into ``dest``. Returns the pages written."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    project, dest = project.resolve(), dest.resolve()
    os.environ.update({"CG_PDF": "0", "CG_OFFLINE_ZIP": "0", "NO_MKDOCS_2_WARNING": "1"})
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.run_event("config", config)
    files = config.plugins.run_event("files", get_files(config), config=config)
    blocks = _html_blocks(config)
    docs = dest / "docs"
    if dest.exists():
        shutil.rmtree(dest)
    pages = []
    for file in files:
        if file.generated_by is None and file.abs_src_path is None:
            continue
        target = docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if file.src_uri in blocks:
            target.write_text(blocks[file.src_uri].assembled_markdown(), encoding="utf-8")
        elif file.generated_by:
            target.write_bytes(file.content_bytes)
        else:
            shutil.copyfile(str(file.abs_src_path), target)
        if file.is_documentation_page():
            pages.append(file.src_uri)
    overrides = project / str(config.theme.custom_dir or "overrides")
    shutil.copytree(overrides, dest / "overrides")
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(_plain_config(project, config), sort_keys=False), "utf-8")
    return sorted(pages)


def _plain_config(project: Path, config: Any) -> dict[str, Any]:
    plain = _read_mkdocs_yml(project / "mkdocs.yml")
    for key in HOOK_ONLY_KEYS:
        plain.pop(key, None)
    plain["nav"] = config.nav
    plain["site_name"] = str(config.site_name)
    plain["copyright"] = config.copyright
    plain["extra"] = dict(config.extra)
    if config.site_url:
        plain["site_url"] = config.site_url
    theme = {k: v for k, v in config.theme.items() if k in ("palette", "logo", "favicon")}
    plain["theme"] = {**plain["theme"], **theme, "custom_dir": "overrides"}
    return plain


def _read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """``mkdocs.yml`` with each ``!ENV [NAME, default]`` taken as it resolves now."""

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        values: list[Any] = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
        return next((os.environ[str(v)] for v in values[:-1] if str(v) in os.environ), values[-1])

    Loader.add_constructor("!ENV", env)
    loaded: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    return loaded
