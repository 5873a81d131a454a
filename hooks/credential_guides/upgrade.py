"""Rewrite data files of an older format to the current one, line by line.

Each step adds or changes whole lines and leaves every other byte of the file
as it was: comments, order, quoting and folding are the editor's. The build
runs the same steps in memory (``upgrade_text``) and ``credential-guides
upgrade`` writes their result, so the two cannot disagree. A value a step
cannot derive is written as a ``REPLACE:`` placeholder, which validation then
refuses by name.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .data_format import CURRENT_FORMAT, UNNUMBERED

FileKind = Literal["credential", "settings", "credentialing", "stacks", "resources", "citations", "artifact_kinds"]
REGISTRY_KINDS: tuple[FileKind, ...] = ("stacks", "resources", "citations", "artifact_kinds")
"""Registries: a list of entries under the key of their file name (before format 4, a bare list)."""

FORMAT_COMMENT = "# the data format this file is written for: see CHANGELOG.md"
KIND_PLACEHOLDER = "REPLACE: the id of an artifact kind from registries/artifact_kinds.yml"
_DECLARED = re.compile(r"^format:[ \t]*(\d+)[ \t]*(?:#.*)?$", re.M)
_PLAIN = re.compile(r"^[A-Za-z0-9][^:#\"'\n]*[^\s:#\"']$")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What release 0.1 printed for each part heading, before each guide gave its own (format 2).
HEADINGS_BEFORE_FORMAT_2 = {
    ("submission", "overview", "heading"): "Part 1. Overview Questions (Provides Context)",
    ("submission", "artifacts_heading"): "Part 2. Work Examples/Artifacts/Evidence",
    ("submission", "rubric_heading"): "Part 2. Rubric",
    ("submission", "reflection", "heading"): "Part 3. Reflection",
}


@dataclass(frozen=True)
class Change:
    line: int
    """The line in the upgraded file."""
    field: str
    message: str
    placeholder: bool = False
    """Whether the change wrote a placeholder that the editor must replace."""


@dataclass
class Upgraded:
    """A file's text in the current format, what changed, and where each line came from."""

    text: str
    from_format: int
    declared: bool = True
    """Whether the file said its format; a file without ``format:`` is read as format 1."""
    changes: list[Change] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)
    """``origin[n - 1]``: the line of the original file that line ``n`` of ``text`` comes from (or stands before)."""
    problems: list[Change] = field(default_factory=list)
    """What a step could not do by itself (a flow-style mapping, say), to be done by hand."""

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def original_line(self, line: int) -> int:
        if not self.origin:
            return line
        return self.origin[min(max(line, 1), len(self.origin)) - 1]


def declared_format(text: str) -> int | None:
    """The ``format:`` a file declares at its top level, read without parsing the file."""
    match = _DECLARED.search(text)
    return int(match.group(1)) if match else None


def needs_upgrade(text: str) -> bool:
    declared = declared_format(text)
    return declared is None or declared < CURRENT_FORMAT


class _Lines:
    """The file as lines, edited by whole lines, remembering where each came from."""

    def __init__(self, text: str, origin: list[int]) -> None:
        self.lines = text.splitlines(keepends=True)
        if self.lines and not self.lines[-1].endswith("\n"):
            self.lines[-1] += "\n"
        self.origin = origin or list(range(1, len(self.lines) + 1))
        self.edits: list[tuple[int, int, list[str]]] = []

    def insert(self, index: int, new: list[str]) -> None:
        self.edits.append((index, 0, new))

    def replace(self, index: int, *new: str) -> None:
        self.edits.append((index, 1, list(new)))

    def apply(self) -> list[int]:
        """Apply the edits bottom-up; return the new (0-based) index of each edit's first line, in edit order."""
        order = sorted(range(len(self.edits)), key=lambda i: (self.edits[i][0], i), reverse=True)
        for i in order:
            index, removed, new = self.edits[i]
            before = self.origin[index] if index < len(self.origin) else (self.origin[-1] if self.origin else 1)
            self.lines[index : index + removed] = new
            self.origin[index : index + removed] = [before] * len(new)
        starts = []
        for i, (index, _, _) in enumerate(self.edits):
            shift = sum(len(n) - r for j, (at, r, n) in enumerate(self.edits) if at < index or (at == index and j < i))
            starts.append(index + shift)
        self.edits = []
        return starts

    def text(self) -> str:
        return "".join(self.lines)


def _scalar(value: str) -> str:
    return value if _PLAIN.match(value) else json.dumps(value, ensure_ascii=False)


