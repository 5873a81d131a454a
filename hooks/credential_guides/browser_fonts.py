"""The fonts that PDFs made in the reader's browser embed, as a script the site serves.

A PDF for upload must embed its fonts (PDF/UA) and show what a teacher types
in any Latin, Greek or Cyrillic script, which the PDF standard fonts cannot.
The site ships DejaVu Sans (npm ``dejavu-fonts-ttf``; its license is beside
the files) as a script rather than as font files, because a page opened from
a folder (the offline copy) may load a script but may not fetch a file.

What DejaVu cannot draw (Arabic, Hebrew, Devanagari, Chinese, Japanese, Korean,
emoji) is drawn with Noto faces (npm ``@fontsource/noto-*``, SIL Open Font
License 1.1), each cut by its package into faces of a few hundred characters.
A PDF loads only the faces for the characters its answers hold, found through
an index of the faces' Unicode ranges, so a teacher writing English loads none.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONTS_DIR = Path(__file__).parent / "fonts"
FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
FONT_SCRIPT = "assets/javascripts/vendor/dejavu-sans.js"
"""Where the site serves the fonts, as ``window.cgPdfFonts = {regular: <base64>, bold: <base64>}``."""


@cache
def font_script() -> bytes:
    fonts = {
        name: base64.b64encode((FONTS_DIR / file).read_bytes()).decode("ascii") for name, file in FONT_FILES.items()
    }
    license = (FONTS_DIR / "DejaVu-LICENSE.txt").read_text(encoding="utf-8").replace("*/", "* /")
    notice = f"/* DejaVu Sans 2.37 (npm: dejavu-fonts-ttf), for PDFs made in this browser.\n\n{license}\n*/\n"
    return (notice + f"window.cgPdfFonts = {json.dumps(fonts)};\n").encode("utf-8")


FALLBACK_DIR = FONTS_DIR / "noto"
FALLBACK_FAMILIES = {
    "noto-sans-arabic": "arabic",
    "noto-sans-hebrew": "hebrew",
    "noto-sans-devanagari": "devanagari",
    "noto-emoji": None,
    "noto-sans-sc": None,
    "noto-sans-kr": None,
}
"""The Noto packages vendored under ``fonts/noto/``, in the order a character is looked up in them, each with
the one face of its script that is kept (the package's Latin and symbol faces claim characters that DejaVu
or the emoji draw better), or ``None`` where every face is kept (emoji and CJK come as numbered faces). A face
that draws nothing an earlier one does not is left out: Korean's faces of Chinese characters, say."""
FALLBACK_URL = "assets/javascripts/vendor/fonts/"
FALLBACK_INDEX = FALLBACK_URL + "index.js"
"""``window.cgPdfFallbackIndex = {faces: [name, ...], runs: "gap.length.face,..."}``: see ``face_runs``."""

_FACE = re.compile(
    r"@font-face\s*{[^}]*?url\(\./files/(?P<file>[^)]+)\.woff2\)[^}]*?unicode-range:\s*(?P<ranges>[^;]+);"
)


@dataclass(frozen=True)
class FallbackFace:
    family: str
    name: str
    ranges: tuple[tuple[int, int], ...]

    @property
    def path(self) -> Path:
        """The face as WOFF: fontkit (inside pdfkit) subsets a WOFF2 face from its transformed glyph table,
        which draws nothing in the PDF; a WOFF face is its TrueType tables, compressed."""
        return FALLBACK_DIR / self.family / f"{self.name}.woff"


def _code_points(ranges: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").removeprefix("u+").partition("-")
        spans.append((int(first, 16), int(last or first, 16)))
    return tuple(spans)


@cache
def fallback_faces() -> tuple[FallbackFace, ...]:
    """The faces each package's ``400.css`` names, with the characters it says each draws."""
    faces = []
    drawn: set[int] = set()
    for family, script in FALLBACK_FAMILIES.items():
        for match in _FACE.finditer((FALLBACK_DIR / family / "400.css").read_text(encoding="utf-8")):
            if script is not None and match["file"] != f"{family}-{script}-400-normal":
                continue
            face = FallbackFace(family, match["file"], _code_points(match["ranges"]))
            codes = {code for first, last in face.ranges for code in range(first, last + 1)}
            if codes - drawn:
                faces.append(face)
                drawn |= codes
    return tuple(faces)


def face_runs(faces: tuple[FallbackFace, ...]) -> str:
    """Which face draws each character, the first in lookup order that says it does, as runs of characters.

    Each run is ``gap.length.face`` in base 36: the characters from ``gap`` after the end of the run before
    it (from 0 for the first), ``length`` of them (empty for 1), drawn by ``faces[face]``. At about 24,000
    characters in 9,000 runs this is 56 KB, where a list of the packages' ranges is three times that.
    """
    owner: dict[int, int] = {}
    for at, face in enumerate(faces):
        for first, last in face.ranges:
            for code in range(first, last + 1):
                owner.setdefault(code, at)
    runs: list[list[int]] = []
    for code in sorted(owner):
        if runs and runs[-1][0] + runs[-1][1] == code and runs[-1][2] == owner[code]:
            runs[-1][1] += 1
        else:
            runs.append([code, 1, owner[code]])
    parts, end = [], 0
    for start, length, at in runs:
        parts.append(f"{_base36(start - end)}.{_base36(length) if length > 1 else ''}.{_base36(at)}")
        end = start + length
    return ",".join(parts)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text


@cache
def fallback_scripts() -> dict[str, bytes]:
    """The scripts the site serves for the Noto faces: the index, one per face, and each package's license."""
    faces = fallback_faces()
    index = {"faces": [face.name for face in faces], "runs": face_runs(faces)}
    scripts = {FALLBACK_INDEX: f"window.cgPdfFallbackIndex = {json.dumps(index, separators=(',', ':'))};\n".encode()}
    for family in FALLBACK_FAMILIES:
        scripts[f"{FALLBACK_URL}{family}-LICENSE.txt"] = (FALLBACK_DIR / family / "LICENSE").read_bytes()
    for face in faces:
        copyright = (FALLBACK_DIR / face.family / "LICENSE").read_text(encoding="utf-8").splitlines()[0]
        copyright = copyright.rstrip(".").replace("*/", "* /")
        license = f"SIL Open Font License 1.1: {face.family}-LICENSE.txt"
        notice = f"/* {face.name} (npm @fontsource/{face.family}). {copyright}. {license} */\n"
        data = json.dumps(base64.b64encode(face.path.read_bytes()).decode("ascii"))
        line = f"(window.cgPdfFallbackFonts = window.cgPdfFallbackFonts || {{}})[{json.dumps(face.name)}] = {data};\n"
        scripts[f"{FALLBACK_URL}{face.name}.js"] = (notice + line).encode("utf-8")
    return scripts
