"""A teacher's photos and scans in a template: attached, made private, kept in this browser (IndexedDB)
through reloads, tabs and backups, refused with a message when they cannot be taken, and placed in the
hand-in PDF and Word documents."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import ExifTags, Image
from playwright.sync_api import Browser, BrowserContext, FilePayload, Locator, Page, expect

from conftest import download_incomplete, open_tab, vendored_code

ARTIFACT = "/sample-stack/sample-credential/templates/an-artifact/"
SAVED = "Saved on this device"
SECRETS = (b"SecretCam", b"Model X-42", b"SN-998877", b"2026:05:12")


def photo(width: int = 1200, height: int = 800, *, orientation: int = 1, kind: str = "JPEG") -> bytes:
    """A photo as a phone writes it: with the camera's make, model and serial number, the time and
    the GPS position in its EXIF, and the orientation the camera was held in."""
    image = Image.new("RGB", (width, height), (200, 60, 40))
    for x in range(0, width, 40):
        image.paste((20, 20, 120), (x, 0, x + 10, height // 3))
    exif = image.getexif()
    exif[ExifTags.Base.Make] = "SecretCam"
    exif[ExifTags.Base.Model] = "Model X-42"
    exif[ExifTags.Base.BodySerialNumber] = "SN-998877"
    exif[ExifTags.Base.DateTime] = "2026:05:12 10:11:12"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (40.0, 26.0, 46.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (79.0, 58.0, 56.0)
    out = io.BytesIO()
    image.save(out, kind, exif=exif, quality=90)
    data = out.getvalue()
    assert all(secret in data for secret in SECRETS[:3])
    return data


def scan(pages: int) -> bytes:
    """A scanned form as a PDF, with its author and title in its document information."""
    images = [Image.new("RGB", (850, 1100), (230, 230 - 20 * page, 255)) for page in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], author="Ms Secret", title="Secret scan")
    return out.getvalue()


def figures_of(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """The Figure elements of a PDF's structure tree (the document's children, where both writers put them)."""
    document = pdf.Root.StructTreeRoot.K[0]
    return [e for e in document.K if isinstance(e, pikepdf.Dictionary) and e.get("/S") == "/Figure"]


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def open_template(context: BrowserContext, site: str, *, deaf: bool = False) -> Page:
    return open_tab(context, site + ARTIFACT, deaf=deaf)


def field(page: Page) -> Locator:
    return page.locator(".cg-files-field[data-field=evidence]")


def attach(page: Page, *files: Path | FilePayload) -> None:
    """Chooses files (all paths or all payloads, as Playwright takes them) and waits until they are kept."""
    state = field(page).locator(".cg-files-state")
    field(page).locator("input[data-files-add]").set_input_files(list(files))  # type: ignore[arg-type]
    expect(state).to_contain_text("Files kept for this site")


def described(context: BrowserContext, site: str, description: str, *files: Path | FilePayload) -> Page:
    """The sample template with ``files`` attached, the first one described, and saved."""
    page = open_template(context, site)
    attach(page, *files)
    page.get_by_label("Description of file 1").fill(description)
    saved(page)
    return page


def names(page: Page) -> list[str]:
    return [re.sub(r" · .*", "", text) for text in field(page).locator(".cg-file-name").all_inner_texts()]


def saved(page: Page) -> None:
    expect(page.locator(".cg-save-state")).to_contain_text(SAVED)


def jpeg(name: str) -> FilePayload:
    return FilePayload(name=name, mimeType="image/jpeg", buffer=photo())


def test_photos_are_attached_kept_through_a_reload_reordered_replaced_and_removed(
    minimal_site: str, context: BrowserContext
) -> None:
    page = open_template(context, minimal_site)
    expect(field(page).locator(".cg-files-privacy")).to_contain_text("removes what the camera wrote into it")
    attach(page, jpeg("first.jpg"), jpeg("second.jpg"))
    attach(page, FilePayload(name="third.png", mimeType="image/png", buffer=photo(kind="PNG")))
    assert names(page) == ["File 1: first.jpg", "File 2: second.jpg", "File 3: third.png"]
    expect(field(page).locator(".cg-files-state")).to_contain_text("3 files of 1–3 asked for.")
    page.get_by_label("Description of file 2").fill("The planning team at work")
    page.get_by_label("Date of file 2").fill("2026-04-02")
    saved(page)
    printed = field(page).locator(".cg-file-caption").nth(1)
    expect(printed).to_have_text("Photo 2, April 2, 2026: The planning team at work")
    page.emulate_media(media="print")
    expect(printed).to_be_visible()
    expect(field(page).locator("li img").nth(1)).to_be_visible()
    expect(field(page).get_by_role("button", name="Remove").first).to_be_hidden()
    page.emulate_media(media="screen")

    page.reload()
    assert names(page) == ["File 1: first.jpg", "File 2: second.jpg", "File 3: third.png"]
    expect(page.get_by_label("Description of file 2")).to_have_value("The planning team at work")
    expect(field(page).locator("li img").first).to_have_js_property("complete", True)

    field(page).locator("li").nth(1).get_by_role("button", name="Move up").click()
    assert names(page) == ["File 1: second.jpg", "File 2: first.jpg", "File 3: third.png"]
    expect(page.get_by_label("Description of file 1")).to_have_value("The planning team at work")
    expect(field(page).locator("li").nth(0).get_by_role("button", name="Move down")).to_be_focused()
    field(page).locator("li").nth(2).locator("input[data-file-action=replace]").set_input_files(jpeg("better.jpg"))
    expect(field(page).locator(".cg-file-name").nth(2)).to_contain_text("better.jpg")
    field(page).locator("li").nth(1).get_by_role("button", name="Remove").click()
    assert names(page) == ["File 1: second.jpg", "File 2: better.jpg"]
    saved(page)

    page.reload()
    assert names(page) == ["File 1: second.jpg", "File 2: better.jpg"]
    kept = page.evaluate("() => cgFileStore.all().then((files) => files.map((file) => file.name).sort())")
    assert kept == ["better.jpg", "second.jpg"], "a removed or replaced file leaves this browser's storage"


def test_a_photo_is_turned_upright_made_smaller_and_stripped_of_what_the_camera_wrote(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = described(
        context,
        minimal_site,
        "Families at the needs assessment table",
        write(tmp_path, "phone.jpg", photo(3000, 2000, orientation=6)),
    )
    stored = page.evaluate(
        """() => cgFileStore.all().then(([file]) => file.blob.arrayBuffer().then((bytes) =>
             ({ width: file.width, height: file.height, bytes: Array.from(new Uint8Array(bytes)) })))"""
    )
    assert (stored["width"], stored["height"]) == (1333, 2000), "turned upright, the long side at 2,000 px"
    kept = bytes(stored["bytes"])
    assert not any(secret in kept for secret in SECRETS) and b"Exif" not in kept

    pdf = pikepdf.open(download_incomplete(page, "Download as PDF", tmp_path))
    images = [image for page_ in pdf.pages for image in page_.get_images().values()]
    assert len(images) == 1
    raw = images[0].read_raw_bytes()
    assert (int(images[0].Width), int(images[0].Height)) == (1333, 2000)
    assert not any(secret in raw for secret in SECRETS) and b"Exif" not in raw and b"GPS" not in raw
    decoded = Image.open(io.BytesIO(raw))
    assert dict(decoded.getexif()) == {}, "no EXIF at all: no GPS position, camera, time or serial number"
    figures = figures_of(pdf)
    assert [str(f.Alt) for f in figures] == ["Families at the needs assessment table"]


def test_each_file_that_cannot_be_taken_gets_a_message_and_nothing_kept_is_lost(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = described(context, minimal_site, "Kept before the bad files", jpeg("kept.jpg"))
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as out:
        out.write(photo()[:2])
        out.truncate(50 * 1024 * 1024)
    attach(
        page,
        huge,
        write(tmp_path, "broken.jpg", photo()[:3000]),
        write(tmp_path, "notes.txt", b"not a photo"),
        write(tmp_path, "fake.pdf", b"%PDF-1.7 but nothing else"),
        write(tmp_path, "iphone.heic", b"\x00\x00\x00\x18ftypheic" + bytes(200)),
    )
    problem = field(page).locator(".cg-files-problem")
    expect(problem).to_contain_text("huge.jpg was not added: it is 50 MB, and this page takes files of up to 40 MB.")
    expect(problem).to_contain_text("broken.jpg was not added: this browser cannot read it as a photo.")
    expect(problem).to_contain_text("notes.txt was not added: this question takes a photo (JPEG, PNG, WebP or HEIC)")
    expect(problem).to_contain_text("fake.pdf was not added: it is not a PDF this page can read.")
    expect(problem).to_contain_text("iphone.heic was not added: this browser cannot read HEIC photos.")
    expect(problem).to_have_attribute("role", "alert")

    attach(page, *(write(tmp_path, f"more-{n}.jpg", photo()) for n in range(3)))
    expect(problem).to_have_text(
        "“Photos or scans” takes at most 3 files, so more-2.jpg was not added. To make room, remove a file (its Remove"
        " button) or replace one (its Replace button)."
    )
    assert names(page) == ["File 1: kept.jpg", "File 2: more-0.jpg", "File 3: more-1.jpg"]
    field(page).get_by_role("button", name="Remove").nth(2).click()
    saved(page)

    # The browser refuses more space for the site (its quota is reached).
    page.evaluate(
        """() => { IDBObjectStore.prototype.put = function () {
                     throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }"""
    )
    attach(page, write(tmp_path, "one-too-many.jpg", photo()))
    expect(problem).to_contain_text("one-too-many.jpg was not added: this browser refused more space for this site")
    expect(problem).to_contain_text("Nothing already kept was lost.")
    page.reload()
    assert names(page) == ["File 1: kept.jpg", "File 2: more-0.jpg"]
    expect(page.get_by_label("Description of file 1")).to_have_value("Kept before the bad files")


def test_a_backup_brings_the_files_back_in_a_fresh_browser(
    minimal_site: str, browser: Browser, context: BrowserContext, tmp_path: Path
) -> None:
    page = described(
        context,
        minimal_site,
        "The workshop",
        jpeg("workshop.jpg"),
        FilePayload(name="form.pdf", mimeType="application/pdf", buffer=scan(2)),
    )
    page.goto(minimal_site + "/your-answers/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download a backup of all answers").click()
    backup = tmp_path / "backup.json"
    download.value.save_as(backup)
    expect(page.locator(".cg-status")).to_contain_text("A backup of 1 template and 2 files was downloaded.")
    packed = json.loads(backup.read_text(encoding="utf-8"))["files"]
    assert sorted(file["name"] for file in packed) == ["form.pdf", "workshop.jpg"]

    fresh = browser.new_context(accept_downloads=True)
    try:
        other = fresh.new_page()
        other.goto(minimal_site + "/your-answers/")
        other.once("dialog", lambda dialog: dialog.accept())
        other.locator("input[data-action=restore]").set_input_files(backup)
        expect(other.locator(".cg-status")).to_contain_text("2 files came back with them.")
        other.goto(minimal_site + ARTIFACT)
        assert names(other) == ["File 1: workshop.jpg", "File 2: form.pdf"]
        expect(other.get_by_label("Description of file 1")).to_have_value("The workshop")
        made = pikepdf.open(download_incomplete(other, "Download as PDF", tmp_path))
        assert sum(len(p.get_images()) for p in made.pages) >= 3, "the photo and both pages of the scan"
    finally:
        fresh.close()


@pytest.mark.parametrize("tabs", [2, 3])
def test_stale_tabs_each_adding_files_keep_every_file(minimal_site: str, context: BrowserContext, tabs: int) -> None:
    pages = [open_template(context, minimal_site, deaf=True) for _ in range(tabs)]
    for number, page in enumerate(pages, start=1):
        attach(page, jpeg(f"from-tab-{number}.jpg"))
        saved(page)
    pages[0].get_by_label("Description of file 1").fill("Described in tab one, last")
    saved(pages[0])
    fresh = open_template(context, minimal_site)
    assert sorted(name.split(": ", 1)[1] for name in names(fresh)) == [f"from-tab-{n}.jpg" for n in range(1, tabs + 1)]
    expect(fresh.get_by_label("Description of file 1")).to_have_value("Described in tab one, last")


def test_an_open_tab_shows_the_files_another_tab_adds_and_removes(minimal_site: str, context: BrowserContext) -> None:
    first = open_template(context, minimal_site)
    second = open_template(context, minimal_site)
    attach(first, jpeg("shared.jpg"))
    saved(first)
    expect(field(second).locator(".cg-file-name")).to_contain_text(["File 1: shared.jpg"])
    field(second).get_by_role("button", name="Remove").click()
    saved(second)
    expect(field(first).locator(".cg-file-name")).to_have_count(0)


def test_scans_are_appended_to_the_pdf_tagged_and_without_their_own_document_information(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = described(
        context,
        minimal_site,
        "Completed feedback forms",
        write(tmp_path, "feedback-forms.pdf", scan(3)),
        write(tmp_path, "event.jpg", photo()),
    )
    expect(field(page).locator(".cg-file-name").first).to_contain_text("3 pages")
    saved_pdf = download_incomplete(page, "Download as PDF", tmp_path)
    pdf = pikepdf.open(saved_pdf)
    answers_pages = len(pdf.pages) - 3
    scan_pages = pdf.pages[answers_pages:]
    assert [len(p.get_images()) for p in scan_pages] == [1, 1, 1]
    figures = figures_of(pdf)
    assert [str(f.Alt) for f in figures] == [
        "Photo 2",
        *(f"PDF scan 1 (3 pages): Completed feedback forms — page {n} of 3" for n in (1, 2, 3)),
    ]
    assert [f.Pg.objgen for f in figures[1:]] == [p.obj.objgen for p in scan_pages]
    assert "Ms Secret" not in str(pdf.docinfo) and "Secret scan" not in str(pdf.docinfo)
    text = subprocess.run(["pdftotext", str(saved_pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "PDF scan 1 (3 pages): Completed feedback forms\nIts 3 pages follow at the end of this document." in text
    total = len(pdf.pages)
    footers = [line for line in text.splitlines() if " · page " in line]
    assert footers == [f"Artifact 1: An Artifact · page {n} of {total}" for n in range(1, total + 1)], "scan pages too"
    with pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
        destination = outline.root[-1].destination
    assert titles[-1] == "Scan: PDF scan 1 (3 pages): Completed feedback forms"
    assert isinstance(destination, pikepdf.Array)
    assert destination[0].objgen == scan_pages[0].obj.objgen, "the bookmark opens the scan's first page"
    assert str(pdf.Root.PageMode) == "/UseOutlines"


def test_the_word_document_holds_each_photo_with_its_description_as_alternative_text(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = described(
        context,
        minimal_site,
        "Families at the event",
        jpeg("event.jpg"),
        FilePayload(name="form.pdf", mimeType="application/pdf", buffer=scan(1)),
    )
    word = zipfile.ZipFile(download_incomplete(page, "Download as Word (.docx)", tmp_path))
    media = [name for name in word.namelist() if name.startswith("word/media/")]
    assert len(media) == 1
    assert not any(secret in word.read(media[0]) for secret in SECRETS)
    document = word.read("word/document.xml").decode()
    assert re.search(r'<wp:docPr [^>]*descr="Families at the event"', document)
    assert "hand in form.pdf beside it" in document


def test_the_vendored_pdf_lib_is_the_npm_package_unchanged() -> None:
    assert "MIT License" in vendored_code("pdf-lib.min.js", "pdf-lib", "dist/pdf-lib.min.js")


def test_the_offline_copy_keeps_photos_from_a_folder(site: Path, context: BrowserContext) -> None:
    """Opened from a folder (file://), as the offline copy is: IndexedDB still keeps the files."""
    page = context.new_page()
    essay = site / "family-community-engagement/community-partnerships-learning-well-being/templates/photo-essay"
    page.goto((essay / "index.html").as_uri())
    photos = page.locator(".cg-files-field[data-field=photos]")
    photos.locator("input[data-files-add]").set_input_files([jpeg("offline.jpg")])
    expect(photos.locator(".cg-file-name")).to_contain_text(["File 1: offline.jpg"])
    saved(page)
    page.reload()
    expect(photos.locator(".cg-file-name")).to_contain_text(["File 1: offline.jpg"])
    expect(photos.locator("li img")).to_have_js_property("complete", True)


def test_the_whole_submission_holds_the_photos_of_every_template(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    page = described(context, minimal_site, "The workshop", jpeg("workshop.jpg"))
    page.goto(minimal_site + "/sample-stack/sample-credential/templates/")
    pdf = pikepdf.open(download_incomplete(page, "Download the whole submission as PDF", tmp_path))
    assert [str(figure.Alt) for figure in figures_of(pdf)] == ["The workshop"]
    word = zipfile.ZipFile(download_incomplete(page, "Download the whole submission as Word (.docx)", tmp_path))
    assert re.search(r'<wp:docPr [^>]*descr="The workshop"', word.read("word/document.xml").decode())


def scan_that_acts() -> bytes:
    """A scan made to act when a reviewer opens it: JavaScript when the document or a page opens,
    links that run JavaScript, launch a program or go to a javascript: address, an attached file."""
    pdf = pikepdf.Pdf.open(io.BytesIO(scan(2)))
    javascript = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('opened')"))
    pdf.Root.OpenAction = javascript
    pdf.Root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("run"), pdf.make_indirect(javascript)]))
    )
    attached = pdf.make_stream(b"SECRET-ATTACHMENT-BYTES")
    attached.Type = pikepdf.Name.EmbeddedFile
    spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("x.exe"), EF=pikepdf.Dictionary(F=attached))

    def annotation(subtype: str, **entries: Any) -> pikepdf.Object:
        return pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(subtype), Rect=[0, 0, 100, 100], **entries)
        )

    for page in pdf.pages:
        page.obj.AA = pikepdf.Dictionary(O=javascript, C=javascript)
        page.obj.Annots = pikepdf.Array(
            [
                annotation("/Link", A=javascript),
                annotation("/Link", A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe"))),
                annotation(
                    "/Link", A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("javascript:alert(1)"))
                ),
                annotation("/FileAttachment", FS=spec),
            ]
        )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


