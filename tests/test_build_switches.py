"""The build's decisions, as one pure function of the settings, the command and the environment."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from credential_guides.build_switches import BuildSwitches, build_switches
from credential_guides.settings import SiteSettings

PROJECT = Path("/projects/district")
DEFAULTS = SiteSettings()


def plan(command: str = "build", settings: SiteSettings = DEFAULTS, **environ: str) -> BuildSwitches:
    return build_switches(settings, command, environ, PROJECT)


def test_a_build_makes_everything_stages_the_site_and_checks_its_size() -> None:
    assert plan() == BuildSwitches(
        command="build",
        engine="mkdocs",
        pdfs=True,
        offline_zip=True,
        staged=True,
        published=True,
        pdf_cache=PROJECT / ".cache" / "pdf",
        site_url_from_pages=None,
    )


def test_serving_skips_pdfs_and_the_zip_and_writes_in_place() -> None:
    served = plan("serve")
    assert (served.pdfs, served.offline_zip, served.staged, served.published) == (False, False, False, False)


@pytest.mark.parametrize(
    ("command", "pdfs_setting", "environ", "expected"),
    [
        ("build", True, {"CG_PDF": "0"}, False),
        ("build", True, {"CG_PDF": "off"}, False),
        ("serve", True, {"CG_PDF": "1"}, True),
        ("build", False, {}, False),
        ("build", False, {"CG_PDF": "yes"}, True),
        ("build", True, {"CG_PDF": "maybe"}, True),
        ("gh-deploy", True, {}, True),
    ],
)
def test_pdfs_follow_site_yml_and_the_command_unless_cg_pdf_says_otherwise(
    command: str, pdfs_setting: bool, environ: dict[str, str], expected: bool
) -> None:
    settings = SiteSettings(pdfs=pdfs_setting)
    assert plan(command, settings, **environ).pdfs is expected


def test_the_engine_is_site_ymls_unless_cg_engine_says_otherwise_and_must_be_one_there_is() -> None:
    assert plan(settings=SiteSettings(engine="zensical")).engine == "zensical"
    assert plan(settings=SiteSettings(engine="zensical"), CG_ENGINE="mkdocs").engine == "mkdocs"
    with pytest.raises(ValueError, match="CG_ENGINE: expected one of mkdocs, zensical, found 'hugo'"):
        plan(CG_ENGINE="hugo")


def test_the_zip_can_be_turned_off_in_site_yml_or_the_environment() -> None:
    assert not plan(settings=SiteSettings(offline_zip=False)).offline_zip
    assert not plan(CG_OFFLINE_ZIP="0").offline_zip
    assert plan(CG_OFFLINE_ZIP="1").offline_zip


def test_the_cache_and_the_pages_address_come_from_the_environment() -> None:
    chosen = plan(CG_PDF_CACHE="/var/cache/pdf", CG_SITE_URL="https://example.github.io/guides/")
    assert chosen.pdf_cache == Path("/var/cache/pdf")
    assert chosen.site_url_from_pages == "https://example.github.io/guides/"
    assert plan(CG_SITE_URL="").site_url_from_pages is None


def test_a_plan_cannot_be_changed_once_made() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan().pdfs = False  # type: ignore[misc]


def test_a_pull_requests_preview_has_the_zip_even_where_site_yml_turns_it_off() -> None:
    assert plan(settings=SiteSettings(offline_zip=False), CG_OFFLINE_ZIP="1").offline_zip
    assert not plan(settings=SiteSettings(offline_zip=False), CG_OFFLINE_ZIP="").offline_zip
    assert not plan("serve", CG_OFFLINE_ZIP="1").offline_zip, "never while serving"
