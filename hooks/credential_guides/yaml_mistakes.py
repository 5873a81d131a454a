"""The YAML mistakes people make when editing a data file by hand, said in plain words.

The parser reports where it gave up ("mapping values are not allowed in this context"), often lines
after the mistake. When a file does not parse, ``find_mistake`` reads it line by line as a person
would and names the first line that breaks one of the rules below, what is wrong with it and what to
type instead. It is only asked about files the parser refused, and it must never flag a valid file
(the tests run it over every shipped data file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY = re.compile(
    r"^(?P<indent> *)(?P<dash>(?:- +)+)?"
    r"(?:(?P<key>'[^']*'|\"[^\"]*\"|[^\s#'\"\[\]{},&*!|>%@`-][^:#]*?):(?=\s|$)(?P<rest>.*))?(?P<item>.*)$"
)
_NO_SPACE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s/].*)$")
"""A field name and its value with no space between (``title:Reading``), which YAML reads as one text."""
_BLOCK_TEXT = re.compile(r"^[|>](?:[-+]?\d?|\d[-+])$")
_TABLE_ROW = re.compile(r"^\s*#")


@dataclass(frozen=True)
class Mistake:
    line: int
    field: str
    message: str
    fixed: str
    """The line as the message says to write it."""


@dataclass
class _Level:
    indent: int
    key: str
    line: int


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value_without_comment(rest: str) -> str:
    """The value of a ``key: value`` line without its anchor (``&name``) and trailing `` # comment``."""
    value = re.sub(r"^&\S+\s*", "", rest.strip())
    if value[:1] in tuple("\"'[{"):
        end = _closing_quote(value) if value[0] in "\"'" else _flow_end(value)[0]
        if end < 0:
            return value
        return (value[: end + 1] + re.split(r"(?:^|\s+)#", value[end + 1 :], maxsplit=1)[0]).strip()
    return re.split(r"(?:^|\s+)#", value, maxsplit=1)[0].strip()


def _closing_quote(value: str) -> int:
    """Where the quoted scalar that ``value`` opens ends, or -1 if it does not end on this line."""
    quote = value[0]
    index = 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


def _flow_end(text: str, depth: int = 0, quote: str = "") -> tuple[int, int, str]:
    """Where the list or mapping in brackets that ``text`` opens closes (-1: not in ``text``), with the
    depth and the open quote at the end of ``text`` to go on with on the next line."""
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if quote == '"' and char == "\\":
                index += 1
            elif char == quote and not (quote == "'" and text[index + 1 : index + 2] == "'"):
                quote = ""
            elif char == quote:
                index += 1
        elif char in "\"'" and text[:index].rstrip()[-1:] in ("", "[", "{", ",", ":"):
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index, 0, ""
        elif char == "#" and text[index - 1 : index] in (" ", ""):
            break
        index += 1
    return -1, depth, quote


def _closes_later(lines: list[str], number: int, value: str) -> int | None:
    """The line on which a quoted text or a list in brackets that ``value`` opens (on line ``number``) and
    that does not end on it ends, if it ends a value there; None if it never does."""
    depth, quote = 0, ""
    for later, rest in enumerate([value, *lines[number:]], start=number):
        if value[0] in "\"'":
            end = _closing_quote(rest if later == number else value[0] + rest)
            rest = rest if later == number else value[0] + rest
        else:
            end, depth, quote = _flow_end(rest, depth, quote)
        if end >= 0:
            after = rest[end + 1 :].strip()
            return later if not after or after.startswith("#") else None
    return None


def _goes_on(value: str) -> bool:
    """Whether ``value`` opens a quoted text or a list in brackets that does not end on its line."""
    if value[:1] in tuple("\"'"):
        return _closing_quote(value) < 0
    return value[:1] in tuple("[{") and _flow_end(value)[0] < 0


def _value_mistake(key: str, value: str) -> tuple[str, str] | None:
    """What is wrong with the value of ``key: value`` (of a list item if ``key`` is empty), and the value to
    write instead; None if nothing is."""
    shown = f"{key}: " if key else "- "
    if value[:1] in tuple("\"'"):
        end = _closing_quote(value)
        if end < 0:
            fixed = value + value[0]
            return (
                f"expected the text that opens with {value[0]} to close with {value[0]} on the same line, "
                f"found no closing {value[0]}: end it with {value[0]}, as in {shown}{fixed}",
                fixed,
            )
        after = value[end + 1 :].strip()
        if after and not after.startswith("#"):
            fixed = _quoted(value[1:end] + value[end + 1 :])
            return (
                f"expected the text to end at its closing quote, found {after!r} after it: "
                f"put all of the text inside the quotes, as in {shown}{fixed}",
                fixed,
            )
        return None
    if value[:1] in tuple("[{"):
        close = "]" if value[0] == "[" else "}"
        if _flow_end(value)[0] < 0:
            return (
                f"expected the list that opens with {value[0]!r} to close with {close!r} on the same line, "
                f"found none: end it with {close!r}, as in {shown}{value}{close}",
                value + close,
            )
        return None
    if value[:1] in tuple("|>&*!%@`") or not key:
        return None
    if ": " in value or value.endswith(":"):
        return (
            f"expected ': ' only after the field name, found it inside the text {value!r}: "
            f"put the text in double quotes, as in {key}: {_quoted(value)}",
            _quoted(value),
        )
    return None


