"""The phrases the site composes in Python live in one file (templates/wording.yml), not in the code."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from credential_guides.wording import WORDING_FILE, Wording, wording

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "credential_guides"


def test_every_phrase_is_in_the_file_and_the_file_holds_only_phrases_the_code_uses() -> None:
    phrases = yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8"))
    assert set(phrases) == set(Wording.__dataclass_fields__)
    assert wording().overview_template == phrases["overview_template"]
    used = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE.glob("*.py") if path.name != "wording.py")
    for name in phrases:
        assert re.search(rf"\b(?:words|wording\(\))\.{name}\b", used), f"{name} is used nowhere"


def test_no_module_spells_a_phrase_of_the_wording_file() -> None:
    phrases = yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8"))
    fixed = [text.split("{")[0].strip() for text in phrases.values() if len(text.split("{")[0].strip()) > 8]
    for path in PACKAGE.glob("*.py"):
        if path.name in ("wording.py", "upgrade.py"):  # upgrade.py writes old files' headings as they were
            continue
        source = path.read_text(encoding="utf-8")
        for text in fixed:
            assert f'"{text}' not in source, f"{path.name} spells {text!r}: use wording()"
