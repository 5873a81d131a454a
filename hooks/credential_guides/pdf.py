"""PDFs of the guides and a fillable workbook of every template per credential, with WeasyPrint.

Each PDF is described by a ``PdfJob`` (its print HTML and where it goes), a pure
function of the catalog. ``render_pdfs`` renders the jobs in parallel, tagged
PDF/UA-1 with AcroForm fields, and keeps each result in a cache keyed by a hash
of its input, so an unchanged PDF is not rendered again.

The cache survives faults: each PDF is written to a temporary file and renamed
into place whole, with a ``<key>.sha256`` file of its bytes beside it. A PDF
whose bytes do not match (truncated, corrupted, half-copied by hand) is
rendered again, and builds sharing a cache at once never see a partial file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .markdown_text import markdown_html
from .model import Catalog, Credential
from .pages import environment, guide_context, render_markdown
from .settings import SiteSettings
from .site_map import SiteMap, workbook_prefix, workbook_section

CACHE_VERSION = "6"
"""Raised when the same HTML renders to other bytes: version 2 auto-sizes the text of form fields."""
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_CACHE_NAME = re.compile(r"^[0-9a-f]{64}\.(?:pdf|sha256)$")
_PARTIAL_NAME = re.compile(r"^[0-9a-f]{64}\..*\.part$")
STALE_DAYS = 30
PARTIAL_STALE_HOURS = 6
"""A temporary file this old belongs to a build that was killed, not to one still rendering."""


@dataclass(frozen=True)
class PdfJob:
    output: str
    """Path of the PDF inside the site, e.g. ``pdf/<credential>.pdf``."""
    title: str
    html: str
    base_url: str
    files: tuple[Path, ...] = ()
    """Local files the HTML loads (a logo): their bytes are part of the key, as a
    district replacing its logo keeps the file's name."""

    @property
    def key(self) -> str:
        digest = hashlib.sha256()
        for part in (CACHE_VERSION, _weasyprint_version(), self.html, self.base_url):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        for path in self.files:
            digest.update(path.read_bytes())
            digest.update(b"\0")
        return digest.hexdigest()


class PdfErrors(Exception):
    def __init__(self, failures: list[tuple[PdfJob, str]]) -> None:
        self.failures = failures
        lines = [f"{job.output} ({job.title}): {reason}" for job, reason in failures]
        super().__init__("\n".join([*lines, f"{len(failures)} PDF(s) could not be rendered; the build failed."]))


def pdf_jobs(catalog: Catalog, settings: SiteSettings, docs_dir: Path, site_map: SiteMap | None = None) -> list[PdfJob]:
    """The print HTML of every PDF: a guide and a workbook per credential (see ``PdfLinks``)."""
    places = site_map or SiteMap.of(catalog)
    env = environment()
    css = Markup((Path(__file__).parent / "templates" / "print" / "print.css").read_text(encoding="utf-8"))
    logo = (docs_dir / settings.logo).resolve() if settings.logo else None
    base_url = docs_dir.resolve().as_uri() + "/"
    jobs = []
    for credential in catalog.credentials:
        own = places[credential]
        stack = catalog.stack(credential.stack)
        footer = pdf_footer(credential)
        common = {
            "credential": credential,
            "stack": stack,
            "settings": settings,
            "css": css,
            "footer": footer,
            "resources": catalog.resources,
            "citations": catalog.citations,
        }
        guide_html = _guide_html(catalog, credential, settings, places)
        jobs.append(
            PdfJob(
                own.pdf.guide,
                credential.title,
                env.get_template("print/guide.html.j2").render(
                    **common,
                    document_title=credential.title,
                    description=f"The micro-credential guide {credential.title}",
                    guide_html=guide_html,
                ),
                base_url,
            )
        )
        items = own.fillables
        title = f"{credential.title}: submission workbook"
        jobs.append(
            PdfJob(
                own.pdf.workbook,
                title,
                env.get_template("print/workbook.html.j2").render(
                    **common,
                    document_title=title,
                    description="Fillable workbook: Part 1, every artifact and Part 3",
                    fillables=items,
                    workbook_section=workbook_section,
                    workbook_prefix=workbook_prefix,
                    logo_uri=logo.as_uri() if logo else None,
                ),
                base_url,
                files=(logo,) if logo else (),
            )
        )
        handouts = own.pdf.handouts
        for item in items:
            if item.id in handouts and item.template.handout:
                title = f"{item.template.handout.title} (a handout for families)"
                jobs.append(
                    PdfJob(
                        handouts[item.id],
                        title,
                        env.get_template("print/handout.html.j2").render(
                            **common,
                            document_title=item.template.handout.title,
                            description=f"A handout for families, from {item.title} of {credential.title}",
                            fillable=item,
                        ),
                        base_url,
                    )
                )
    return jobs


