"""MkDocs hooks: load the credential data once per build and add its pages.

The work happens in ``credential_guides``; these event functions only wire it
into MkDocs. A data error ends the build in ``on_config``, before anything is
written, with every problem listed.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# `mkdocs serve` re-runs this file on every change but would keep the package
# modules cached; drop them so edits under hooks/ take effect on rebuild.
for _name in [m for m in sys.modules if m == "credential_guides" or m.startswith("credential_guides.")]:
    del sys.modules[_name]

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from credential_guides.errors import DataErrors  # noqa: E402
from credential_guides.offline import OFFLINE_ENV, ZIP_ENV, build_offline_zip, use_local_polyfills  # noqa: E402
from credential_guides.pages import SitePage, navigation, render_site  # noqa: E402
from credential_guides.project import load_project  # noqa: E402
from credential_guides.site_config import apply_settings  # noqa: E402

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.credential_site")

_pages: list[SitePage] = []
_state: dict[str, object] = {"command": "build", "offline_zip": False}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir = Path(config.config_file_path).parent
    try:
        project = load_project(project_dir, docs_dir=Path(config.docs_dir))
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    offline = os.environ.get(OFFLINE_ENV) == "true"
    settings = project.settings
    zip_wanted = settings.offline_zip and not offline and _state["command"] != "serve"
    _state["offline_zip"] = zip_wanted and os.environ.get(ZIP_ENV, "1") != "0"
    if offline:
        use_local_polyfills(config)
    apply_settings(config, settings)
    settings = settings.model_copy(update={"offline_zip": bool(_state["offline_zip"])})
    _pages[:] = render_site(project.catalog, settings)
    config.nav = navigation(_pages, project.catalog, extra=config.nav)
    log.debug("credential_site: %d credentials, %d pages", len(project.catalog.credentials), len(_pages))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for page in _pages:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None and existing.generated_by is None:
            raise PluginError(
                f"docs/{page.src_uri} conflicts with the page generated for {page.title!r}; "
                "rename or remove the hand-written file"
            )
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    if not _state["offline_zip"]:
        return
    try:
        archive = build_offline_zip(Path(config.config_file_path), Path(config.site_dir))
    except RuntimeError as exc:
        raise PluginError(str(exc)) from None
    log.info("credential_site: offline copy written to %s", archive)
