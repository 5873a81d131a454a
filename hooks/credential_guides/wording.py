"""The phrases the site composes in Python, read from ``templates/wording.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

WORDING_FILE = Path(__file__).parent / "templates" / "wording.yml"


@dataclass(frozen=True)
class Wording:
    overview_template: str
    artifact_template: str
    reflection_template: str
    rubric_self_check: str
    passing_self_check: str
    achievement_target: str
    criteria_rated: str
    criteria_levels_joiner: str


@cache
def wording() -> Wording:
    """The phrases, checked once: every one present, no other."""
    return Wording(**yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8")))
