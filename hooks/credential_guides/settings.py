"""The district's settings in ``site.yml``: name, logo, colours, notes, what is shown.

Validated like the credential data, and applied to the catalog and to the
MkDocs configuration by the hook.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, get_args

from pydantic import ValidationInfo, field_validator

from .data_format import CURRENT_FORMAT, FormatNumber
from .model import Catalog, CredentialId, Markdown, Model, StackId, Text

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SITE_URL = re.compile(r"^https?://[^/\s?#]+(/[^\s?#]*)?$")
SITE_URL_EXAMPLE = "https://springfield-schools.github.io/pd-guides/"
WHITE = "#ffffff"


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class Colours(Model):
    """``primary`` is the header and link colour (white text on it, text on white:
    4.5:1 needed); ``accent`` marks focus and hover (3:1 against white needed)."""

    primary: Text = "#303f9f"
    accent: Text = "#c51162"

    @field_validator("primary", "accent")
    @classmethod
    def _readable(cls, value: str, info: ValidationInfo) -> str:
        needed = 4.5 if info.field_name == "primary" else 3.0
        if not HEX_COLOUR.match(value):
            raise ValueError(f"expected a six-digit colour like '#1f4e79', found {value!r}")
        ratio = contrast_ratio(value, WHITE)
        if ratio < needed:
            raise ValueError(f"expected a contrast of at least {needed}:1 with white, found {value} at {ratio:.1f}:1")
        return value


def normal_site_url(value: str) -> str:
    """An absolute http(s) address of the site's root, ending in "/"; ValueError otherwise."""
    if not SITE_URL.match(value):
        raise ValueError(f"expected the site's full address like {SITE_URL_EXAMPLE!r}, found {value!r}")
    return value if value.endswith("/") else value + "/"


class Hidden(Model):
    stacks: tuple[StackId, ...] = ()
    credentials: tuple[CredentialId, ...] = ()


Engine = Literal["mkdocs", "zensical"]
"""What turns the generated project into HTML: MkDocs with Material (the default), or Zensical."""
ENGINES: tuple[str, ...] = get_args(Engine)


class SiteSettings(Model):
    format: FormatNumber = CURRENT_FORMAT
    site_name: Text = "Educator Micro-Credential Guides"
    site_url: Text | None = None
    organization: Text | None = None
    logo: Text | None = None
    favicon: Text | None = None
    colors: Colours = Colours()
    contact: Text | None = None
    how_to_submit: Markdown | None = None
    footer: Text | None = None
    home_text: Markdown | None = None
    """Words of the district's own on the home page, after its introduction."""
    hidden: Hidden = Hidden()
    offline_zip: bool = True
    pdfs: bool = True
    paper: Literal["letter", "a4"] = "letter"
    """The paper of every PDF and Word file, built or made in the browser: US Letter, or A4."""
    engine: Engine = "mkdocs"
    """What builds the pages: mkdocs (MkDocs with Material for MkDocs) or zensical (its successor)."""

    @field_validator("site_url")
    @classmethod
    def _absolute_address(cls, value: str | None) -> str | None:
        return None if value is None else normal_site_url(value)

    @property
    def title(self) -> str:
        return f"{self.site_name} · {self.organization}" if self.organization else self.site_name


def missing_files(settings: SiteSettings, docs_dir: Path) -> list[tuple[str, str]]:
    """Logo or favicon paths that name no file under ``docs/``, or one outside it: (field, message)."""
    problems = []
    for name in ("logo", "favicon"):
        value = getattr(settings, name)
        if value is None:
            continue
        expected = "expected a file under docs/ (like 'assets/logo.svg')"
        if not (docs_dir / value).resolve().is_relative_to(docs_dir.resolve()):
            problems.append((name, f"{expected}, found {value!r}, which is outside docs/"))
        elif not (docs_dir / value).is_file():
            problems.append((name, f"{expected}, found {value!r}, which does not exist"))
    return problems


def shown(catalog: Catalog, hidden: Hidden) -> Catalog:
    """The catalog without the stacks and credentials the district hides."""
    stacks = tuple(s for s in catalog.stacks if s.id not in hidden.stacks)
    unlisted = tuple(s for s in catalog.stacks if s.id in hidden.stacks)
    credentials = tuple(
        c for c in catalog.credentials if c.stack not in hidden.stacks and c.id not in hidden.credentials
    )
    return catalog.model_copy(update={"stacks": stacks, "unlisted_stacks": unlisted, "credentials": credentials})
