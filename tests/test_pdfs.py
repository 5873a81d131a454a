"""The PDFs of the built site, read back with pypdf and poppler's pdftotext."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import copy_project, mkdocs_build
from credential_guides.catalog import load_catalog
from credential_guides.fillable import Fillable, fillables
from credential_guides.model import Bullets, Credential, DescriptorList, Numbered
from credential_guides.pdf import PdfJob, copy_pdfs, pdf_footer, pdf_jobs, prune_pdf_cache, render_pdfs
from credential_guides.settings import SiteSettings
from credential_guides.site_map import pdf_links_for
from release_content import RELEASE_CONTENT

CATALOG = load_catalog(RELEASE_CONTENT / "credentials_data")
TEMPLATES = [(c, i) for c in CATALOG.credentials for i in fillables(c)]
MULTILINE = 1 << 12


def squeeze(text: str) -> str:
    """Text without whitespace or hyphens, so line breaks (where pdftotext drops a
    hyphen that ends a line) cannot hide a match."""
    return re.sub(r"[\s\u00ad-]+", "", text.replace("’", "'"))


def page_texts(path: Path) -> list[str]:
    """The text of each page, as pdftotext reads it, running header and footer included."""
    return [
        subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for number in range(1, len(PdfReader(path).pages) + 1)
    ]


def pdftotext(path: Path, footer: str = "") -> str:
    """The text of every page in reading order, without the running header and footer."""
    pages = []
    footer_text = squeeze(footer)
    for page in page_texts(path):
        lines = [line for line in page.splitlines() if line.strip()][1:]  # the running header
        lines = [
            line
            for line in lines
            if not re.fullmatch(r"Page \d+ of \d+", line.strip()) and not (footer_text and squeeze(line) in footer_text)
        ]
        pages.append("\n".join(lines))
    return "\n".join(pages)


def expected_fields(item: Fillable, prefix: str = "") -> dict[str, tuple[str, bool]]:
    """Field name -> (PDF field type, multi-line) for a template, as the form partials name them."""
    fields: dict[str, tuple[str, bool]] = {}
    for field in item.template.fields:
        name = prefix + field.id
        if field.type in ("text", "date"):
            fields[name] = ("/Tx", False)
        elif field.type == "long_text":
            fields[name] = ("/Tx", True)
        elif field.type in ("choice", "checklist"):
            fields.update({f"{name}.{n}": ("/Btn", False) for n in range(1, len(field.options) + 1)})
        elif field.type in ("table", "links", "files"):
            columns = field.columns or ()
            column_types = [(c.id, c.type == "long_text") for c in columns] or [("link", False), ("note", False)]
            if field.type == "files":  # on paper: the files attached, and what the field asks of each
                column_types = [("file", False), *((detail, False) for detail in field.each)]
            for row in range(field.row_range[1]):
                fields.update({f"{name}.{row}.{cid}": ("/Tx", multi) for cid, multi in column_types})
    for check in item.self_check:
        fields[f"{prefix}check:{check.id}"] = ("/Btn", False)
        fields.update({f"{prefix}check:{part.id}": ("/Btn", False) for part in check.items})
    return fields


def pdf_fields(path: Path) -> dict[str, tuple[str, bool, str]]:
    found = {}
    for name, field in (PdfReader(path).get_fields() or {}).items():
        flags = int(field.get("/Ff", 0))
        found[name] = (str(field.get("/FT")), bool(flags & MULTILINE), str(field.get("/TU", "")))
    return found


def test_every_pdf_is_tagged_pdf_ua_with_title_and_language(site: Path) -> None:
    pdfs = sorted((site / "pdf").glob("*.pdf"))
    assert len(pdfs) == 4 + 4 + 1, "a guide and a workbook per credential, and the survey's handout for families"
    for path in pdfs:
        reader = PdfReader(path)
        root: Any = reader.root_object
        assert "/StructTreeRoot" in root, path.name
        assert bool(root["/MarkInfo"]["/Marked"]), path.name
        assert root["/Lang"] == "en", path.name
        assert reader.metadata and reader.metadata.title, path.name
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp, path.name
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792), f"{path.name}: US Letter"


def test_the_pdfua_checker_finds_nothing_in_any_built_pdf(site: Path) -> None:
    """pdfua (PyPI) on every PDF of the site: header cells say what they head, and a table broken
    across pages after its caption stays one table (both were warnings before finish_pdf)."""
    checker = Path(sys.executable).parent / "pdfua"
    findings = {}
    pdfs = sorted((site / "pdf").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        result = subprocess.run([str(checker), "check", "--format", "json", str(path)], capture_output=True, text=True)
        report = json.loads(result.stdout)
        if report["summary"]["errors"] or report["summary"]["warnings"]:
            findings[path.name] = report["findings"]
    assert findings == {}


def test_every_form_field_carries_its_appearance(site: Path) -> None:
    """Written into the file, not left to the reader (/NeedAppearances): a box unticked, a text box empty."""
    for path in sorted((site / "pdf").glob("*.pdf")):
        reader = PdfReader(path)
        root: Any = reader.root_object
        if "/AcroForm" not in root:
            continue
        assert "/NeedAppearances" not in root["/AcroForm"].get_object(), path.name
        widgets = 0
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                widget: Any = annotation.get_object()
                if widget.get("/Subtype") != "/Widget":
                    continue
                widgets += 1
                appearance = widget.get("/AP")
                assert appearance is not None and "/N" in appearance, f"{path.name}: {widget.get('/T')}"
                kind = widget.get("/FT") or widget["/Parent"].get_object().get("/FT")
                if kind == "/Btn":
                    assert "/Off" in appearance["/N"], f"{path.name}: a box without its unticked look"
        assert widgets > 0, path.name


def test_every_table_of_a_built_pdf_is_one_table_with_its_caption_and_rows(site: Path) -> None:
    for path in sorted((site / "pdf").glob("*.pdf")):
        for kids in table_children(PdfReader(path)):
            assert "/TR" in kids or "/THead" in kids or "/TBody" in kids, f"{path.name}: a /Table without rows: {kids}"
            assert kids.count("/Caption") <= 1


def table_children(reader: PdfReader) -> list[list[str]]:
    """The structure types of each /Table's children."""
    tables: list[list[str]] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        if node.get("/S") == "/Table":
            tables.append([str(kid.get_object().get("/S")) for kid in kids if isinstance(kid.get_object(), dict)])
        for kid in kids:
            walk(kid)

    walk(reader.root_object["/StructTreeRoot"])
    return tables


