"""Stage 3 of a build, the engine: HTML from the generated project, behind one small interface.

An engine builds a project that ``generate`` wrote into a folder, and says
where its theme's templates are and how to read them, so that the finish
stage can allow the inline code they write. MkDocs with Material runs the
stages itself, through its adapter's events (``mkdocs_adapter``), so that
``mkdocs serve`` rebuilds on every change; here it is run as a program, as
Zensical is. Neither is imported: each runs in its own process.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from .errors import BuildError

PROJECT_SITE_DIR = "site"
"""Where an engine writes in the generated project."""
ZENSICAL_SEARCH_INDEX = "search.json"
ZENSICAL_VERSION = "0.0.73"
"""The newest Zensical that installs from the registries here (0.1.x needs zensical-ui, which they lack)."""


class Engine(Protocol):
    @property
    def name(self) -> str: ...

    def build(self, config_file: Path, site_dir: Path) -> None:
        """Build the project of ``config_file`` into ``site_dir``; raises ``BuildError`` with the engine's words."""

    def theme_dirs(self, project: Path) -> list[Path]:
        """The folders of the templates the pages are drawn with: the project's overrides first."""

    def environment(self) -> Environment:
        """A Jinja environment that renders the inline code of those templates as the engine does."""


@pass_context
def _url(context: Context, value: str) -> str:
    return value


def _environment() -> Environment:
    environment = Environment(autoescape=False)
    environment.filters["url"] = _url
    return environment


def _run(command: list[str], cwd: Path, what: str) -> None:
    """Run an engine with its output shown as it comes: what it says of a failure is the message."""
    result = subprocess.run(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise BuildError(f"{what} could not build the site (exit {result.returncode}); it said why above")


def _package_templates(package: str, folder: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise BuildError(f"{package} is not installed: run ./dev build, which installs it")
    return Path(next(iter(spec.submodule_search_locations))) / folder


@dataclass(frozen=True)
class MkDocs:
    name: str = "mkdocs"

    def build(self, config_file: Path, site_dir: Path) -> None:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)]
        _run(command, config_file.parent, "MkDocs")

    def theme_dirs(self, project: Path) -> list[Path]:
        return [project / "overrides", _package_templates("material", "templates")]

    def environment(self) -> Environment:
        return _environment()


@dataclass(frozen=True)
class Zensical:
    name: str = "zensical"

    def build(self, config_file: Path, site_dir: Path) -> None:
        # Zensical writes only inside the project: into its site/ (generate's site_dir), then moved.
        _run(
            [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config_file)],
            config_file.parent,
            "Zensical",
        )
        if site_dir.exists():
            shutil.rmtree(site_dir)
        shutil.move(config_file.parent / PROJECT_SITE_DIR, site_dir)
        # Zensical's own search index, which no page loads: the site is searched with Pagefind.
        (site_dir / ZENSICAL_SEARCH_INDEX).unlink(missing_ok=True)

    def theme_dirs(self, project: Path) -> list[Path]:
        return [project / "overrides", _package_templates("zensical", "templates")]

    def environment(self) -> Environment:
        return _environment()


ENGINES: dict[str, Engine] = {"mkdocs": MkDocs(), "zensical": Zensical()}
