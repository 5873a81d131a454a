"""Each guide's words in order, with their case and punctuation, against the page that reproduces it.

The one list of differences the check allows lives here, each with its reason.
Format changes are allowed (CC BY-NC-ND 4.0 permits them); changed, missing or
reordered words are not. The site's own additions (the source box, template
links, notes) are words the guide does not have, so they never count: only
the guide's words that the page does not carry, in order, are differences.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

GUIDE_PAGES = {
    "000_7357f65af24c0283.txt": "family-community-engagement/family-engagement-access-opportunities",
    "001_014fd697d3eac72f.txt": "family-community-engagement/linking-family-engagement-learning-outcomes",
    "002_5ddfb246005c2bba.txt": "family-community-engagement/community-partnerships-learning-well-being",
    "003_9669f6bce185a43d.txt": "multilingual-learners/multilingual-learner-family-caregiver-engagement",
}


@dataclass(frozen=True)
class Rule:
    """A difference of format between the extracted guide and the page, removed before comparing."""

    name: str
    pattern: str
    replacement: str
    reason: str


FORMAT_RULES = (
    Rule(
        "page footers",
        r"(?m)^\s*(Except where otherwise noted, this work is licensed under:|"
        r"<?https?://creativecommons\.org/licenses/by-nc-nd/4\.0/>?|Family and Community and Engagement|"
        r"Multilingual Learners|Last Revised on .*)\s*$",
        " ",
        "the PDF's running footer, repeated on every page of the extraction; the page shows the license and "
        "date once, in its source box",
    ),
    Rule(
        "word split by the extraction",
        r"Information-Gath\nering",
        "Information-Gathering",
        "the extraction broke one word across two lines of a flattened table",
    ),
    Rule(
        "table markup",
        r"<[^>\s]+(?:\s[^>]*)?>",
        " ",
        "the extraction kept some tables as HTML tags; the page renders tables",
    ),
    Rule(
        "lost addresses",
        r"\[([^\]]*)\]\(#\)",
        r"\1",
        "links whose address the extraction lost, written [Title](#); the page shows the title without a link",
    ),
    Rule(
        "Markdown links",
        r"\[((?:[^\[\]]|\\[\[\]])*)\]\([^)\s]+\)",
        r"\1",
        "links written in Markdown by the extraction; the page renders them as links",
    ),
    Rule(
        "Markdown emphasis",
        r"(\*\*|\*)(\S(?:.*?\S)?)\1",
        r"\2",
        "bold and italics written as **…** and *…*; the page renders them",
    ),
    Rule(
        "Markdown escapes",
        r"\\([\\()\[\]*_#.-])",
        r"\1",
        "characters the extraction escaped for Markdown, such as \\( and \\[",
    ),
    Rule(
        "bullets",
        r"(?m)^[ \t]*(?:[-●•][ \t]*)+",
        "",
        "the extraction's bullet glyphs ('●', '-', '-Word'); the page renders lists",
    ),
    Rule(
        "stray bullets",
        r"●",
        " ",
        "bullet glyphs the extraction left inside lines",
    ),
    Rule(
        "title dashes",
        r"(?m)^(Artifact \d+: [^—\n]+)—",
        r"\1 ",
        "an artifact's title ran into its instructions with an em dash ('Purpose of Event—Describe'); "
        "the page prints the title as its heading",
    ),
)

ADDED_ADDRESSES = re.compile(r"\(?https?://\S+?\)?[.,;]?")
ADDED_ADDRESSES_REASON = (
    "a link's address printed in words beside its title, inside the guide's sentence, so that a printed copy "
    "keeps it; words the site adds otherwise are whole blocks of its own (the source box, template links, notes)"
)

RUBRIC_REASON = (
    "rubric tables: the extraction read them column by column or as flat text, the page is a table read "
    "row by row, so a rubric cell's words appear elsewhere in the sequence, whole, in the page's rubric"
)

KNOWN_DIFFERENCES: dict[str, dict[str, str]] = {}
"""Per guide, seed words the page does not reproduce in place, with the reason. None at present:
every remaining difference is a format rule above or a rubric cell."""


class _Article(HTMLParser):
    """The visible text of a page's article, as words with the block boundaries between them.

    Inline markup does not split words; text in the rubric tables is kept apart, as its cells.
    """

    BLOCKS = frozenset(
        {"p", "li", "ul", "ol", "td", "th", "tr", "table", "caption", "div", "h1", "h2", "h3", "h4", "h5", "h6"}
        | {"br", "dt", "dd", "dl", "section", "details", "summary", "blockquote", "figure", "figcaption"}
    )
    SKIPPED = frozenset({"script", "style", "nav", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = [""]
        """The article's text outside the rubric tables, one entry per block."""
        self.cells: list[str] = [""]
        """The rubric tables' text, one entry per cell, heading or descriptor."""
        self._in_article = 0
        self._skip = 0
        self._rubric = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._in_article += 1
        if tag in self.SKIPPED:
            self._skip += 1
        if tag == "table" and (self._rubric or ("class", "cg-rubric") in attrs):
            self._rubric += 1
        if tag in self.BLOCKS:
            self._out().append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self._out().append("")
        if tag in self.SKIPPED and self._skip:
            self._skip -= 1
        if tag == "table" and self._rubric:
            self._rubric -= 1
        if tag == "article":
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if self._in_article and not self._skip:
            out = self._out()
            out[-1] += data

    def _out(self) -> list[str]:
        return self.cells if self._rubric else self.blocks


