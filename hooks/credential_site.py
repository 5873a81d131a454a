"""MkDocs hooks: MkDocs' events, forwarded to the build's stages (``credential_guides.mkdocs_adapter``)."""

from __future__ import annotations

import sys

# `mkdocs serve` re-runs this file on every change but would keep the package
# modules cached; drop them so edits under hooks/ take effect on rebuild.
for _name in [m for m in sys.modules if m == "credential_guides" or m.startswith("credential_guides.")]:
    del sys.modules[_name]

from credential_guides.mkdocs_adapter import (  # noqa: F401
    on_build_error,
    on_config,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_post_build,
    on_post_page,
    on_post_template,
    on_pre_build,
    on_shutdown,
    on_startup,
)
