"""Data formats: which shape of YAML each release reads, and the number every file declares.

A release that changes what a data file or ``site.yml`` must hold bumps
``CURRENT_FORMAT`` and adds a step to ``upgrade.py`` that rewrites a file of
the previous format. Files written before formats were numbered (releases
0.1–0.4) declare none and are read as format 1; every step only adds what is
missing, so reading them as older than they are changes nothing wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Strict

CURRENT_FORMAT = 4
UNNUMBERED = 1
"""The format a file without ``format:`` is read as."""


@dataclass(frozen=True)
class Release:
    version: str
    format: int
    commit: str


RELEASES = (
    Release("0.1.0", 1, "f1eb877"),
    Release("0.2.0", 1, "8a02c09"),
    Release("0.3.0", 2, "8cad819"),
    Release("0.4.0", 3, "afb792a"),
    Release("0.5.0", 4, ""),
)
"""Every release and the data format it reads (CHANGELOG.md says what changed)."""


def releases_of(data_format: int) -> str:
    """``"0.1.0–0.2.0"``: the releases whose data files are written in ``data_format``."""
    versions = [r.version for r in RELEASES if r.format == data_format]
    if not versions:
        return "no release"
    return versions[0] if len(versions) == 1 else f"{versions[0]}–{versions[-1]}"


def written_for(data_format: int, declared: bool) -> str:
    """How an older file's format reads in a message."""
    if not declared:
        last = max(r.version for r in RELEASES if r.format < 4)
        return f"written before data formats were numbered (release {last} or earlier)"
    return f"written for data format {data_format} (release {releases_of(data_format)})"


def _current(value: int) -> int:
    if value > CURRENT_FORMAT:
        raise ValueError(
            f"expected data format {CURRENT_FORMAT} or older (this copy's engine reads up to {CURRENT_FORMAT}), "
            f"found {value}: the file was written for a newer release; merge that release into this copy"
        )
    if value < 1:
        raise ValueError(f"expected a data format number 1–{CURRENT_FORMAT}, found {value}")
    return value


FormatNumber = Annotated[int, Strict(), AfterValidator(_current)]
"""``format:`` at the top of every data file and ``site.yml``."""
