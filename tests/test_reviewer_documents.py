"""The hand-in PDF and Word file as a reviewer reads them: a real template filled in English, Spanish,
Chinese, Arabic and emoji, with addresses, three photos and a two-page scan. Every character is in the
PDF's text, addresses are live links in both files, the PDF has bookmarks and counts its appended pages,
pdfua finds nothing; and a teacher who writes English loads none of the fonts for other scripts."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pikepdf
from playwright.sync_api import BrowserContext, Page, expect
from test_evidence import photo, scan, write
from test_submission_pdf import assert_pdfua_clean

from conftest import ROOT, download_incomplete
from credential_guides.browser_fonts import (
    FALLBACK_DIR,
    FALLBACK_FAMILIES,
    FALLBACK_INDEX,
    FALLBACK_URL,
    fallback_faces,
)

PLAN = "/multilingual-learners/multilingual-learner-family-caregiver-engagement/templates/communication-plan/"
TITLE = "Artifact 2: Communication Plan"
FORM = "https://docs.example.org/forms/d/1FAIpQLSf-family-night-sign-up/viewform?usp=sf_link&lang=es"
FOLDER = "https://drive.example.org/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz"
PURPOSE = (
    f"Family night in the library, with a sign-up form at {FORM}. "
    "Bienvenidos, familias: la reunión es en la biblioteca, ¡traigan a los niños!"
)
CHINESE = "欢迎家长参加家庭之夜，我们准备了翻译。"
ARABIC = "مرحبا بالعائلات في أمسية العائلة"
EMOJI = "🙏😊📚"
# The emoji come before the Arabic: pdftotext reorders symbols that follow right-to-left text on a line.
LANGUAGES = f"English {EMOJI}, Español, 中文 ({CHINESE}), العربية ({ARABIC})"


def fonts_fetched(page: Page) -> list[str]:
    """The font scripts the page asked for, from the moment this is called."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/vendor/fonts/" in request.url else None)
    return fetched


def filled(context: BrowserContext, site: str, folder: Path) -> Page:
    page = context.new_page()
    page.goto(site + PLAN)
    page.locator("#f-purpose").fill(PURPOSE)
    page.locator("#f-groups-0-steps").fill(f"Una carta en español y en árabe: {ARABIC}.")
    page.locator("#f-groups-0-languages").fill("Español, العربية")
    page.locator("#f-groups-1-steps").fill(f"A message in Chinese: {CHINESE}")
    page.locator("#f-groups-1-languages").fill("中文")
    page.locator("#f-languages").fill(LANGUAGES)
    page.locator("#f-materials-0-link").fill(FOLDER)
    files = page.locator(".cg-files-field[data-field=material-files]")
    files.locator("input[data-files-add]").set_input_files(
        [write(folder, f"flyer-{n}.jpg", photo(800 + 200 * n, 800)) for n in (1, 2, 3)]
        + [write(folder, "sign-up-sheets.pdf", scan(2))]
    )
    expect(files.locator(".cg-files-state")).to_contain_text("Files kept for this site")
    page.get_by_label("Description of file 1").fill("Flyer in Spanish: Noche familiar")
    expect(page.locator(".cg-save-state")).to_contain_text("Saved on this device")
    return page


def uris(pdf: pikepdf.Pdf) -> set[str]:
    return {
        str(annotation.A.URI)
        for page in pdf.pages
        for annotation in page.obj.get("/Annots", [])
        if annotation.get("/Subtype") == "/Link"
    }


