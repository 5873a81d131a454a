"""Strict YAML reading: safe tags only, no duplicate keys, a line for every value.

PyYAML's ``safe_load`` keeps the last of two duplicate keys and forgets where
each value came from. Composing the node graph ourselves lets us refuse
duplicates and remember the line of every mapping key and sequence item, so a
validation error can point at the line to edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import DataError
from .placeholders import is_placeholder
from .yaml_mistakes import Mistake, find_mistake

Loc = tuple[str | int, ...]
MAX_FILE_MB = 5
MAX_FILE_BYTES = MAX_FILE_MB * 1_000_000
"""A data file's size, checked before it is read: the largest real file is 22 KB, a registry for 500
credentials about 1 MB, and reading 20 MB of YAML takes seconds."""
MAX_VALUES = 50_000
"""Values one file may hold once aliases are expanded: the largest real file has about 1,000, and
nine levels of nine aliases ("a billion laughs") would expand to 387 million and never finish."""
# libyaml's parser is about ten times faster and keeps the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class LineMap:
    """Line numbers (1-based) of every location in a parsed document."""

    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc``, or of its nearest enclosing location."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


@dataclass
class YamlDocument:
    data: Any
    lines: LineMap
    placeholders: dict[Loc, str] = field(default_factory=dict)
    """Text values a scaffold or an upgrade left to fill in ("REPLACE: …"), by location."""


class _TooManyValues(Exception):
    def __init__(self, node: Node, loc: Loc) -> None:
        self.node = node
        self.loc = loc


class _Reader:
    def __init__(self, display_name: str) -> None:
        self.display_name = display_name
        self.errors: list[DataError] = []
        self.lines = LineMap()
        self._scalars = SafeConstructor()
        self._values = 0
        self._collections: set[int] = set()
        self.placeholders: dict[Loc, str] = {}
        self.aliased = False
        """Whether a list or mapping was read twice: an alias (``*name``) repeated it."""

    def error(self, node: Node, loc: Loc, message: str) -> None:
        self.errors.append(DataError(self.display_name, node.start_mark.line + 1, format_loc(loc), message))

    def convert(self, node: Node, loc: Loc) -> Any:
        self._values += 1
        if self._values > MAX_VALUES:
            raise _TooManyValues(node, loc)
        self.lines.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, ScalarNode):
            try:
                value = self._scalars.construct_object(node, deep=True)
            except ConstructorError:
                self.error(node, loc, f"expected plain YAML data, found the tag {node.tag!r}")
                return None
            if isinstance(value, str) and is_placeholder(value):
                self.placeholders[loc] = value
            return value
        if isinstance(node, (SequenceNode, MappingNode)):
            self.aliased = self.aliased or id(node) in self._collections
            self._collections.add(id(node))
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self.error(node, loc, f"expected plain YAML data, found the tag {node.tag!r}")
            return [self.convert(item, (*loc, index)) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        self.error(node, loc, f"expected plain YAML data, found {type(node).__name__}")
        return None

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[Any, Any]:
        if node.tag != "tag:yaml.org,2002:map":
            self.error(node, loc, f"expected plain YAML data, found the tag {node.tag!r}")
        result: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = self.convert(key_node, (*loc, "<key>"))
            if not isinstance(key, (str, int)):
                self.error(key_node, loc, f"expected a field name, found {key!r}")
                continue
            key_line = key_node.start_mark.line + 1
            if key in result or key in first_line:
                self.error(
                    key_node,
                    (*loc, key),
                    f"expected each field once, found {key!r} again (first on line {first_line[key]}): "
                    "keep one of the two lines and delete the other",
                )
                continue
            first_line[key] = key_line
            self.lines.lines[(*loc, key)] = key_line
            result[key] = self.convert(value_node, (*loc, key))
        self.lines.lines.pop((*loc, "<key>"), None)
        return result


def format_loc(loc: Loc) -> str:
    """``("a", 0, "b")`` becomes ``a[0].b``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_TOP_LEVEL_KEY = re.compile(rb"^([A-Za-z_][\w-]*)\s*:", re.M)


def _too_large(raw: bytes, display_name: str) -> DataError:
    """The file is too large to read: name the top-level field that takes most of it, without parsing."""
    starts = [(m.start(), m.group(1).decode("ascii")) for m in _TOP_LEVEL_KEY.finditer(raw)] or [(0, "")]
    ends = [start for start, _ in starts[1:]] + [len(raw)]
    (start, key), end = max(zip(starts, ends, strict=True), key=lambda item: item[1] - item[0][0])
    message = f"expected a file of at most {MAX_FILE_MB} MB, found {len(raw) / 1_000_000:,.1f} MB"
    if key:
        message += f", {(end - start) / 1_000_000:,.1f} MB of it in this field"
    return DataError(display_name, raw.count(b"\n", 0, start) + 1, key, message)


def _parses_further(text: str, mistake: Mistake, failed_on: int) -> bool:
    """Whether the file, with the line changed as ``mistake`` says, parses past line ``failed_on``: the
    plain-words reading of the mistake is then the one to show, not a guess that leads nowhere."""
    lines = text.splitlines()
    lines[mistake.line - 1] = mistake.fixed
    try:
        yaml.compose("\n".join(lines), Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return mark is not None and mark.line + 1 > failed_on
    except yaml.YAMLError:
        return False
    return True


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[DataError]]:
    """Parse one YAML file strictly.

    Returns the document (None if it could not be parsed at all) and the errors
    found. A duplicate key or a refused tag is an error but still yields a
    document, so that validation can report the file's other problems too.
    """
    return parse_yaml(path.read_bytes(), display_name)


def parse_yaml(raw: bytes, display_name: str) -> tuple[YamlDocument | None, list[DataError]]:
    """``read_yaml`` for bytes already read."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [_too_large(raw, display_name)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, [DataError(display_name, line, "", f"expected UTF-8 text, found the byte 0x{byte}")]
    if not text.strip():
        return None, [DataError(display_name, 1, "", "expected YAML data, found an empty file")]
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        mistake = find_mistake(text)
        if mistake is not None and mistake.line <= line and _parses_further(text, mistake, line):
            return None, [DataError(display_name, mistake.line, mistake.field, mistake.message)]
        problem = exc.problem or "invalid YAML"
        context = exc.context_mark
        if exc.context and context is not None and context.line + 1 != line:
            problem += f" ({exc.context} started on line {context.line + 1})"
        return None, [DataError(display_name, line, "", f"expected valid YAML, found a syntax error: {problem}")]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        character = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        return None, [DataError(display_name, line, "", f"expected YAML text, found the control character {character}")]
    except yaml.YAMLError as exc:
        return None, [DataError(display_name, 1, "", f"expected valid YAML, found: {exc}")]
    if node is None:
        return None, [DataError(display_name, 1, "", "expected YAML data, found only comments")]
    reader = _Reader(display_name)
    try:
        data = reader.convert(node, ())
    except _TooManyValues as exc:
        message = f"expected at most {MAX_VALUES:,} values in one file, found more"
        if reader.aliased:
            message += " (YAML aliases (*name) repeat what they point to; write the values out instead)"
        # Expanded aliases carry the marks of what they point to; name the top-level field being read instead.
        top = exc.loc[:1]
        return None, [DataError(display_name, reader.lines.line_of(top), format_loc(top), message)]
    return YamlDocument(data, reader.lines, reader.placeholders), reader.errors