def tagged_annotations(reader: PdfReader) -> dict[str, list[str]]:
    """Structure type -> subtypes of the annotations it holds, walking the structure tree."""
    found: dict[str, list[str]] = {}

    def walk(node: Any, parent: str) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child, parent)
        elif hasattr(node, "keys"):
            if node.get("/Type") == "/OBJR":
                found.setdefault(parent, []).append(str(node["/Obj"].get_object()["/Subtype"]))
            elif "/K" in node:
                walk(node["/K"], str(node.get("/S", parent)))

    walk(reader.root_object["/StructTreeRoot"], "")
    return found


def test_every_field_and_link_is_in_the_structure_tree(site: Path) -> None:
    """PDF/UA: a screen reader reaches widgets and links through Form and Link elements, in tab order."""
    totals = {"/Widget": 0, "/Link": 0}
    for path in sorted((site / "pdf").glob("*.pdf")):
        reader = PdfReader(path)
        annotations = [a.get_object() for page in reader.pages for a in (page.get("/Annots") or [])]
        widgets = sum(1 for a in annotations if a["/Subtype"] == "/Widget")
        links = sum(1 for a in annotations if a["/Subtype"] == "/Link")
        totals["/Widget"] += widgets
        totals["/Link"] += links
        tagged = tagged_annotations(reader)
        assert tagged.get("/Form", []).count("/Widget") == widgets, path.name
        assert tagged.get("/Link", []).count("/Link") == links, path.name
        assert all(page.get("/Tabs") == "/S" for page in reader.pages if page.get("/Annots")), path.name
    assert totals["/Widget"] > 500 and totals["/Link"] > 50, totals  # the walk found the workbooks' fields


