"""Answers that last for weeks: older formats migrated, answers to renamed questions kept,
persistent storage asked for, and one backup and restore of every answer on the site."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect

from conftest import MINIMAL_DATA, copy_project, mkdocs_build, serve

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
SAVED = "Saved on this device"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


def stored(page: Page) -> dict[str, dict[str, object]]:
    entries: dict[str, dict[str, object]] = page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).map(k => [k, JSON.parse(localStorage.getItem(k))]))"
    )
    return entries


def test_answers_saved_by_the_first_version_are_migrated_not_ignored(
    minimal_site: str, context: BrowserContext
) -> None:
    page = context.new_page()
    page.goto(minimal_site + ARTIFACT)
    legacy = "credential-guides|v1|/|sample-credential|an-artifact"
    record = {
        "schema": 1,
        "credential": "sample-credential",
        "template": "an-artifact",
        "saved": "2026-01-05T10:00:00.000Z",
        "values": {"name": "Written in January", "ticks": ["Second"]},
        "checks": {},
        "rows": {"rows": 2},
    }
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))", [legacy, record])
    page.reload()
    expect(page.locator("#f-name")).to_have_value("Written in January")
    expect(page.locator("input[name=ticks][value=Second]")).to_be_checked()
    keys = stored(page)
    assert legacy not in keys
    assert keys["credential-guides|/|sample-credential|an-artifact"]["schema"] == 2


_QUICK = {"CG_PDF": "0", "CG_OFFLINE_ZIP": "0"}


def _minimal_project(tmp_path: Path) -> tuple[Path, Path]:
    """A project of the small data set, built: its folder and its site's."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "credentials_data")
    shutil.copytree(MINIMAL_DATA, project / "credentials_data")
    assert mkdocs_build(project, project / "site", **_QUICK).returncode == 0
    return project, project / "site"


def _update(project: Path, site: Path, field: str, updated: str) -> None:
    """A site update: ``field`` of the sample credential becomes ``updated``, and the site is built again."""
    data = project / "credentials_data" / "sample-credential.yml"
    text = data.read_text(encoding="utf-8")
    assert field in text
    data.write_text(text.replace(field, updated), encoding="utf-8")
    result = mkdocs_build(project, site, **_QUICK)
    assert result.returncode == 0, result.stderr


def test_answers_survive_a_site_update_that_renames_their_question(tmp_path: Path, context: BrowserContext) -> None:
    project, site = _minimal_project(tmp_path)
    with serve(site) as origin:
        page = context.new_page()
        page.goto(origin + ARTIFACT)
        page.locator("#f-name").fill("My answer from before the update")
        page.locator("#f-answer").fill("Five words in this answer")
        expect(page.locator(".cg-save-state")).to_contain_text(SAVED)

        _update(
            project,
            site,
            "{id: name, type: text, label: A short answer}",
            "{id: short-answer, type: text, label: A shorter answer}",
        )

        page.reload()
        orphans = page.locator(".cg-orphans")
        expect(orphans).to_be_visible()
        expect(orphans.locator("dt")).to_have_text(["A short answer"])
        expect(orphans.locator("dd")).to_have_text(["My answer from before the update"])
        expect(page.locator("#f-answer")).to_have_value("Five words in this answer")
        page.locator("#f-short-answer").fill("A new answer")
        expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
        page.reload()
        expect(orphans.locator("dd")).to_have_text(["My answer from before the update"])

        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="Remove these answers").click()
        expect(orphans).to_be_hidden()
        page.reload()
        expect(orphans).to_be_hidden()
        expect(page.locator("#f-short-answer")).to_have_value("A new answer")