def pdf_footer(credential: Credential) -> str:
    """The line at the foot of every page of a credential's PDFs: title, publisher, license, date."""
    source = credential.source
    partner = f" with {source.partner.split('(')[-1].rstrip(')')}" if source.partner else ""
    revised = source.last_revised or "unknown"
    license = f"{source.license}, {source.license_url}" if source.license_url else source.license
    return f"{credential.title} · {source.publisher}{partner} · {license} · Last revised {revised}"


def _guide_html(catalog: Catalog, credential: Credential, settings: SiteSettings, site_map: SiteMap) -> Markup:
    text = render_markdown(
        "guide.md.j2",
        "guide.md",
        catalog,
        settings,
        site_map,
        **guide_context(catalog, credential),
        for_print=True,
        guide_page="guide.md",
        summary_page="",
        template_pages={},
        stack_page="",
    )
    return markdown_html(_FRONT_MATTER.sub("", text))


def render_pdfs(jobs: list[PdfJob], cache_dir: Path, workers: int | None = None) -> dict[str, int]:
    """Render into ``cache_dir``, in parallel, every job not cached yet. Returns counts.

    Raises ``PdfErrors`` naming every PDF that failed; the build calls this before
    it writes any page, so a failure leaves no half-written site.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo = [job for job in jobs if not is_cached(job, cache_dir)]
    damaged = sum(1 for job in todo if cached_pdf(job, cache_dir).exists())
    failures: list[tuple[PdfJob, str]] = []
    if todo:
        workers = workers or min(len(todo), os.cpu_count() or 1)
        if workers == 1:
            results = [_render_one(job, cache_dir) for job in todo]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = list(pool.map(_render_one, todo, [cache_dir] * len(todo)))
        failures = [(job, reason) for job, reason in zip(todo, results, strict=True) if reason]
    if failures:
        raise PdfErrors(failures)
    return {"rendered": len(todo), "cached": len(jobs) - len(todo), "damaged": damaged}


def copy_pdfs(jobs: list[PdfJob], cache_dir: Path, site_dir: Path) -> None:
    """Put each rendered PDF at its place in the site."""
    for job in jobs:
        target = site_dir / job.output
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached_pdf(job, cache_dir), target, follow_symlinks=False)


def prune_pdf_cache(jobs: list[PdfJob], cache_dir: Path, now: float | None = None) -> int:
    """Mark the cached PDFs this build used, and delete those no build used for ``STALE_DAYS``.

    By age rather than by "not in this build", so that builds of several copies
    or settings sharing one cache keep each other's PDFs, and the cache a CI run
    saves stays about the size of the site. Returns the number deleted.
    """
    now = time.time() if now is None else now
    wanted = {job.key for job in jobs}
    deleted = 0
    for path in cache_dir.iterdir():
        if _PARTIAL_NAME.match(path.name):
            if _modified(path) < now - PARTIAL_STALE_HOURS * 3600:
                path.unlink(missing_ok=True)
            continue
        if not _CACHE_NAME.match(path.name):
            continue
        if path.stem in wanted:
            os.utime(path, (now, now))
        elif _modified(path) < now - STALE_DAYS * 86_400:
            path.unlink(missing_ok=True)
            deleted += path.suffix == ".pdf"
    return deleted


def cached_pdf(job: PdfJob, cache_dir: Path) -> Path:
    return cache_dir / f"{job.key}.pdf"


def is_cached(job: PdfJob, cache_dir: Path) -> bool:
    """Whether the cache holds this job's PDF whole: its bytes match the digest written with it.

    A cache is restored from CI's store, which a pull request can fill: an entry that is not a plain
    file (a symbolic link to a file of the machine, a folder) is never taken, and is replaced."""
    pdf = cached_pdf(job, cache_dir)
    for entry in (pdf, pdf.with_suffix(".sha256")):
        if entry.is_symlink() or (entry.exists() and not entry.is_file()):
            _remove_entry(entry)
            return False
    try:
        expected = pdf.with_suffix(".sha256").read_text(encoding="ascii").strip()
        return hashlib.sha256(pdf.read_bytes()).hexdigest() == expected
    except (OSError, UnicodeDecodeError):
        return False


def _remove_entry(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # removed meanwhile by a build sharing the cache
        return float("inf")


def _write_whole(target: Path, data: bytes) -> None:
    """Write ``target`` so that no reader, and no crash, ever sees part of it."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f"{target.stem}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def site_only_fetcher(base_url: str) -> Any:
    """A WeasyPrint URL fetcher that reads only files under ``base_url`` (the site's docs/) and ``data:``.

    Every other scheme, host and path is refused, a symlink out of the folder included, so that no
    PDF can carry (as a picture or an attachment) a file of the build machine or fetch an address
    from it. A refusal is a warning, which fails the PDF.
    """
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    root = Path(unquote(urlsplit(base_url).path)).resolve()

    class SiteOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if path.is_relative_to(root) and path.is_file():
                    return super().fetch(path.as_uri(), headers)
            raise ValueError(f"refused {url[:200]!r}: a PDF may use only the site's own files under docs/")

    return SiteOnly(timeout=1, allowed_protocols=("file", "data"), allow_redirects=False)