def test_a_plan_written_in_five_scripts_hands_in_as_a_pdf_a_reviewer_can_read_and_follow(
    served_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = filled(context, served_site, tmp_path)
    fetched = fonts_fetched(page)
    saved = download_incomplete(page, "Download as PDF", tmp_path)
    expect(page.locator(".cg-status")).not_to_contain_text("cannot show")

    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for written in ("¡traigan a los niños!", "la reunión es en la biblioteca", CHINESE, EMOJI, "中文"):
        assert re.sub(r"\s+", "", written) in flat, written
    assert set(ARABIC) - set(text) == set(), "every Arabic letter"
    # Each Arabic word reads back as written, but for the lam-alef ligature, which pdftotext reads back reversed.
    assert [word for word in ARABIC.split() if "لا" not in word and word not in text] == []

    pdf = pikepdf.open(saved)
    assert {FORM, FOLDER} <= uris(pdf), "both addresses are live links"
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    assert titles[0] == "1. Purpose of the event" and titles[2] == "3. List of languages you will or did use"
    assert titles[-1] == "Scan: PDF scan 4 (2 pages)", "a bookmark per question and per scan"
    footers = [line for line in text.splitlines() if " · page " in line]
    total = len(pdf.pages)
    assert footers[-1] == f"{TITLE} · page {total} of {total}"
    assert len(footers) == total
    figures = [
        e for e in pdf.Root.StructTreeRoot.K[0].K if isinstance(e, pikepdf.Dictionary) and e.get("/S") == "/Figure"
    ]
    assert len(figures) == 3 + 2, "three photos and the scan's two pages"
    assert_pdfua_clean(saved)

    faces = [url.rsplit("/", 1)[1] for url in fetched]
    assert faces[0] == "index.js"
    assert any(face.startswith("noto-emoji") for face in faces)
    assert any(face.startswith("noto-sans-sc") for face in faces)
    assert not any(
        face.startswith(("noto-sans-hebrew", "noto-sans-devanagari", "noto-sans-arabic")) for face in faces
    ), "only what DejaVu cannot draw (it has Arabic)"


def test_the_same_plan_hands_in_as_a_word_file_with_live_links_and_every_character(
    served_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = filled(context, served_site, tmp_path)
    word = zipfile.ZipFile(download_incomplete(page, "Download as Word (.docx)", tmp_path))
    expect(page.locator(".cg-status")).to_contain_text("not in the Word file")
    relations = word.read("word/_rels/document.xml.rels").decode()
    linked = set(re.findall(r'Target="([^"]+)" TargetMode="External"', relations))
    assert {FORM.replace("&", "&amp;"), FOLDER} <= linked
    document = word.read("word/document.xml").decode()
    for written in (CHINESE, ARABIC, EMOJI, "¡traigan a los niños!"):
        assert written in document
    assert len([name for name in word.namelist() if name.startswith("word/media/")]) == 3


def test_a_teacher_who_writes_english_loads_no_font_for_other_scripts(
    served_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = context.new_page()
    page.goto(served_site + PLAN)
    page.locator("#f-purpose").fill(f"Family night in the library, with a sign-up form at {FORM}.")
    expect(page.locator(".cg-save-state")).to_contain_text("Saved on this device")
    fetched = fonts_fetched(page)
    download_incomplete(page, "Download as PDF", tmp_path)
    assert fetched == []


def test_a_character_no_font_draws_is_named_with_its_question(
    served_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = context.new_page()
    page.goto(served_site + PLAN)
    page.locator("#f-languages").fill("Klingon: \uf8e4\uf8d7")
    expect(page.locator(".cg-save-state")).to_contain_text("Saved on this device")
    download_incomplete(page, "Download as PDF", tmp_path)
    expect(page.locator(".cg-status")).to_contain_text("“3. List of languages you will or did use” holds characters")


def test_the_noto_faces_are_the_npm_packages_files_unchanged_and_served_with_their_license(site: Path) -> None:
    packages = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for family in FALLBACK_FAMILIES:
        assert f"@fontsource/{family}" in packages, "pinned, so that the copy can be checked"
        npm = ROOT / "node_modules/@fontsource" / family
        assert (FALLBACK_DIR / family / "400.css").read_bytes() == (npm / "400.css").read_bytes()
        served = (site / FALLBACK_URL / f"{family}-LICENSE.txt").read_text(encoding="utf-8")
        assert "SIL OPEN FONT LICENSE Version 1.1" in served
    faces = fallback_faces()
    assert len(faces) > 100
    for face in faces:
        assert (
            face.path.read_bytes()
            == (ROOT / "node_modules/@fontsource" / face.family / "files" / face.path.name).read_bytes()
        )
        script = (site / FALLBACK_URL / f"{face.name}.js").read_text(encoding="utf-8")
        assert f"{face.family}-LICENSE.txt" in script.split("*/", 1)[0]
        assert base64.b64decode(script.rsplit('= "', 1)[1].rstrip().removesuffix('";')) == face.path.read_bytes()
    index = (site / FALLBACK_INDEX).read_text(encoding="utf-8")
    assert json.loads(index.removeprefix("window.cgPdfFallbackIndex = ").rstrip().removesuffix(";"))["faces"] == [
        face.name for face in faces
    ]


MORE_SCRIPTS = {
    "Korean": "가족 여러분 환영합니다",
    "Japanese": "ご家族の皆様ようこそ",
    "Hebrew": "ברוכים הבאים למשפחות",
    "Devanagari": "परिवारों का स्वागत है",
    "Greek": "Καλώς ήρθατε",
    "Cyrillic": "Добро пожаловать",
}


def test_korean_japanese_hebrew_devanagari_greek_and_cyrillic_are_drawn_too(
    served_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = context.new_page()
    page.goto(served_site + PLAN)
    page.locator("#f-languages").fill("\n".join(f"{name}: {text}" for name, text in MORE_SCRIPTS.items()))
    expect(page.locator(".cg-save-state")).to_contain_text("Saved on this device")
    saved = download_incomplete(page, "Download as PDF", tmp_path)
    expect(page.locator(".cg-status")).not_to_contain_text("cannot show")
    text = subprocess.run(["pdftotext", str(saved), "-"], capture_output=True, text=True, check=True).stdout
    for name, written in MORE_SCRIPTS.items():
        # Devanagari is shaped: a vowel sign may be drawn as other glyphs, which pdftotext reads back; its
        # letters are read back as written.
        expected = {c for c in written if not 0x093E <= ord(c) <= 0x094D} if name == "Devanagari" else set(written)
        assert expected - set(text) == set(), name
    fonts = subprocess.run(["pdffonts", str(saved)], capture_output=True, text=True, check=True).stdout
    assert "NotoSansDevanagari" in fonts and "NotoSansKR" in fonts
    assert_pdfua_clean(saved)