@pytest.mark.parametrize("credential", CATALOG.credentials, ids=[c.id for c in CATALOG.credentials])
def test_guide_pdf_holds_the_whole_guide(site: Path, credential: Credential) -> None:
    path = site / pdf_links_for(credential).guide
    reader = PdfReader(path)
    assert len(reader.pages) >= 5
    text = squeeze(pdftotext(path, pdf_footer(credential)))
    expected = [
        credential.competency,
        credential.key_method,
        credential.submission.rule,
        credential.submission.overview.passing,
        credential.submission.reflection.passing,
    ]
    for section in credential.method_components:
        for block in section.blocks:
            expected += (
                [block]
                if isinstance(block, str)
                else list(getattr(block, "bullets", ()) or getattr(block, "numbered", ()))
            )
    for artifact in credential.submission.artifacts:
        expected.append(artifact.title)
        for block in artifact.instructions:
            if isinstance(block, (Bullets, Numbered)):
                expected += list(getattr(block, "bullets", ()) or getattr(block, "numbered", ()))
            elif isinstance(block, str):
                expected.append(block)
        for descriptors in artifact.rubric.levels.values():
            for d in descriptors:
                expected += [d.text, *d.items] if isinstance(d, DescriptorList) else [d]
    missing = [e for e in expected if squeeze(re.sub(r"\\?[*_]", "", e)) not in text]
    assert missing == []
    first_page = subprocess.run(["pdftotext", "-l", "1", str(path), "-"], capture_output=True, text=True).stdout
    assert squeeze(f"Page 1 of {len(reader.pages)}") in squeeze(first_page)
    assert squeeze(f"Last revised {credential.source.last_revised or 'unknown'}") in squeeze(first_page)
    links = [
        a["/A"]["/URI"]
        for page in reader.pages
        for a in (page.get("/Annots") or [])
        if a.get_object().get("/A", {}).get("/URI")
    ]
    assert credential.source.license_url in links


@pytest.mark.parametrize(("credential", "item"), TEMPLATES, ids=[f"{c.id}/{i.id}" for c, i in TEMPLATES])
def test_template_page_opens_the_workbook_at_its_own_section(
    site: Path, credential: Credential, item: Fillable
) -> None:
    page = (site / credential.stack / credential.id / "templates" / item.id / "index.html").read_text(encoding="utf-8")
    link = re.search(r'href="((?:\.\./)+pdf/[^"#]+)#nameddest=([^"]+)"', page)
    assert link is not None, "the template page links the workbook at a named destination"
    workbook = (site / credential.stack / credential.id / "templates" / item.id / link.group(1)).resolve()
    assert workbook == (site / pdf_links_for(credential).workbook).resolve()
    reader = PdfReader(workbook)
    destination = reader.named_destinations[link.group(2)]
    index = reader.get_destination_page_number(destination)
    assert index is not None, "the destination is on a page"
    number = index + 1
    text = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), str(workbook), "-"], capture_output=True, text=True
    ).stdout
    assert squeeze(item.title) in squeeze(text), f"page {number} of the workbook"