def _render_one(job: PdfJob, cache_dir: Path) -> str:
    """Render one PDF into the cache. Returns "" or the reason it failed.

    WeasyPrint only logs most problems (an image it cannot read, a broken
    stylesheet); they count as failures, as warnings do in ``mkdocs build --strict``.
    """
    from weasyprint import HTML

    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        fetcher = site_only_fetcher(job.base_url)
        pdf = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher).write_pdf(
            pdf_variant="pdf/ua-1", pdf_forms=True, finisher=finish_pdf
        )
        if collect.messages:
            return "; ".join(collect.messages)
        target = cached_pdf(job, cache_dir)
        # The PDF first, then its digest: a crash between the two leaves a PDF that is rendered again.
        _write_whole(target, pdf)
        _write_whole(target.with_suffix(".sha256"), hashlib.sha256(pdf).hexdigest().encode("ascii"))
        return ""
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    finally:
        logger.removeHandler(collect)


_FIXED_FONT_SIZE = re.compile(rb"(/\S+) [0-9.]+ Tf")


def finish_pdf(document: Any, pdf: Any) -> None:
    """What WeasyPrint leaves out of its PDFs, added to its objects before they are written."""
    auto_size_text_fields(document, pdf)
    write_field_appearances(document, pdf)
    join_split_tables(document, pdf)
    scope_header_cells(document, pdf)


def _struct_elements(pdf: Any) -> dict[int, Any]:
    """pydyf's structure elements by object number."""
    return {
        obj.number: obj
        for obj in pdf.objects
        if isinstance(obj, dict) and obj.get("Type") == "/StructElem" and hasattr(obj, "number")
    }


def _referenced(elements: dict[int, Any], reference: Any) -> Any:
    """The structure element a ``K`` or ``P`` entry refers to (``b"12 0 R"``), or None (content, annotations)."""
    if not isinstance(reference, bytes | str):
        return None
    text = reference.decode() if isinstance(reference, bytes) else reference
    number, _, rest = text.partition(" ")
    return elements.get(int(number)) if number.isdigit() and rest == "0 R" else None


def scope_header_cells(document: Any, pdf: Any) -> None:
    """Say what each table header cell heads (``/Scope``), which PDF/UA asks and WeasyPrint 70 omits.

    A header cell in a table's head row heads its column; one that starts a
    row of the body (a row number, a rubric's criterion) heads its row.
    """
    elements = _struct_elements(pdf)
    for element in elements.values():
        if element.get("S") != "/TH":
            continue
        row = _referenced(elements, element.get("P"))
        section = _referenced(elements, row.get("P")) if row is not None else None
        first = row is not None and len(row["K"]) > 0 and row["K"][0] == element.reference
        in_body = section is not None and section.get("S") == "/TBody"
        attributes = element.get("A")
        if attributes is None:
            element["A"] = attributes = type(element)({"O": "/Table"})
        attributes["Scope"] = "/Row" if in_body and first else "/Column"


_TABLE_ROWS = frozenset({"/TR", "/THead", "/TBody", "/TFoot"})


