"""The fonts that PDFs made in the reader's browser embed, as a script the site serves.

A PDF for upload must embed its fonts (PDF/UA) and show what a teacher types
in any Latin, Greek or Cyrillic script, which the PDF standard fonts cannot.
The site ships DejaVu Sans (npm ``dejavu-fonts-ttf``; its license is beside
the files) as a script rather than as font files, because a page opened from
a folder (the offline copy) may load a script but may not fetch a file.
"""

from __future__ import annotations

import base64
import json
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
