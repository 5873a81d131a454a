"""GitHub Pages publishes no site over 1 GB: say so at build time, with the figures and what to turn off."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

LIMIT_ENV = "CG_SITE_LIMIT_MB"
PAGES_LIMIT_MB = 1000
"""GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB"."""
MB = 1_000_000


@dataclass(frozen=True)
class SitePart:
    name: str
    bytes: int
    turn_off: str | None = None
    """The setting in ``site.yml`` that leaves this part out, if any."""


class SiteTooLarge(Exception):
    pass


def limit_mb() -> int:
    """1,000 MB, or ``$CG_SITE_LIMIT_MB`` for hosts with another limit."""
    value = os.environ.get(LIMIT_ENV, "").strip()
    if not value:
        return PAGES_LIMIT_MB
    if not value.isdigit() or int(value) == 0:
        raise SiteTooLarge(f"{LIMIT_ENV}: expected a whole number of megabytes like 1000, found {value!r}")
    return int(value)


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def files_bytes(paths: Iterable[Path]) -> int:
    return sum(path.stat().st_size for path in paths)


def check_site_size(parts: list[SitePart], limit: int) -> str:
    """A one-line summary of the parts' sizes; SiteTooLarge with what to turn off if they exceed ``limit`` MB."""
    total = sum(part.bytes for part in parts)
    figures = ", ".join(f"{part.name} {_mb(part.bytes)}" for part in parts)
    summary = f"site {_mb(total)} ({figures}) of the {limit:,} MB a GitHub Pages site may have"
    if total <= limit * MB:
        return summary
    advice = [
        f"  - {part.turn_off} in site.yml leaves out {part.name} ({_mb(part.bytes)})"
        for part in sorted(parts, key=lambda p: -p.bytes)
        if part.turn_off
    ]
    raise SiteTooLarge(
        "\n".join(
            [
                f"The site would be {_mb(total)}, over the {limit:,} MB GitHub Pages publishes ({figures}).",
                "Nothing was published. To make it fit, turn off what your educators can spare:",
                *advice,
                "  - or list stacks or credentials under hidden: in site.yml",
            ]
        )
    )


def _mb(count: int) -> str:
    return f"{count / MB:,.1f} MB"
