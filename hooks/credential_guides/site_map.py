"""Where everything of the site lives, in one place.

A ``SiteMap`` is made once per build from the catalog: every credential's
guide, templates page, template and handout pages, its PDFs and the anchors of
its workbook, its machine-readable records, and its templates (each
credential's ``fillables``, computed once). The pages, the PDFs, the records,
the catalog filter's index and, through them, the browser code read paths
from it; no page template or script spells one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fillable import Fillable, fillables
from .model import Catalog, Credential, Stack

CATALOG_FILE = "catalog.json"
RECORD_FILE = "credential.json"
ACHIEVEMENT_FILE = "achievement.json"
GUIDE_FOLDER = "{stack}/{id}/"
"""A credential's folder: its guide's page (index.md) and its records live there."""


def stack_page(stack: Stack) -> str:
    return f"{stack.id}/index.md"


def guide_page(credential: Credential) -> str:
    return guide_folder(credential) + "index.md"


def guide_folder(credential: Credential) -> str:
    return GUIDE_FOLDER.format(stack=credential.stack, id=credential.id)


def summary_page(credential: Credential) -> str:
    return guide_folder(credential) + "templates/index.md"


def template_page(credential: Credential, fillable: Fillable) -> str:
    return f"{guide_folder(credential)}templates/{fillable.id}.md"


def handout_page(credential: Credential, fillable: Fillable) -> str:
    return f"{guide_folder(credential)}templates/{fillable.id}-handout.md"


def record_path(credential: Credential, name: str) -> str:
    """A machine-readable record of a credential (``RECORD_FILE``, ``ACHIEVEMENT_FILE``), beside its guide."""
    return guide_folder(credential) + name


def workbook_prefix(template_id: str) -> str:
    """What a template's ids and field names start with in the workbook, which holds every template."""
    return f"{template_id}--"


def workbook_section(template_id: str) -> str:
    """The id of a template's section in the workbook."""
    return workbook_prefix(template_id) + "section"


@dataclass(frozen=True)
class PdfLinks:
    """A credential's two PDFs: the guide, and the fillable workbook that holds every template.

    A template is linked at its section of the workbook (a named destination,
    which PDF readers open at that page) rather than rendered again on its own:
    at 500 credentials, separate template PDFs were 3,000 more files, more
    than half the PDF stage's time and 1.3 GB, over what GitHub Pages publishes.
    """

    guide: str
    workbook: str
    templates: dict[str, str]
    """Template id -> the workbook at that template's section."""
    handouts: dict[str, str]
    """Template id -> the PDF of its handout for families, for templates that have one."""


def pdf_links_for(credential: Credential, items: list[Fillable] | None = None) -> PdfLinks:
    items = fillables(credential) if items is None else items
    workbook = f"pdf/{credential.id}-workbook.pdf"
    return PdfLinks(
        guide=f"pdf/{credential.id}.pdf",
        workbook=workbook,
        templates={item.id: f"{workbook}#nameddest={workbook_section(item.id)}" for item in items},
        handouts={item.id: f"pdf/{credential.id}-{item.id}-handout.pdf" for item in items if item.template.handout},
    )


@dataclass(frozen=True)
class CredentialPlaces:
    """Everything of one credential and where it lives."""

    fillables: list[Fillable]
    """Its templates, in the order of the guide."""
    guide: str
    summary: str
    templates: dict[str, str]
    """Template id -> its page."""
    handouts: dict[str, str]
    """Template id -> the page of its handout, for templates that have one."""
    pdf: PdfLinks
    record: str
    """Its record (``RECORD_FILE``)."""
    achievement: str
    """Its Open Badges achievement (``ACHIEVEMENT_FILE``)."""


@dataclass(frozen=True)
class SiteMap:
    stacks: dict[str, str]
    """Stack id -> its page."""
    credentials: dict[str, CredentialPlaces]
    """Credential id -> its places."""
    guides: dict[str, str]
    """Credential id -> its guide's page."""

    @classmethod
    def of(cls, catalog: Catalog) -> SiteMap:
        credentials = {}
        for credential in catalog.credentials:
            items = fillables(credential)
            credentials[credential.id] = CredentialPlaces(
                fillables=items,
                guide=guide_page(credential),
                summary=summary_page(credential),
                templates={item.id: template_page(credential, item) for item in items},
                handouts={item.id: handout_page(credential, item) for item in items if item.template.handout},
                pdf=pdf_links_for(credential, items),
                record=record_path(credential, RECORD_FILE),
                achievement=record_path(credential, ACHIEVEMENT_FILE),
            )
        guides = {credential_id: places.guide for credential_id, places in credentials.items()}
        return cls({stack.id: stack_page(stack) for stack in catalog.stacks}, credentials, guides)

    def __getitem__(self, credential: Credential) -> CredentialPlaces:
        return self.credentials[credential.id]

    def pdf_paths(self) -> list[str]:
        """Every PDF the site links to, so pages can link them before they exist."""
        return [
            path
            for places in self.credentials.values()
            for path in (places.pdf.guide, places.pdf.workbook, *places.pdf.handouts.values())
        ]