def find_mistake(text: str) -> Mistake | None:
    """The first line of ``text`` (a YAML file the parser refused) that breaks a rule a person can fix."""
    levels: list[_Level] = [_Level(-1, "", 0)]
    opener: _Level | None = None
    """The line before, when it opened a block (``key:`` with nothing after it): its children are deeper."""
    text_block: int | None = None
    """The indent of a ``key: |`` or ``key: >`` line whose block of text the following lines are."""
    plain_indent: int | None = None
    """The indent of a line whose plain text may go on, deeper, on the lines below it."""
    indents = [len(line) - len(line.lstrip(" ")) for line in text.splitlines() if line.strip()]
    uses_even_indents = sum(indent % 2 for indent in indents) * 10 < len(indents)
    """Two spaces per level, but for a line or two: an odd indent is then a mistake, not a style."""
    lines = text.splitlines()
    inside_quote = 0
    """The last line of a quoted text that goes on over several lines (as a dump of a long text writes it)."""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if number <= inside_quote or not stripped or _TABLE_ROW.match(line):
            continue
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if text_block is not None:
            if indent > text_block:
                continue
            text_block = None
        if body.startswith("\t"):
            name = _ENTRY.match(body.lstrip(" \t"))["key"] or ""  # type: ignore[index]
            return Mistake(
                number,
                _field(levels, indent + 1, name),
                "expected spaces to indent the line, found a tab: replace the tab with spaces, two for each level",
                line.replace("\t", "  "),
            )
        entry = _ENTRY.match(line)
        assert entry is not None
        dash, key = entry["dash"], entry["key"]
        if plain_indent is not None and indent > plain_indent and not key and not dash:
            continue
        plain_indent = None
        field = _field(levels, indent, key or "")
        if re.match(r"^-[^\s-]", body):
            return Mistake(
                number,
                field,
                f"expected a space after '-' to start a list item, found {body!r}: write - {body[1:]}",
                f"{' ' * indent}- {body[1:]}",
            )
        no_space = _NO_SPACE.match(body[len(dash or "") :]) if not key else None
        if no_space:
            name, value = no_space["key"], no_space["value"]
            return Mistake(
                number,
                _field(levels, indent, name),
                f"expected a space after '{name}:', found '{name}:{value}': write {name}: {value}",
                line.replace(f"{name}:", f"{name}: ", 1),
            )
        wrong = _wrong_depth(levels, opener, indent, bool(dash), uses_even_indents)
        if wrong is not None:
            expected, like = wrong
            return Mistake(
                number,
                _field(levels, expected, key or ""),
                f"expected {expected} spaces before {body.split(' #')[0]!r} ({like}), found {indent}: "
                "line it up with the lines it belongs with",
                " " * expected + body,
            )
        while levels[-1].indent > indent or (levels[-1].indent == indent and (not dash or levels[-1].key == "-")):
            levels.pop()
        opener = None
        own = _Level(indent, key or "", number)
        if dash:
            levels += [_Level(indent + m.start(), "-", number) for m in re.finditer("-", dash)]
            own = _Level(indent + len(dash), key or "", number)
        if key:
            levels.append(own)
            value = _value_without_comment(entry["rest"])
            if not value:
                opener = own
            elif _BLOCK_TEXT.match(value):
                text_block = own.indent
            else:
                closes = _closes_later(lines, number, value) if _goes_on(value) else None
                wrong_value = None if closes else _value_mistake(key, value)
                if wrong_value:
                    message, fixed = wrong_value
                    return Mistake(number, field, message, line.replace(value, fixed, 1))
                inside_quote = closes or 0
                plain_indent = own.indent if value[:1] not in tuple("\"'[{") else None
        elif dash:
            value = _value_without_comment(entry["item"])
            if not value:
                opener = levels[-1]
            elif _BLOCK_TEXT.match(value):
                text_block = indent
            else:
                closes = _closes_later(lines, number, value) if _goes_on(value) else None
                wrong_value = None if closes else _value_mistake("", value)
                if wrong_value:
                    message, fixed = wrong_value
                    return Mistake(number, field, message, line.replace(value, fixed, 1))
                inside_quote = closes or 0
                plain_indent = indent if value[:1] not in tuple("\"'[{") else None
        else:
            plain_indent = indent
    return None


def _wrong_depth(
    levels: list[_Level], opener: _Level | None, indent: int, dash: bool, even: bool
) -> tuple[int, str] | None:
    """If a line at ``indent`` cannot be where it is: the indent it should have and which line says so."""
    if opener is not None:
        deeper = indent > opener.indent or (dash and indent == opener.indent)
        if deeper and (not even or indent % 2 == 0):
            return None
        if deeper:
            return opener.indent + 2, f"one level deeper than {opener.key or 'the list item'!r} on line {opener.line}"
    siblings = [level for level in levels[1:] if level.key != "-" or dash]
    if any(level.indent == indent for level in siblings) or indent == 0:
        return None
    nearest = min(siblings, key=lambda level: (abs(level.indent - indent), -level.line), default=None)
    if nearest is None:
        return 0, "as the file's first field"
    name = "the list item" if nearest.key in ("", "-") else repr(nearest.key)
    return nearest.indent, f"as {name} on line {nearest.line}"


def _field(levels: list[_Level], indent: int, key: str = "") -> str:
    """The dotted names of the fields a line at ``indent`` (naming ``key``) is inside."""
    names = [level.key for level in levels[1:] if level.indent < indent and level.key not in ("", "-")]
    return ".".join([*names, key] if key else names)