def join_split_tables(document: Any, pdf: Any) -> None:
    """Make one ``/Table`` of a table that a page break after its caption splits in two.

    WeasyPrint 70 tags each page's part of a box on its own: the boxes a page
    break runs through become two elements, one ending a page and one starting
    the next. A table broken after its caption so becomes a ``/Table`` holding
    only its caption, at the end of one page's elements, and a ``/Table`` with
    the rows at the start of the next. The caption moves into the table of its
    rows, and the elements left empty are dropped.
    """
    elements = _struct_elements(pdf)

    def kids_of(element: Any) -> list[Any]:
        kids = element.get("K")
        return [kid for kid in kids if _referenced(elements, kid) is not None] if isinstance(kids, list) else []

    def edge(element: Any, last: bool) -> list[Any]:
        chain = [element]
        while kids := kids_of(chain[-1]):
            chain.append(_referenced(elements, kids[-1 if last else 0]))
        return chain

    def has_rows(table: Any) -> bool:
        return any((_referenced(elements, kid) or {}).get("S") in _TABLE_ROWS for kid in table["K"])

    def drop_if_empty(element: Any) -> None:
        while isinstance(element.get("K"), list) and not element["K"]:
            parent = _referenced(elements, element.get("P"))
            if parent is None or not isinstance(parent.get("K"), list):
                return
            parent["K"] = type(parent["K"])([kid for kid in parent["K"] if kid != element.reference])
            element = parent

    for parent in list(elements.values()):
        kids = parent.get("K")
        if not isinstance(kids, list):
            continue
        for before, after in zip(list(kids), list(kids)[1:], strict=False):
            first, second = _referenced(elements, before), _referenced(elements, after)
            if first is None or second is None:
                continue
            for ending, starting in zip(edge(first, last=True), edge(second, last=False), strict=False):
                if ending.get("S") != starting.get("S"):
                    break
                if ending.get("S") != "/Table":
                    continue
                if not has_rows(ending) and has_rows(starting):
                    for kid in ending["K"]:
                        moved = _referenced(elements, kid)
                        if moved is not None:
                            moved["P"] = starting.reference
                    starting["K"] = type(starting["K"])([*ending["K"], *starting["K"]])
                    ending["K"] = type(ending["K"])([])
                    drop_if_empty(ending)
                break


def write_field_appearances(document: Any, pdf: Any) -> None:
    """Give every form field the appearance it has when the PDF opens, instead of leaving it to the reader.

    WeasyPrint 70 writes none for text and list fields and only the ticked one
    for a box, and asks readers to make them (``/NeedAppearances``), which
    PDF/UA readers and some viewers do not. Every field of the site's PDFs
    is empty when written, so its appearance is an empty one its size (a
    reader draws the text when it is filled in), and a box's is unticked.
    """
    import pydyf  # type: ignore[import-untyped]

    def blank(width: float, height: float) -> Any:
        stream = pydyf.Stream(
            [b"/Tx BMC EMC"],
            pydyf.Dictionary({"Type": "/XObject", "Subtype": "/Form", "BBox": pydyf.Array((0, 0, width, height))}),
        )
        pdf.add_object(stream)
        return stream

    for obj in list(pdf.objects):
        if not isinstance(obj, dict) or "Rect" not in obj:
            continue
        kind = obj.get("FT") or (obj.get("Parent") and "/Btn")
        if kind not in ("/Tx", "/Ch", "/Btn"):
            continue
        x1, y1, x2, y2 = (float(value) for value in obj["Rect"])
        if kind == "/Btn":
            states = obj.get("AP", {}).get("N")
            if isinstance(states, dict) and "Off" not in states:
                states["Off"] = blank(abs(x2 - x1), abs(y2 - y1)).reference
        elif "AP" not in obj:
            obj["AP"] = pydyf.Dictionary({"N": blank(abs(x2 - x1), abs(y2 - y1)).reference})
    form = pdf.catalog.get("AcroForm")
    if isinstance(form, dict) and "NeedAppearances" in form:
        del form["NeedAppearances"]


def auto_size_text_fields(document: Any, pdf: Any) -> None:
    """Give every text field of the PDF (pydyf's objects) an automatic font size.

    WeasyPrint writes the box's CSS font size into each field's default
    appearance (``/DA``), so a date typed into a narrow box was cut off
    ("March 14, 20"); a size of 0 lets the PDF reader shrink the text to fit.
    """
    for obj in pdf.objects:
        if isinstance(obj, dict) and obj.get("FT") == "/Tx" and "DA" in obj:
            appearance = obj["DA"].string
            if isinstance(appearance, str):
                appearance = appearance.encode("latin-1")
            obj["DA"] = type(obj["DA"])(_FIXED_FONT_SIZE.sub(rb"\1 0 Tf", appearance))


def _weasyprint_version() -> str:
    try:
        from importlib.metadata import version

        return version("weasyprint")
    except Exception:
        return "unknown"