@pytest.mark.parametrize("credential", CATALOG.credentials, ids=[c.id for c in CATALOG.credentials])
def test_workbook_holds_every_template_in_one_fillable_file(site: Path, credential: Credential) -> None:
    path = site / pdf_links_for(credential).workbook
    found = pdf_fields(path)
    expected: dict[str, tuple[str, bool]] = {}
    for item in fillables(credential):
        expected.update(expected_fields(item, prefix=f"{item.id}--"))
    assert {name: (kind, multi) for name, (kind, multi, _) in found.items()} == expected
    assert [name for name, (_, _, label) in found.items() if not label.strip()] == [], "every field has a label"
    text_fields = [
        annotation.get_object()
        for pdf_page in PdfReader(path).pages
        for annotation in pdf_page.get("/Annots") or []
        if annotation.get_object().get("/FT") == "/Tx"
    ]
    assert len(text_fields) == sum(1 for kind, _, _ in found.values() if kind == "/Tx")
    fixed = [str(field["/T"]) for field in text_fields if not str(field["/DA"]).endswith(" 0 Tf")]
    assert fixed == [], "text fields auto-size their text, so a long date or name is not cut off"
    text = squeeze(pdftotext(path, pdf_footer(credential)))
    assert squeeze("Contents") in text
    for item in fillables(credential):
        assert squeeze(item.title) in text


def test_pages_link_their_pdfs(site: Path) -> None:
    credential = CATALOG.credentials[0]
    links = pdf_links_for(credential)
    guide = (site / credential.stack / credential.id / "index.html").read_text(encoding="utf-8")
    assert f'href="../../{links.guide}"' in guide and f'href="../../{links.workbook}"' in guide
    template = (site / credential.stack / credential.id / "templates" / "action-plan" / "index.html").read_text(
        encoding="utf-8"
    )
    assert f'href="../../../../{links.templates["action-plan"]}"' in template
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{links.guide}"' in home
    handouts = [Path(path).name for c in CATALOG.credentials for path in pdf_links_for(c).handouts.values()]
    assert handouts == ["family-engagement-access-opportunities-information-gathering-survey-handout.pdf"]
    assert sorted(p.name for p in (site / "pdf").iterdir()) == sorted(
        [name for c in CATALOG.credentials for name in (f"{c.id}.pdf", f"{c.id}-workbook.pdf")] + handouts
    )
    for path in (links.guide, links.workbook):
        assert (site / path).stat().st_size > 10_000


@pytest.mark.slow
def test_a_pdf_that_fails_fails_the_build_names_it_and_leaves_the_site_alone(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "docs" / "assets").mkdir()
    (project / "docs" / "assets" / "logo.png").write_text("this is not an image", encoding="utf-8")
    settings = project / "site.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("logo: null", "logo: assets/logo.png"), encoding="utf-8"
    )
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "pdf/family-engagement-access-opportunities-workbook.pdf" in result.stderr
    assert "Failed to load image" in result.stderr
    assert "PDF(s) could not be rendered; the build failed." in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"], "the failed build wrote into the site"
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"


def test_unchanged_pdfs_come_from_the_cache_and_a_replaced_logo_is_rendered_again(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="{}"/></svg>'
    )
    logo.write_text(svg.format("#c00"), encoding="utf-8")
    base = tmp_path.as_uri() + "/"
    jobs = [
        PdfJob("pdf/a.pdf", "A", '<html lang="en"><title>A</title><p>Plain page</p></html>', base),
        PdfJob(
            "pdf/b.pdf", "B", '<html lang="en"><title>B</title><img src="logo.svg" alt="Logo"></html>', base, (logo,)
        ),
    ]
    site, cache = tmp_path / "site", tmp_path / "cache"
    assert render_pdfs(jobs, cache) == {"rendered": 2, "cached": 0, "damaged": 0}
    copy_pdfs(jobs, cache, site)
    first_logo_pdf = (site / "pdf" / "b.pdf").read_bytes()
    assert render_pdfs(jobs, cache) == {"rendered": 0, "cached": 2, "damaged": 0}
    logo.write_text(svg.format("#00c"), encoding="utf-8")
    assert render_pdfs(jobs, cache) == {"rendered": 1, "cached": 1, "damaged": 0}
    copy_pdfs(jobs, cache, site)
    assert (site / "pdf" / "b.pdf").read_bytes() != first_logo_pdf


