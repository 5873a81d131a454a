"""Synthetic credential catalogs shaped like the real guides, for measuring the build at scale.

``write_project(dest, n)`` makes a project folder (links to this repository's
hooks, theme and hand-written pages, its own ``credentials_data/``) with ``n``
credentials spread over up to ten stacks. Each credential is one of the four
real guides with every text replaced by the same structure of made-up words:
all sections, rubric tables and templates are there, about 3,000 words each,
drawn from a Zipf-distributed vocabulary of 40,000 words so that search indexes
grow as they would with real, varied text (copies of one text would compress
to almost nothing and flatter the index).
"""

from __future__ import annotations

import math
import random
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "credentials_data"
LINKED_PARTS = ("hooks", "overrides")
# docs/ is copied: the build refuses a docs/ file that is a link out of the project.
COPIED_TREES = ("docs",)
COPIED_PARTS = ("mkdocs.yml", "site.yml")
WORDS_PER_CREDENTIAL = 3000
VOCABULARY_SIZE = 40_000
MAX_STACKS = 10
CREDENTIALS_PER_STACK = 50
# Values that are ids, numbers, enumerations or the license: kept as they are.
KEPT_KEYS = frozenset(
    {
        "id",
        "stack",
        "topic",
        "type",
        "unit",
        "kind",
        "accept",
        "each",
        "research",
        "resources",
        "question_list",
        "publisher",
        "partner",
        "license",
        "license_url",
        "last_revised",
    }
)
_SYLLABLES = [
    "ba",
    "ca",
    "da",
    "fa",
    "ga",
    "la",
    "ma",
    "na",
    "pa",
    "ra",
    "sa",
    "ta",
    "va",
    "be",
    "ce",
    "de",
    "fe",
    "le",
    "me",
    "ne",
    "pe",
    "re",
    "se",
    "te",
    "ve",
    "bi",
    "di",
    "fi",
    "li",
    "mi",
    "ni",
    "pi",
    "ri",
    "si",
    "ti",
    "vi",
    "bo",
    "co",
    "do",
    "fo",
    "lo",
    "mo",
    "no",
    "po",
    "ro",
    "so",
    "to",
    "vo",
    "bu",
    "cu",
    "du",
    "fu",
    "lu",
    "mu",
    "nu",
    "pu",
    "ru",
    "su",
    "tu",
    "en",
    "an",
    "in",
    "on",
    "ar",
    "er",
    "or",
    "al",
    "el",
    "il",
    "ment",
    "tion",
    "ing",
    "ness",
    "ship",
    "ful",
]


def vocabulary(size: int = VOCABULARY_SIZE, seed: int = 1) -> list[str]:
    """The real guides' own words first (the most frequent ranks), then made-up ones."""
    counts: Counter[str] = Counter()
    for path in sorted(DATA.glob("*.yml")):
        counts.update(w.strip(".,;:()“”\"'").lower() for w in _words(yaml.safe_load(path.read_text(encoding="utf-8"))))
    words = [w for w, _ in counts.most_common() if w.isalpha()]
    rng = random.Random(seed)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words[:size]


def _words(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, dict):
        return [w for v in value.values() for w in _words(v)]
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    return []


class _Writer:
    """Replaces text with Zipf-distributed words, keeping each text's share of the whole."""

    def __init__(self, words: list[str], rng: random.Random, scale: float) -> None:
        self.words = words
        self.rng = rng
        self.scale = scale
        weights = [1 / (rank + 1) ** 1.07 for rank in range(len(words))]
        total = sum(weights)
        running = 0.0
        self.cumulative = []
        for weight in weights:
            running += weight / total
            self.cumulative.append(running)

    def text(self, original: str) -> str:
        count = max(1, round(len(original.split()) * self.scale))
        chosen = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        sentence = " ".join(chosen)
        return sentence[0].upper() + sentence[1:] + ("." if count > 4 else "")

    def rewrite(self, value: Any, key: str = "") -> Any:
        if key in KEPT_KEYS:
            return value
        if key == "handout" and isinstance(value, dict):  # its fields are the ids of template fields
            return {k: v if k == "fields" else self.rewrite(v, k) for k, v in value.items()}
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self.rewrite(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self.rewrite(v, key) for v in value]
        return value


def stack_count(n: int) -> int:
    return max(1, min(MAX_STACKS, math.ceil(n / CREDENTIALS_PER_STACK)))


def synthetic_credentials(n: int, seed: int = 1) -> list[dict[str, Any]]:
    """``n`` credential documents, cycling over the shapes of the real guides."""
    shapes = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.yml"))]
    rng = random.Random(seed)
    words = vocabulary()
    stacks = stack_count(n)
    credentials = []
    for index in range(n):
        shape = shapes[index % len(shapes)]
        scale = WORDS_PER_CREDENTIAL / len(_words(shape))
        document = _Writer(words, rng, scale).rewrite(shape)
        document["id"] = f"credential-{index + 1:04d}"
        document["stack"] = f"stack-{index % stacks + 1:02d}"
        document["topic"] = None
        document["source"]["last_revised"] = "Mar 17, 2022"
        document.pop("source_notes", None)
        credentials.append(document)
    return credentials


def synthetic_stacks(n: int) -> dict[str, Any]:
    """The real stacks and a synthetic one per 50 credentials, as a stacks file of the current format."""
    registry = yaml.safe_load((DATA / "registries" / "stacks.yml").read_text(encoding="utf-8"))
    made = [
        {
            "id": f"stack-{number:02d}",
            "title": f"Synthetic Stack {number}",
            "publisher": "National Education Association (NEA)",
            "levels": ["Proficient", "Basic", "Developing"],
        }
        for number in range(1, stack_count(n) + 1)
    ]
    return {"format": registry["format"], "stacks": [*registry["stacks"], *made]}


def write_project(dest: Path, n: int, seed: int = 1) -> Path:
    """A buildable project at ``dest`` with ``n`` synthetic credentials."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in LINKED_PARTS:
        (dest / part).symlink_to(ROOT / part, target_is_directory=True)
    for part in COPIED_PARTS:
        shutil.copy2(ROOT / part, dest / part)
    for part in COPIED_TREES:
        shutil.copytree(ROOT / part, dest / part)
    data = dest / "credentials_data"
    shutil.copytree(DATA / "registries", data / "registries")
    _dump(data / "registries" / "stacks.yml", synthetic_stacks(n))
    for document in synthetic_credentials(n, seed):
        _dump(data / f"{document['id']}.yml", document)
    return dest


def _dump(path: Path, value: Any) -> None:
    path.write_text(yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