def seed_words(text: str, rules: tuple[Rule, ...] = FORMAT_RULES) -> list[str]:
    for rule in rules:
        text = re.sub(rule.pattern, rule.replacement, text)
    return text.split()


@dataclass(frozen=True)
class PageWords:
    words: list[str]
    """The article's words in order, outside the rubric tables."""
    starts_block: list[bool]
    """For each word, and one past the last, whether a block (a paragraph, heading, list item) starts there."""
    cells: list[list[str]]
    """The words of each rubric cell: its headings and descriptors."""


def page_words(html: str) -> PageWords:
    parser = _Article()
    parser.feed(html)
    words: list[str] = []
    starts: list[bool] = []
    for block in parser.blocks:
        for index, word in enumerate(block.split()):
            words.append(word)
            starts.append(index == 0)
    starts.append(True)
    cells = [cell.split() for cell in parser.cells if cell.split()]
    return PageWords(words, starts, cells)


@dataclass(frozen=True)
class Difference:
    seed: str
    page: str

    def __str__(self) -> str:
        return f"guide: {self.seed!r} → page: {self.page!r}"


def differences(seed: list[str], page: PageWords, known: dict[str, str]) -> list[Difference]:
    """Where the page does not carry the guide's words in order.

    Allowed: the guide's rubric cells, which the page holds whole in its tables in another order;
    the site's own additions, which are whole blocks (a word added inside a guide's sentence is not);
    and the known differences.
    """
    matcher = difflib.SequenceMatcher(None, seed, page.words, autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        missing = " ".join(seed[i1:i2])
        added = " ".join(page.words[j1:j2])
        seed_ok = not missing or missing in known or _rubric_cells(seed[i1:i2], page.cells)
        added_ok = (
            not added
            or (page.starts_block[j1] and page.starts_block[j2])
            or all(ADDED_ADDRESSES.fullmatch(word) for word in page.words[j1:j2])
        )
        if not (seed_ok and added_ok):
            found.append(Difference(missing, added))
    return found


def _rubric_cells(words: list[str], cells: list[list[str]]) -> bool:
    """Whether ``words`` are the page's rubric cells, in the extraction's jumbled order.

    The extraction read the rubric tables column by column, and broke cells across lines, so a
    cell's words come in pieces. Each piece must stand, as it is, inside one cell of the page:
    at least three words of it, or a whole cell (a heading such as "Proficient").
    """
    tokens = [word.lstrip("-") for word in words if word.lstrip("-")]
    whole = {tuple(cell) for cell in cells}
    pieces = {tuple(cell[a:b]) for cell in cells for a in range(len(cell)) for b in range(a + 1, len(cell) + 1)}
    i = 0
    while i < len(tokens):
        length = 0
        while i + length < len(tokens) and tuple(tokens[i : i + length + 1]) in pieces:
            length += 1
        if length < MIN_RUBRIC_PIECE and tuple(tokens[i : i + length]) not in whole:
            return False
        i += length
    return bool(tokens)


MIN_RUBRIC_PIECE = 3


def guide_differences(seeds: Path, site: Path, name: str) -> list[Difference]:
    seed = seed_words((seeds / name).read_text(encoding="utf-8"))
    html = (site / GUIDE_PAGES[name] / "index.html").read_text(encoding="utf-8")
    return differences(seed, page_words(html), KNOWN_DIFFERENCES.get(name, {}))
