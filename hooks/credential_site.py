"""MkDocs hooks: load the credential data once per build and add its pages.

The work happens in ``credential_guides``; these event functions only wire it
into MkDocs. A data error ends the build in ``on_config``, before anything is
written, with every problem listed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# `mkdocs serve` re-runs this file on every change but would keep the package
# modules cached; drop them so edits under hooks/ take effect on rebuild.
for _name in [m for m in sys.modules if m == "credential_guides" or m.startswith("credential_guides.")]:
    del sys.modules[_name]

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from credential_guides.catalog import load_catalog  # noqa: E402
from credential_guides.errors import DataErrors  # noqa: E402
from credential_guides.pages import SitePage, navigation, render_site  # noqa: E402

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.credential_site")
DATA_DIR = "credentials_data"

_pages: list[SitePage] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).parent
    try:
        catalog = load_catalog(project / DATA_DIR, display_root=project)
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    _pages[:] = render_site(catalog)
    config.nav = navigation(_pages, catalog, extra=config.nav)
    log.debug("credential_site: %d credentials, %d pages", len(catalog.credentials), len(_pages))
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
