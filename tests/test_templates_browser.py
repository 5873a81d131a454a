"""The fillable templates in Debian's Chromium: saving, counting, rows, export/import, clear, keyboard."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from credential_guides.catalog import load_catalog
from credential_guides.field_kinds import FIELD_KINDS
from credential_guides.fillable import fillables
from credential_guides.site_map import summary_page, template_page
from release_content import RELEASE_CONTENT

CATALOG = load_catalog(RELEASE_CONTENT / "credentials_data")
TEMPLATES = [(credential, item) for credential in CATALOG.credentials for item in fillables(credential)]


def url_of(src_uri: str) -> str:
    return "/" + src_uri.removesuffix(".md").removesuffix("index") + ("/" if not src_uri.endswith("index.md") else "")


FORM_STATE = """() => {
  const state = {};
  for (const el of document.querySelector('form.cg-template').elements) {
    if (!el.name || el.type === 'file') continue;
    if (el.type === 'checkbox' || el.type === 'radio') state[el.name + '=' + el.value] = el.checked;
    else if (!el.closest('tr[hidden]')) state[el.name] = el.value;
  }
  return state;
}"""


@pytest.fixture
def tracked(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page whose every request must stay on the test server's origin, with no script errors."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    foreign = [u for u in requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:"))]
    assert foreign == [], "requests to another origin"
    assert errors == [], "script errors"


def fill_everything(page: Page) -> None:
    """Answer every visible field of the template with something of its kind."""
    form = page.locator("form.cg-template")
    for index, field in enumerate(form.locator("input[type=text]:visible, textarea:visible").all()):
        field.fill(f"Answer {index} with several words in it")
    for field in form.locator("input[type=date]:visible").all():
        field.fill("2026-03-17")
    for field in form.locator("select:visible").all():
        field.select_option(index=1)
    for field in form.locator("input[type=checkbox]:visible").all():
        field.check()
    names = set(form.locator("input[type=radio]").evaluate_all("els => els.map(e => e.name)"))
    for name in sorted(names):
        form.locator(f"input[type=radio][name='{name}']").last.check()


def test_there_are_23_templates() -> None:
    counts = {credential.id: len(fillables(credential)) for credential in CATALOG.credentials}
    assert counts == {
        "family-engagement-access-opportunities": 6,
        "linking-family-engagement-learning-outcomes": 5,
        "community-partnerships-learning-well-being": 6,
        "multilingual-learner-family-caregiver-engagement": 6,
    }
    assert sum(counts.values()) == 23


@pytest.mark.parametrize(("credential", "item"), TEMPLATES, ids=[f"{c.id}/{i.id}" for c, i in TEMPLATES])
def test_every_template_keeps_its_answers_across_a_reload(
    served_site: str, tracked: Page, credential: Any, item: Any
) -> None:
    tracked.goto(served_site + url_of(template_page(credential, item)))
    fill_everything(tracked)
    before = tracked.evaluate(FORM_STATE)
    assert any(v for v in before.values() if v not in ("", False)), "nothing was filled"
    expect(tracked.locator(".cg-save-state")).to_contain_text("Saved on this device")
    tracked.reload()
    assert tracked.evaluate(FORM_STATE) == before


@pytest.mark.parametrize(("credential", "item"), TEMPLATES, ids=[f"{c.id}/{i.id}" for c, i in TEMPLATES])
def test_every_button_of_every_template_does_its_work_without_a_script_error(
    served_site: str, tracked: Page, credential: Any, item: Any
) -> None:
    tracked.on("dialog", lambda dialog: dialog.dismiss())
    tracked.goto(served_site + url_of(template_page(credential, item)))
    fill_everything(tracked)
    count = tracked.evaluate(
        """() => {
          const buttons = [...document.querySelectorAll('article button')].filter(b => b.checkVisibility());
          buttons.forEach((b, i) => { b.dataset.pressed = String(i); });
          return buttons.length;
        }"""
    )
    assert count >= 6, "the toolbar's buttons at least"
    pressed = 0
    for index in range(count):
        button = tracked.locator(f"[data-pressed='{index}']")
        if not button.is_visible() or not button.is_enabled():
            continue
        button.click()
        pressed += 1
        tracked.wait_for_timeout(150)
        if tracked.locator("dialog[open]").count():
            tracked.keyboard.press("Escape")
            expect(tracked.locator("dialog[open]")).to_have_count(0)
    assert pressed >= 6
    growing = tracked.locator(".cg-table-field").evaluate_all(
        "fields => fields.filter(f => f.dataset.minRows !== f.dataset.maxRows).length"
    )
    expect(tracked.locator(".cg-add-row")).to_have_count(growing)


def test_a_table_of_a_fixed_number_of_rows_has_no_row_controls(served_site: str, tracked: Page) -> None:
    fixed = [
        (credential, item)
        for credential, item in TEMPLATES
        for field in item.template.fields
        if FIELD_KINDS[field.type].answer == "rows" and field.row_range[0] == field.row_range[1]
    ]
    assert fixed, "the seeds have a fixed table"
    credential, item = fixed[0]
    tracked.goto(served_site + url_of(template_page(credential, item)))
    table = tracked.locator(".cg-table-field[data-min-rows='3'][data-max-rows='3']").first
    expect(table.locator("tbody tr:visible")).to_have_count(3)
    expect(table.get_by_role("button")).to_have_count(0)
    expect(tracked.locator(".cg-save-state")).to_be_attached()


def test_fields_of_every_kind_persist(minimal_site: str, tracked: Page) -> None:
    tracked.goto(minimal_site + "/sample-stack/sample-credential/templates/an-artifact/")
    for kind in ("text", "long_text", "date", "choice", "checklist", "links", "table", "scale"):
        assert tracked.locator(f"[data-type={kind}]").count() >= 1, kind
    fill_everything(tracked)
    before = tracked.evaluate(FORM_STATE)
    expect(tracked.locator(".cg-save-state")).to_contain_text("Saved on this device")
    tracked.reload()
    assert tracked.evaluate(FORM_STATE) == before
    assert before["pick=No"] is True and before["ticks=First"] is True and before["rows.1.kind"] == "A"
    assert before["sure=5"] is True


def test_word_counts_report_under_in_range_and_over(minimal_site: str, tracked: Page) -> None:
    tracked.goto(minimal_site + "/sample-stack/sample-credential/templates/an-artifact/")
    answer = tracked.locator("#f-answer")
    count = tracked.locator("#f-answer-count")
    live = tracked.locator("#f-answer-count-state")
    assert "f-answer-count" in (answer.get_attribute("aria-describedby") or "").split()
    expect(live).to_have_attribute("aria-live", "polite")

    answer.fill("one two three")
    expect(count).to_have_attribute("data-state", "under")
    expect(count).to_have_text("This answer: 3 words: under the 5–10 word range.")
    expect(live).to_have_text("")  # still under, as on load: nothing new to announce
    answer.fill("one two three four five six")
    expect(count).to_have_attribute("data-state", "in-range")
    expect(live).to_have_text("This answer in range: 6 words.")
    answer.fill(" ".join(["word"] * 11))
    expect(count).to_have_attribute("data-state", "over")
    expect(live).to_have_text("This answer over: 11 words.")
    expect(tracked.locator("#total-count")).to_have_text("All answers together: 11 words: within the 10–20 word range.")


def test_part_1_counts_all_answers_against_the_published_range(served_site: str, tracked: Page) -> None:
    credential = CATALOG.credentials[0]
    tracked.goto(served_site + url_of(template_page(credential, fillables(credential)[0])))
    total = tracked.locator("#total-count")
    expect(total).to_have_text("All answers together: 0 words: under the 200–400 word range.")
    tracked.locator("#f-question-1").fill(" ".join(["word"] * 150))
    tracked.locator("#f-question-2").fill(" ".join(["word"] * 100))
    expect(total).to_have_attribute("data-state", "in-range")
    tracked.locator("#f-question-3").fill(" ".join(["word"] * 200))
    expect(total).to_have_attribute("data-state", "over")
    expect(tracked.locator("#total-count-state")).to_have_text("All answers together over: 450 words.")


def visible_rows(page: Page, field: str) -> int:
    return page.locator(f"[data-field='{field}'] tbody tr:visible").count()


def test_table_rows_stay_within_the_published_bounds(served_site: str, tracked: Page) -> None:
    credential = CATALOG.credentials[2]
    needs = next(i for i in fillables(credential) if i.id == "needs-assessment")
    tracked.goto(served_site + url_of(template_page(credential, needs)))
    add = tracked.get_by_role("button", name="Add a row to Survey questions")
    assert visible_rows(tracked, "questions") == 10
    expect(tracked.locator("[data-field=questions] .cg-remove-row").first).to_be_disabled()
    for _ in range(10):
        add.click()
    assert visible_rows(tracked, "questions") == 20
    expect(add).to_be_disabled()
    expect(tracked.locator("#f-questions-rows")).to_have_text("20 of at most 20 rows (the published maximum)")

    tracked.locator("#f-questions-1-question").fill("second question")
    tracked.locator("#f-questions-2-question").fill("third question")
    tracked.get_by_role("button", name="Remove row 2 of Survey questions", exact=False).click()
    assert visible_rows(tracked, "questions") == 19
    expect(tracked.locator("#f-questions-1-question")).to_have_value("third question")
    expect(add).to_be_enabled()
    tracked.reload()
    assert visible_rows(tracked, "questions") == 19
    expect(tracked.locator("#f-questions-1-question")).to_have_value("third question")


def test_export_then_import_on_a_cleared_page_restores_the_answers(
    served_site: str, tracked: Page, tmp_path: Path
) -> None:
    credential = CATALOG.credentials[1]
    item = next(i for i in fillables(credential) if i.id == "student-data-goal-setting")
    tracked.goto(served_site + url_of(template_page(credential, item)))
    fill_everything(tracked)
    answers = tracked.evaluate(FORM_STATE)

    with tracked.expect_download() as download:
        tracked.get_by_role("button", name="Export answers (JSON)").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert exported.name == f"{credential.id}--{item.id}.json"
    assert (data["format"], data["schema"], data["credential"], data["template"]) == (
        "credential-guides-answers",
        2,
        credential.id,
        item.id,
    )

    tracked.once("dialog", lambda dialog: dialog.accept())
    tracked.get_by_role("button", name="Clear answers").click()
    cleared = tracked.evaluate(FORM_STATE)
    assert all(v in ("", False) for v in cleared.values())

    tracked.locator("input[data-action=import]").set_input_files(exported)
    expect(tracked.locator(".cg-status")).to_contain_text("Answers imported")
    assert tracked.evaluate(FORM_STATE) == answers
    tracked.reload()
    assert tracked.evaluate(FORM_STATE) == answers


def test_import_refuses_another_templates_answers(served_site: str, tracked: Page, tmp_path: Path) -> None:
    credential = CATALOG.credentials[0]
    items = fillables(credential)
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(
            {
                "format": "credential-guides-answers",
                "schema": 1,
                "credential": credential.id,
                "template": items[2].id,
                "values": {"question-1": "not mine"},
                "checks": {},
                "rows": {},
            }
        ),
        encoding="utf-8",
    )
    tracked.goto(served_site + url_of(template_page(credential, items[0])))
    tracked.locator("input[data-action=import]").set_input_files(other)
    expect(tracked.locator(".cg-status")).to_contain_text("another template")
    expect(tracked.locator("#f-question-1")).to_have_value("")


def test_clear_asks_first_and_keeps_answers_when_declined(served_site: str, tracked: Page) -> None:
    credential = CATALOG.credentials[0]
    tracked.goto(served_site + url_of(template_page(credential, fillables(credential)[0])))
    tracked.locator("#f-question-1").fill("keep me")
    messages: list[str] = []

    def dismiss(dialog: Any) -> None:
        messages.append(dialog.message)
        dialog.dismiss()

    tracked.once("dialog", dismiss)
    tracked.get_by_role("button", name="Clear answers").click()
    assert messages and "cannot be undone" in messages[0]
    expect(tracked.locator("#f-question-1")).to_have_value("keep me")

    tracked.once("dialog", lambda dialog: dialog.accept())
    tracked.get_by_role("button", name="Clear answers").click()
    expect(tracked.locator("#f-question-1")).to_have_value("")
    keys = tracked.evaluate("() => Object.keys(localStorage)")
    assert not [k for k in keys if k.endswith("|part-1-overview")]
    tracked.reload()
    expect(tracked.locator("#f-question-1")).to_have_value("")


def test_a_template_can_be_filled_with_the_keyboard_alone(minimal_site: str, tracked: Page) -> None:
    tracked.goto(minimal_site + "/sample-stack/sample-credential/templates/an-artifact/")
    tracked.locator("#f-answer").focus()
    keyboard = tracked.keyboard
    keyboard.type("typed with the keyboard only")
    keyboard.press("Tab")
    expect(tracked.get_by_role("button", name="Copy this answer")).to_be_focused()
    keyboard.press("Tab")
    expect(tracked.locator("#f-name")).to_be_focused()
    keyboard.type("short")
    keyboard.press("Tab")
    expect(tracked.locator("#f-when")).to_be_focused()
    keyboard.type("03172026")
    expect(tracked.locator("#f-when")).to_have_value("2026-03-17")
    for _ in range(3):  # Chromium's date input may hold focus on its calendar button first
        keyboard.press("Tab")
        if tracked.evaluate("() => document.activeElement.id") != "f-when":
            break
    expect(tracked.locator("#f-pick-1")).to_be_focused()
    keyboard.press("ArrowDown")
    expect(tracked.locator("#f-pick-2")).to_be_checked()
    keyboard.press("Tab")
    expect(tracked.locator("#f-ticks-1")).to_be_focused()
    keyboard.press("Space")
    expect(tracked.locator("#f-ticks-1")).to_be_checked()

    tracked.locator("[data-field=rows] .cg-add-row").focus()
    keyboard.press("Enter")
    expect(tracked.locator("#f-rows-2-what")).to_be_focused()
    keyboard.type("third row")
    tracked.locator("#check-1").focus()
    keyboard.press("Space")

    expect(tracked.locator(".cg-save-state")).to_contain_text("Saved on this device")
    tracked.reload()
    expect(tracked.locator("#f-answer")).to_have_value("typed with the keyboard only")
    expect(tracked.locator("#f-when")).to_have_value("2026-03-17")
    expect(tracked.locator("#f-pick-2")).to_be_checked()
    expect(tracked.locator("#f-rows-2-what")).to_have_value("third row")
    expect(tracked.locator("#check-1")).to_be_checked()


def test_contact_details_get_a_gentle_warning(minimal_site: str, tracked: Page) -> None:
    tracked.goto(minimal_site + "/sample-stack/sample-credential/templates/an-artifact/")
    note = tracked.locator("#f-name-pii")
    expect(note).to_be_hidden()
    tracked.locator("#f-name").fill("write to jane.doe@example.org")
    expect(note).to_be_visible()
    tracked.locator("#f-name").fill("nothing personal")
    expect(note).to_be_hidden()
    tracked.locator("#f-rows-0-notes").fill("call (555) 123-4567")
    expect(tracked.locator("#f-rows-pii")).to_be_visible()


def test_summary_shows_started_complete_and_self_checked(minimal_site: str, tracked: Page) -> None:
    base = minimal_site + "/sample-stack/sample-credential/templates/"
    tracked.goto(base)
    answers = tracked.locator("table tbody tr td:nth-child(2)")
    expect(answers).to_have_text(["Not started", "Not started", "Not started"])

    tracked.goto(base + "part-1-overview/")
    tracked.locator("#f-question-1").fill("too short")
    expect(tracked.locator(".cg-save-state")).to_contain_text("Saved")
    tracked.goto(base + "an-artifact/")
    fill_everything(tracked)
    tracked.locator("#f-answer").fill("these ten words make the answer long enough to pass")
    expect(tracked.locator(".cg-save-state")).to_contain_text("Saved")

    tracked.goto(base)
    expect(answers).to_have_text(
        [re.compile(r"^Started — All answers together: 2 words, under "), "Complete", "Not started"]
    )
    expect(tracked.locator("table tbody tr td:nth-child(3)").nth(1)).to_have_text("1 of 1 points ticked (self-checked)")


def test_without_javascript_the_page_is_a_blank_printable_form(browser: Browser, served_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    credential = CATALOG.credentials[2]
    needs = next(i for i in fillables(credential) if i.id == "needs-assessment")
    page.goto(served_site + url_of(template_page(credential, needs)))
    expect(page.locator(".cg-toolbar")).to_be_hidden()
    assert visible_rows(page, "questions") == 20
    expect(page.get_by_label("Row 20: Question")).to_be_visible()
    page.goto(served_site + url_of(summary_page(credential)))
    expect(page.locator("table tbody tr td:nth-child(2)").first).to_have_text("Status needs JavaScript")
    context.close()


def test_a_blank_template_prints_every_row_to_fill_in_by_hand(served_site: str, tracked: Page) -> None:
    credential = CATALOG.credentials[2]
    needs = next(i for i in fillables(credential) if i.id == "needs-assessment")
    tracked.goto(served_site + url_of(template_page(credential, needs)))
    tracked.emulate_media(media="print")
    tracked.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert visible_rows(tracked, "questions") == 20
    for hidden in (".cg-toolbar", ".md-sidebar--primary", ".md-header", ".cg-add-row", "details.info", "details.tip"):
        assert tracked.locator(hidden).count() >= 1, hidden
        expect(tracked.locator(hidden).first).to_be_hidden()
    expect(tracked.locator(".cg-selfcheck")).to_be_visible()
    requirements = tracked.locator("details.cg-requirements")
    expect(requirements).to_have_attribute("open", "")  # folded on screen, printed with the blank form
    expect(requirements.locator("p").first).to_be_visible()
    tracked.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(requirements).not_to_have_attribute("open", "")


def test_filled_work_prints_its_used_rows_without_notices_or_self_check(
    served_site: str, tracked: Page, tmp_path: Path
) -> None:
    credential = CATALOG.credentials[2]
    needs = next(i for i in fillables(credential) if i.id == "needs-assessment")
    tracked.goto(served_site + url_of(template_page(credential, needs)))
    min_rows = int(tracked.locator("[data-field=questions]").get_attribute("data-min-rows") or 0)
    tracked.get_by_role("button", name="Add a row to", exact=False).first.click()
    tracked.locator("#f-questions-0-question").fill("Printed answer")
    tracked.locator(f"#f-questions-{min_rows}-question").fill("An optional row that was used")
    tracked.emulate_media(media="print")
    tracked.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert visible_rows(tracked, "questions") == min_rows + 1, "the required rows and the one optional row used"
    for hidden in (
        ".cg-toolbar",
        "details.info",
        "details.tip",
        "details.cg-requirements",
        ".cg-selfcheck",
        ".md-header",
    ):
        assert tracked.locator(hidden).count() >= 1, hidden
        expect(tracked.locator(hidden).first).to_be_hidden()
    mirror = tracked.locator("#f-questions-0-question + .cg-print-value")
    expect(mirror).to_be_visible()
    expect(mirror).to_have_text("Printed answer")
    printed = tmp_path / "printed.pdf"
    tracked.pdf(path=printed, format="Letter")
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Printed answer" in first_page, "the answers start on page 1"
    assert "Your answers stay on this device" not in first_page


def test_printed_text_answers_wrap_instead_of_being_cut_off(served_site: str, tracked: Page) -> None:
    credential = CATALOG.credentials[0]
    survey = next(i for i in fillables(credential) if i.id == "information-gathering-survey")
    plan = next(i for i in fillables(credential) if i.id == "action-plan")
    long_answer = "Spanish at home, English at school, and Haitian Creole with the grandparents on weekends"
    for item, box in ((survey, "#f-preferred-language"), (plan, "#f-tasks-0-person")):
        tracked.emulate_media(media="screen")
        tracked.goto(served_site + url_of(template_page(credential, item)))
        tracked.locator(box).fill(long_answer)
        tracked.emulate_media(media="print")
        tracked.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        expect(tracked.locator(box)).to_be_hidden()
        mirror = tracked.locator(box + " + .cg-print-value")
        expect(mirror).to_be_visible()
        expect(mirror).to_have_text(long_answer)
        assert mirror.evaluate("el => el.scrollWidth <= el.clientWidth"), f"{box} is cut off in print"


def test_printed_dates_and_lists_show_the_answer_or_a_line_to_write_on(served_site: str, tracked: Page) -> None:
    """A blank date box prints "mm/dd/yyyy" and a blank list "—": paper gets a line, and a list its choices."""
    credential = CATALOG.credentials[2]
    plan = next(i for i in fillables(credential) if i.id == "action-plan")
    tracked.goto(served_site + url_of(template_page(credential, plan)))
    tracked.locator("#f-stakeholders-0-partner").select_option("Yes")
    tracked.locator("#f-tasks-0-due").fill("2026-03-17")
    tracked.emulate_media(media="print")
    tracked.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for box, printed in (
        ("#f-stakeholders-0-partner", "Yes"),
        ("#f-stakeholders-1-partner", ""),  # a required row, so printed though empty
        ("#f-tasks-0-due", "March 17, 2026"),
    ):
        expect(tracked.locator(box)).to_be_hidden()
        mirror = tracked.locator(box + " + .cg-print-value")
        expect(mirror).to_be_visible()
        expect(mirror).to_have_text(printed)
    blank_choice = tracked.locator("#f-stakeholders-1-partner + .cg-print-value")
    assert blank_choice.evaluate("el => getComputedStyle(el, '::before').content") == '"Yes / No"'
    answered_choice = tracked.locator("#f-stakeholders-0-partner + .cg-print-value")
    assert answered_choice.evaluate("el => getComputedStyle(el, '::before').content") == "none"
    expect(tracked.locator("#f-tasks-1-due + .cg-print-value")).to_be_hidden()  # an optional row left empty

    tracked.emulate_media(media="screen")
    tracked.once("dialog", lambda dialog: dialog.accept())
    tracked.get_by_role("button", name="Clear answers").click()
    tracked.emulate_media(media="print")
    tracked.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for box in ("#f-tasks-0-due", "#f-tasks-1-due"):  # a blank form prints every row, with lines to write on
        mirror = tracked.locator(box + " + .cg-print-value")
        expect(mirror).to_be_visible()
        expect(mirror).to_have_text("")


def test_on_a_phone_table_boxes_keep_their_width_in_rows_that_do_not_scroll(served_site: str, tracked: Page) -> None:
    credential = CATALOG.credentials[0]
    plan = next(i for i in fillables(credential) if i.id == "action-plan")
    tracked.set_viewport_size({"width": 390, "height": 844})
    tracked.goto(served_site + url_of(template_page(credential, plan)))
    font_px = float(tracked.locator("#f-tasks-0-task").evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    for box, words_wide in (("#f-tasks-0-task", 14), ("#f-tasks-0-person", 9), ("#f-tasks-0-deadline", 9)):
        width = tracked.locator(box).evaluate("el => el.getBoundingClientRect().width")
        assert width >= words_wide * font_px * 0.95, f"{box} is {width:.0f}px wide on a phone"
    region = tracked.locator("[data-field='tasks'] .cg-table-scroll")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth"), "each row fits the screen"
    tracked.set_viewport_size({"width": 1280, "height": 900})
    assert tracked.locator("[data-field='tasks'] thead").is_visible(), "a wide screen keeps the table's columns"