def _get(node: Node | None, key: str) -> tuple[ScalarNode, Node] | None:
    if not isinstance(node, MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _path(node: Node | None, *keys: str) -> Node | None:
    for key in keys:
        found = _get(node, key)
        node = found[1] if found else None
    return node


Step = Callable[[Node, _Lines, list[Change], list[Change]], None]


def _add_key(
    mapping: Node | None,
    key: str,
    value: str,
    lines: _Lines,
    where: tuple[str, ...],
    why: str,
    changes: list[Change],
    problems: list[Change],
    before: tuple[str, ...] = (),
) -> None:
    """Add ``key: value`` to a block mapping that lacks it, before the first of ``before`` (else its first key)."""
    if not isinstance(mapping, MappingNode) or not mapping.value or _get(mapping, key):
        return
    dotted = ".".join((*where, key))
    if mapping.flow_style:
        line = mapping.start_mark.line + 1
        problems.append(Change(line, dotted, f"add {key}: {value} by hand (this mapping is written {{…}} on one line)"))
        return
    anchor = next((found[0] for name in before if (found := _get(mapping, name))), mapping.value[0][0])
    column = mapping.value[0][0].start_mark.column
    index = anchor.start_mark.line
    if anchor is mapping.value[0][0] and anchor.start_mark.column != len(lines.lines[index]) - len(
        lines.lines[index].lstrip()
    ):
        # The first key shares its line with a "- " item marker: add the new key after that line's value instead.
        index = _after(mapping.value[0][1], lines)
    lines.insert(index, [f"{' ' * column}{key}: {value}\n"])
    changes.append(Change(index, dotted, f"added {key}: {value} ({why})", "REPLACE" in value))


def _after(value: Node, lines: _Lines) -> int:
    """The index of the line after ``value`` ends."""
    end = value.end_mark
    return end.line if end.column == 0 else end.line + 1


def _to_format_2(root: Node, lines: _Lines, changes: list[Change], problems: list[Change]) -> None:
    why = "format 2: the heading as release 0.1 printed it; change it to the guide's own wording"
    submission = _path(root, "submission")
    for where, heading in HEADINGS_BEFORE_FORMAT_2.items():
        parent = _path(root, *where[:-1])
        before = ("artifacts_intro", "artifacts") if parent is submission else ()
        _add_key(parent, where[-1], _scalar(heading), lines, where[:-1], why, changes, problems, before)


def _to_format_3(root: Node, lines: _Lines, changes: list[Change], problems: list[Change]) -> None:
    artifacts = _path(root, "submission", "artifacts")
    if not isinstance(artifacts, SequenceNode):
        return
    why = "format 3: every artifact names its kind; choose one"
    for index, artifact in enumerate(artifacts.value):
        if isinstance(artifact, MappingNode) and len(artifact.value) > 1 and not _get(artifact, "kind"):
            second = artifact.value[1][0].value
            where = ("submission", f"artifacts[{index}]")
            _add_key(artifact, "kind", json.dumps(KIND_PLACEHOLDER), lines, where, why, changes, problems, (second,))


def _format_line(root: Node, lines: _Lines, changes: list[Change], kind: FileKind, declared: int | None) -> None:
    """Declare the current format: replace an older ``format:``, or add it (a registry's list moves under a key)."""
    line = f"format: {CURRENT_FORMAT}    {FORMAT_COMMENT}\n"
    if declared is not None:
        found = _get(root, "format")
        assert found is not None
        index = found[0].start_mark.line
        lines.replace(index, line)
        changes.append(Change(index, "format", f"format {declared} → {CURRENT_FORMAT}"))
        return
    index = root.start_mark.line
    if kind in REGISTRY_KINDS and isinstance(root, SequenceNode):
        if root.flow_style:
            lines.replace(index, line, f"{kind}: {lines.lines[index].lstrip()}")
        else:
            lines.insert(index, [line, f"{kind}:\n"])
        changes.append(Change(index, "format", f"added format: {CURRENT_FORMAT}, the list now under {kind}:"))
        return
    lines.insert(index, [line])
    changes.append(Change(index, "format", f"added format: {CURRENT_FORMAT}"))


_STEPS: dict[FileKind, dict[int, Step]] = {"credential": {2: _to_format_2, 3: _to_format_3}}


def upgrade_text(text: str, kind: FileKind) -> Upgraded:
    """``text`` in the current format. Raises ``yaml.YAMLError`` on a file that is not YAML.

    Every step reads the original file and only adds lines (the format line
    may replace one), so the steps are independent and applied in one pass.
    """
    declared = declared_format(text)
    start = declared if declared is not None else UNNUMBERED
    if declared is not None and declared >= CURRENT_FORMAT:
        return Upgraded(text, start)
    root = yaml.compose(text, Loader=_LOADER)
    if root is None:
        return Upgraded(text, start)
    lines = _Lines(text, [])
    changes: list[Change] = []
    problems: list[Change] = []
    for target, step in sorted(_STEPS.get(kind, {}).items()):
        if target > start:
            step(root, lines, changes, problems)
    _format_line(root, lines, changes, kind, declared)
    starts = lines.apply()
    moved = [dataclasses.replace(c, line=at + 1) for c, at in zip(changes, starts, strict=True)]
    changes_by_line = sorted(moved, key=lambda c: c.line)
    return Upgraded(lines.text(), start, declared is not None, changes_by_line, lines.origin, problems)