FORBIDDEN_IN_HANDIN = ("/JavaScript", "/JS", "/Launch", "/AA", "/EmbeddedFile", "/EmbeddedFiles", "/FileAttachment")


def forbidden_in(pdf: pikepdf.Pdf) -> list[str]:
    """Every action, script, attachment or javascript: address anywhere in ``pdf``, reachable or not."""
    found: list[str] = []

    def walk(value: object, depth: int = 0) -> None:
        if depth > 30:
            return
        if isinstance(value, pikepdf.Stream):
            value = value.stream_dict
        if isinstance(value, pikepdf.Dictionary):
            for key in map(str, value.keys()):
                if key in FORBIDDEN_IN_HANDIN:
                    found.append(key)
                child = value.get(key)
                if not (isinstance(child, pikepdf.Object) and child.is_indirect):
                    walk(child, depth + 1)
        elif isinstance(value, pikepdf.Array):
            for child in value:
                if not (isinstance(child, pikepdf.Object) and child.is_indirect):
                    walk(child, depth + 1)
        elif (isinstance(value, pikepdf.Name) and str(value) in FORBIDDEN_IN_HANDIN) or (
            isinstance(value, pikepdf.String) and str(value).lower().startswith("javascript:")
        ):
            found.append(str(value))

    for obj in pdf.objects:
        walk(obj)
    return found


def test_a_scan_that_would_act_is_appended_with_its_content_only(
    minimal_site: str, context: BrowserContext, tmp_path: Path
) -> None:
    acting = scan_that_acts()
    assert len(forbidden_in(pikepdf.Pdf.open(io.BytesIO(acting)))) > 10, "the scan carries every kind of action"
    page = described(context, minimal_site, "Sign-in sheets", write(tmp_path, "sign-in.pdf", acting))
    saved_pdf = download_incomplete(page, "Download as PDF", tmp_path)
    pdf = pikepdf.open(saved_pdf)
    assert forbidden_in(pdf) == []
    assert b"SECRET-ATTACHMENT-BYTES" not in saved_pdf.read_bytes()
    assert "/OpenAction" not in pdf.Root
    scan_pages = pdf.pages[-2:]
    assert [len(p.get_images()) for p in scan_pages] == [1, 1], "the scan's pages keep their content"
    assert all(len(p.obj.get("/Annots", [])) == 0 for p in scan_pages)
    assert [str(f.Alt) for f in figures_of(pdf)][-2:] == [
        f"PDF scan 1 (2 pages): Sign-in sheets — page {n} of 2" for n in (1, 2)
    ]
