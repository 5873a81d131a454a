"""One build of the site, its stages in order: plan, generate, engine, finish.

``build_site`` runs them for an engine that runs no hooks (Zensical): the
plan is made, the project generated into a workspace, the engine writes the
pages into a staging folder, the finish stage completes them, and the site is
put in place whole, or, on any error, left as it was. With MkDocs the same
stages run inside ``mkdocs build``, through the adapter's events, so that is
what runs.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Mapping
from pathlib import Path

import yaml

from .build_switches import ENGINE_ENV
from .copy_status import SETTINGS_FILE
from .csp import OwnInlineCode
from .engines import ENGINES
from .errors import BuildError
from .finish import PageFinisher, finish_site, new_workspace
from .generate import read_mkdocs_yml, write_project
from .site_plan import plan_site
from .staging import check_writable, discard, publish, remove_abandoned, staging_dir

log = logging.getLogger("mkdocs.hooks.credential_site")


def chosen_engine(project_dir: Path, environ: Mapping[str, str]) -> str:
    """``CG_ENGINE``, else ``engine:`` in ``site.yml``, else MkDocs (the plan checks the value)."""
    if given := environ.get(ENGINE_ENV):
        return given
    try:
        settings = yaml.safe_load((project_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return "mkdocs"  # the plan reports what is wrong with site.yml
    engine = settings.get("engine") if isinstance(settings, dict) else None
    return engine if isinstance(engine, str) else "mkdocs"


def build_site(project_dir: Path, site_dir: Path, environ: Mapping[str, str] | None = None) -> None:
    """Build the project into ``site_dir``; raises ``BuildError`` and leaves ``site_dir`` as it was."""
    environ = os.environ if environ is None else environ
    started = time.perf_counter()
    plan = plan_site(project_dir, "build", environ, declared_nav=read_mkdocs_yml(project_dir / "mkdocs.yml").get("nav"))
    engine = ENGINES[plan.switches.engine]
    try:
        check_writable(site_dir)
    except OSError as exc:
        raise BuildError(str(exc)) from None
    remove_abandoned(site_dir)
    staging = staging_dir(site_dir)
    timings = {"plan": time.perf_counter() - started}
    with new_workspace() as workspace:
        project = Path(workspace) / "project"
        started = time.perf_counter()
        write_project(plan, project)
        plan.take_pages()
        timings["generate"] = time.perf_counter() - started
        config = read_mkdocs_yml(project / "mkdocs.yml")  # what generate wrote: the engine's own configuration
        own_code = OwnInlineCode.from_theme_dirs(engine.theme_dirs(project), engine.environment())
        finisher = PageFinisher(plan, own_code, config, Path(workspace))
        try:
            started = time.perf_counter()
            finisher.render_pdfs()
            timings["PDFs"] = time.perf_counter() - started
            started = time.perf_counter()
            engine.build(project / "mkdocs.yml", staging)
            timings[engine.name] = time.perf_counter() - started
            started = time.perf_counter()
            finish_site(plan, staging, finisher)
            timings["finish"] = time.perf_counter() - started
            publish(staging, site_dir)
            log.info("credential_site: %s", ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in timings.items()))
        except BaseException:
            finisher.close()
            discard(staging)
            raise