def test_an_answer_survives_a_site_update_that_changes_its_questions_kind(
    tmp_path: Path, context: BrowserContext
) -> None:
    """A text answer to a question that became a checklist cannot be shown by its boxes: it is kept apart."""
    project, site = _minimal_project(tmp_path)
    with serve(site) as origin:
        page = context.new_page()
        page.goto(origin + ARTIFACT)
        page.locator("#f-name").fill("Written as a text")
        expect(page.locator(".cg-save-state")).to_contain_text(SAVED)

        checklist = "{id: name, type: checklist, label: A short answer, options: [Library, School]}"
        _update(project, site, "{id: name, type: text, label: A short answer}", checklist)

        page.reload()
        orphans = page.locator(".cg-orphans")
        expect(orphans.locator("dt")).to_have_text(["A short answer"])
        expect(orphans.locator("dd")).to_have_text(["Written as a text"])
        page.locator("input[name=name][value=Library]").check()
        expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
        page.reload()
        expect(page.locator("input[name=name][value=Library]")).to_be_checked()
        expect(orphans.locator("dd")).to_have_text(["Written as a text"])


STORAGE_ANSWER = """
const answer = %s;
Object.defineProperty(navigator, "storage", {value: {
  persisted: () => Promise.resolve(false),
  persist: () => { window.__persistAsked = true; return Promise.resolve(answer); },
}});
"""


@pytest.mark.parametrize("granted", [False, True], ids=["refused", "granted"])
def test_the_site_asks_to_keep_the_answers_and_says_plainly_when_refused(
    minimal_site: str, context: BrowserContext, granted: bool
) -> None:
    context.add_init_script(STORAGE_ANSWER % ("true" if granted else "false"))
    page = context.new_page()
    page.goto(minimal_site + ARTIFACT)
    note = page.locator(".cg-storage-note")
    expect(note).to_be_hidden()
    page.locator("#f-name").fill("Something worth keeping")
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    assert page.evaluate("() => window.__persistAsked") is True
    if granted:
        page.wait_for_timeout(200)
        expect(note).to_be_hidden()
    else:
        expect(note).to_contain_text("This browser has not agreed to keep your answers")
        expect(note.get_by_role("link", name="Your answers")).to_have_attribute("href", "/your-answers/")


def test_one_backup_restores_every_template_and_the_reminder_follows_it(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = context.new_page()
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-name").fill("First template's answer")
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    others = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => a.href.split('#')[0]).filter(h => /\\/templates\\/[^/]+\\/$/.test(h))"
    )
    other = next(url for url in others if not url.endswith(ARTIFACT))
    page.goto(other)
    page.locator("form.cg-template textarea").first.fill("Second template's answer")
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    page.reload()
    reminder = page.locator(".cg-backup-reminder")
    expect(reminder).to_contain_text("You have not downloaded a backup of your answers yet.")

    page.goto(minimal_site + "/your-answers/")
    rows = page.locator(".cg-backup-list tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first.locator("td").nth(1)).to_have_text("Sample Credential")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download a backup of all answers").click()
    backup = tmp_path / download.value.suggested_filename
    download.value.save_as(backup)
    assert backup.name.startswith("credential-guides-answers-") and "Second" not in backup.name
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["format"] == "credential-guides-backup"
    assert sorted(r["template"] for r in data["records"]) == sorted(["an-artifact", other.rstrip("/").split("/")[-1]])

    page.goto(other)
    expect(page.locator(".cg-backup-reminder")).to_be_hidden()
    page.locator("form.cg-template textarea").first.fill("Changed after the backup")
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    page.reload()
    expect(page.locator(".cg-backup-reminder")).to_contain_text("changed after your last backup")

    page.evaluate("() => localStorage.clear()")
    page.goto(minimal_site + "/your-answers/")
    expect(page.locator(".cg-backup-state")).to_contain_text("No answers are saved in this browser.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("input[data-action=restore]").set_input_files(backup)
    expect(page.locator(".cg-status")).to_contain_text("The answers to 2 templates were restored")
    expect(rows).to_have_count(2)
    page.goto(minimal_site + ARTIFACT)
    expect(page.locator("#f-name")).to_have_value("First template's answer")
    page.goto(other)
    expect(page.locator("form.cg-template textarea").first).to_have_value("Second template's answer")


def test_restore_refuses_a_file_that_is_not_one_of_answers(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = context.new_page()
    page.goto(minimal_site + "/your-answers/")
    wrong = tmp_path / "notes.json"
    wrong.write_text(json.dumps({"format": "a-calendar", "records": []}), encoding="utf-8")
    page.locator("input[data-action=restore]").set_input_files(wrong)
    status = page.locator(".cg-status")
    expect(status).to_have_text("That file is not an export or backup of answers from this site. Nothing was changed.")
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"format": "credential-guides-answers", "schema": 2}), encoding="utf-8")
    page.locator("input[data-action=restore]").set_input_files(empty)
    expect(status).to_have_text("That file holds no answers this site can read. Nothing was changed.")