def test_the_cache_keeps_what_builds_use_and_forgets_what_none_used_for_a_month(tmp_path: Path) -> None:
    base = tmp_path.as_uri() + "/"
    used = PdfJob("pdf/a.pdf", "A", '<html lang="en"><title>A</title><p>A</p></html>', base)
    cache = tmp_path / "cache"
    cache.mkdir()
    now = 2_000_000_000.0
    month = 30 * 86_400
    for name, age in ((f"{used.key}.pdf", 2 * month), ("a" * 64 + ".pdf", 2 * month), ("b" * 64 + ".pdf", 3600)):
        (cache / name).write_bytes(b"%PDF")
        os.utime(cache / name, (now - age, now - age))
    (cache / "notes.pdf").write_bytes(b"not ours")
    os.utime(cache / "notes.pdf", (now - 2 * month, now - 2 * month))
    assert prune_pdf_cache([used], cache, now=now) == 1
    assert sorted(p.name for p in cache.iterdir()) == sorted([f"{used.key}.pdf", "b" * 64 + ".pdf", "notes.pdf"])
    assert (cache / f"{used.key}.pdf").stat().st_mtime == now, "a used PDF is marked as used now"


def test_every_page_of_every_pdf_carries_the_license_address_in_words(site: Path) -> None:
    """On paper a link is not an address: CC BY-NC-ND asks for the license's address with the work."""
    address = CATALOG.credentials[0].source.license_url
    assert address is not None
    for path in sorted((site / "pdf").glob("*.pdf")):
        for number, text in enumerate(page_texts(path), start=1):
            assert squeeze(address) in squeeze(text), f"{path.name} page {number}"
    for credential in CATALOG.credentials:
        guide = (site / credential.stack / credential.id / "index.html").read_text(encoding="utf-8")
        assert f">{credential.source.license_url}</a>" in guide, "the guide page shows the address itself"


def test_the_guide_pdf_carries_the_notes_its_web_page_carries(site: Path) -> None:
    """The web guide and its PDF come from one context: a note on one is on the other."""
    note = "Titles shown without a link had no address in the copy this site was built from."
    for credential in CATALOG.credentials:
        web = (site / credential.stack / credential.id / "index.html").read_text(encoding="utf-8")
        printed = squeeze(pdftotext(site / pdf_links_for(credential).guide))
        assert (note in web) == (squeeze(note) in printed), credential.id
    assert any(note in (site / c.stack / c.id / "index.html").read_text(encoding="utf-8") for c in CATALOG.credentials)


def outline(html: str) -> tuple[list[str], list[str]]:
    """A page's section headings (h2–h4) and note titles, in order, as text."""

    def text(fragment: str) -> str:
        return " ".join(re.sub(r"<[^>]+>", "", fragment).split())

    headings = [text(h) for h in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", html, re.S)]
    notes = [text(n) for n in re.findall(r'<p class="admonition-title">(.*?)</p>', html, re.S)]
    return headings, notes


def test_the_web_guide_and_its_pdf_have_the_same_sections_and_notes(site: Path) -> None:
    """Both are rendered from one guide context (``guide_context``); only the layout template differs."""
    jobs = {job.output: job for job in pdf_jobs(CATALOG, SiteSettings(), RELEASE_CONTENT / "docs")}
    for credential in CATALOG.credentials:
        web = (site / credential.stack / credential.id / "index.html").read_text(encoding="utf-8")
        article = web[web.index("<article") : web.index("</article>")]
        printed = jobs[pdf_links_for(credential).guide].html
        web_headings, web_notes = outline(article)
        print_headings, print_notes = outline(printed)
        assert web_headings == print_headings, credential.id
        assert web_notes == print_notes, credential.id
        assert len(web_headings) > 10 and "Source, license and date" in web_notes
