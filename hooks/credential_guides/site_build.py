"""One build of the site: what it knows, and its outputs as parts with one small interface.

The hook (``hooks/credential_site.py``) makes a ``SiteBuild`` in ``on_config``
and forwards MkDocs' events to it; the build runs each output's step in
order. An output is a page set, the PDFs, the search index, the offline
copy or the machine-readable records: adding one is a module with an
``Output`` subclass and a line in ``outputs_for``.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .build_plan import BuildPlan, build_plan
from .errors import DataErrors
from .offline import LOCAL_SHIM
from .page_footer import PageFooters
from .project import Project, load_project
from .project_files import outside_project, script_in_published_file
from .reproducible import SOURCE_DATE_EPOCH, source_date_epoch
from .site_config import apply_settings, remove_sitemap_without_address
from .site_map import SiteMap
from .site_size import SitePart, SiteTooLarge, check_site_size, folder_bytes, limit_mb
from .staging import check_writable, discard, publish, remove_abandoned, staging_dir
from .upstream import strict_warning_count, use_local_polyfills

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.credential_site")


class BuildError(Exception):
    """A problem that ends the build with its message (the hook raises it as MkDocs' PluginError)."""


class Output:
    """One output of the build. Each step is optional; they run in this order:

    ``configure`` (on_config), ``prepare`` (on_pre_build: the slow work, before
    MkDocs touches the site), ``add_files`` (on_files), ``page_html`` and
    ``page_output`` (per page), ``finish`` (on_post_build, the pages written),
    ``sizes`` (what it adds to the site, for the size guard), ``place`` (its
    files into the site, after the guard) and ``abort`` (the build failed).
    """

    def configure(self, build: SiteBuild, config: MkDocsConfig) -> None:
        pass

    def prepare(self, build: SiteBuild, config: MkDocsConfig) -> None:
        pass

    def add_files(self, build: SiteBuild, files: Files, config: MkDocsConfig) -> None:
        pass

    def page_html(self, build: SiteBuild, html: str, page: Page, config: MkDocsConfig) -> str:
        return html

    def page_output(self, build: SiteBuild, output: str, page: Page) -> None:
        pass

    def finish(self, build: SiteBuild, site_dir: Path, config: MkDocsConfig) -> None:
        pass

    def sizes(self, build: SiteBuild) -> list[SitePart]:
        return []

    def place(self, build: SiteBuild, site_dir: Path) -> None:
        pass

    def abort(self) -> None:
        pass


def unpublishable_files(files: Files, project_dir: Path, docs_dir: Path) -> list[str]:
    """``path: problem`` for each file MkDocs would publish that leads out of the project or runs script."""
    problems = []
    for file in files:
        if file.generated_by is not None or not file.abs_src_path:
            continue
        source = Path(file.abs_src_path)
        if not source.absolute().is_relative_to(project_dir.absolute()):
            continue  # the theme's own files, in the installed package
        if not source.absolute().is_relative_to(docs_dir.absolute()):
            continue  # overrides/: the engine's own theme files, which tests may link into a scratch project
        shown = source.absolute().relative_to(project_dir.absolute())
        problem = outside_project(source, project_dir) or script_in_published_file(source)
        if problem:
            problems.append(f"{shown.as_posix()}: {problem}")
    return problems


@dataclass
class SiteBuild:
    """What one build knows: its plan (made once, from the settings, command and environment),
    the project, where the site is published, a workspace for outputs made early, and the outputs."""

    plan: BuildPlan
    project: Project
    outputs: list[Output]
    workspace: Path
    site_map: SiteMap
    """Where every page, PDF and record of the catalog lives, made once for the build."""
    footers: PageFooters
    publish_to: Path | None = None
    """`mkdocs build` writes into a staging folder; the site it replaces, once the build has succeeded."""
    _workspace: Any = field(default=None, repr=False)

    @classmethod
    def start(cls, config: MkDocsConfig, command: str) -> SiteBuild:
        """Load and check the data, decide the build's plan and apply the settings to ``config``."""
        from .outputs import outputs_for

        project_dir = Path(config.config_file_path).parent
        try:
            project = load_project(project_dir, docs_dir=Path(config.docs_dir))
        except DataErrors as exc:
            raise BuildError(exc.report()) from None
        try:
            epoch = source_date_epoch(project_dir, os.environ)
        except ValueError as exc:
            raise BuildError(str(exc)) from None
        if epoch:
            os.environ[SOURCE_DATE_EPOCH] = epoch
        plan = build_plan(project.settings, command, os.environ, project_dir)
        publish_to = None
        if plan.staged:
            site_dir = Path(config.site_dir)
            try:
                check_writable(site_dir)
            except OSError as exc:
                raise BuildError(str(exc)) from None
            remove_abandoned(site_dir)
            publish_to = site_dir
            config.site_dir = str(staging_dir(site_dir))
        if plan.offline_copy:
            use_local_polyfills(config, LOCAL_SHIM)
        footers = PageFooters.of(project.settings, project.catalog)
        try:
            apply_settings(config, project.settings, footers.site_wide, from_pages=plan.site_url_from_pages)
        except ValueError as exc:
            raise BuildError(str(exc)) from None
        settings = project.settings.model_copy(update={"offline_zip": plan.offline_zip})
        workspace = tempfile.TemporaryDirectory(prefix="credential-guides-")
        build = cls(
            plan=plan,
            project=Project(settings=settings, catalog=project.catalog),
            outputs=outputs_for(plan),
            workspace=Path(workspace.name),
            site_map=SiteMap.of(project.catalog),
            footers=footers,
            publish_to=publish_to,
            _workspace=workspace,
        )
        for output in build.outputs:
            output.configure(build, config)
        return build

    def prepare(self, config: MkDocsConfig) -> None:
        for output in self.outputs:
            output.prepare(self, config)

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        if problems := unpublishable_files(files, Path(config.config_file_path).parent, Path(config.docs_dir)):
            raise BuildError("\n".join([*problems, f"{len(problems)} file(s) cannot be published; the build failed."]))
        for output in self.outputs:
            output.add_files(self, files, config)
        return files

    def page_html(self, html: str, page: Page, config: MkDocsConfig) -> str:
        for output in self.outputs:
            html = output.page_html(self, html, page, config)
        return html

    def page_output(self, output: str, page: Page) -> None:
        for part in self.outputs:
            part.page_output(self, output, page)

    def finish(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        for output in self.outputs:
            output.finish(self, site_dir, config)
        remove_sitemap_without_address(site_dir, config.site_url or None)
        if self.plan.published:
            self._check_size(site_dir)
        for output in self.outputs:
            output.place(self, site_dir)
        # MkDocs counts --strict warnings only after this event: with any, it fails and the old site stays.
        if self.publish_to and not strict_warning_count(config):
            try:
                publish(site_dir, self.publish_to)
            except OSError as exc:
                raise BuildError(f"{self.publish_to}: the new site could not be put in place: {exc}") from None
            config.site_dir = str(self.publish_to)
            self.publish_to = None
            log.info("credential_site: site written to %s", config.site_dir)

    def _check_size(self, site_dir: Path) -> None:
        """Before the PDFs and the zip are put in place: will the whole site fit GitHub Pages?"""
        parts = [SitePart("pages and search index", folder_bytes(site_dir))]
        for output in self.outputs:
            parts += output.sizes(self)
        try:
            log.info("credential_site: %s", check_site_size(parts, limit_mb()))
        except SiteTooLarge as exc:
            raise BuildError(str(exc)) from None

    def abort(self) -> None:
        for output in self.outputs:
            output.abort()
        if self.publish_to:
            discard(staging_dir(self.publish_to))
            self.publish_to = None