def download(page: Page, button: str, tmp_path: Path) -> Path:
    with page.expect_download() as started:
        page.get_by_role("button", name=button).click()
    path = tmp_path / started.value.suggested_filename
    started.value.save_as(path)
    return path


def test_a_templates_export_restores_on_your_answers_and_a_backup_imports_on_a_template(
    minimal_site: str, browser: Browser, tmp_path: Path
) -> None:
    """One format of answers file: each loads in both places, and an older file never replaces newer answers unasked."""
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    page.goto(minimal_site + ARTIFACT)
    page.locator("#f-name").fill("Written on the school laptop")
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    export = download(page, "Export answers (JSON)", tmp_path)
    page.goto(minimal_site + "/your-answers/")
    backup = download(page, "Download a backup of all answers", tmp_path)
    first.close()

    second = browser.new_context()
    page = second.new_page()
    page.goto(minimal_site + "/your-answers/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("input[data-action=restore]").set_input_files(export)
    expect(page.locator(".cg-status")).to_have_text(f"The answers to 1 template were restored from {export.name}.")
    page.goto(minimal_site + ARTIFACT)
    expect(page.locator("#f-name")).to_have_value("Written on the school laptop")

    page.locator("#f-name").fill("Newer, typed at home")
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)
    messages: list[str] = []

    def decline(dialog: Dialog) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    # The question comes once the file is read and checked: wait for it, not for a value that is already there.
    with page.expect_event("dialog"):
        page.locator("input[data-action=import]").set_input_files(backup)
    expect(page.locator("#f-name")).to_have_value("Newer, typed at home")
    assert messages and "after those in the file" in messages[0], "an older file replaces newer answers only if asked"

    page.goto(minimal_site + "/your-answers/")
    page.locator("input[data-action=restore]").set_input_files(backup)
    expect(page.locator(".cg-status")).to_have_text(
        "This browser holds newer answers than the file for its template. Nothing was changed."
    )

    page.evaluate("() => localStorage.clear()")
    page.goto(minimal_site + ARTIFACT)
    page.locator("input[data-action=import]").set_input_files(backup)
    expect(page.locator(".cg-status")).to_have_text(f"Answers imported from {backup.name}.")
    expect(page.locator("#f-name")).to_have_value("Written on the school laptop")
    second.close()


def test_the_catalog_shows_the_readers_own_progress_from_this_device_only(
    served_site: str, context: BrowserContext
) -> None:
    page = context.new_page()
    page.goto(served_site + "/")
    expect(page.locator(".cg-progress")).to_have_count(0)
    credential = "family-engagement-access-opportunities"
    for template, values, checks in (
        ("part-1-overview", {"question-1": "Started"}, {"check-1": True}),
        ("action-plan", {"goal": "A goal"}, {}),
        ("data-analysis", {}, {}),  # opened but empty: not started
    ):
        record = {"schema": 2, "credential": credential, "template": template, "values": values, "checks": checks}
        page.evaluate(
            "([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
            [f"credential-guides|/|{credential}|{template}", record],
        )
    page.reload()
    progress = page.locator(f"a[data-cg-credential={credential}] + .cg-progress")
    expect(progress).to_have_text(" · started on this device: answers in 2 of 6 templates, 1 self-check point ticked")
    expect(page.locator(".cg-progress")).to_have_count(1)
    page.goto(served_site + "/family-community-engagement/")
    expect(page.locator(f"a[data-cg-credential={credential}] + .cg-progress")).to_contain_text("2 of 6 templates")
