"""Read one data file of any released format: older files are upgraded in memory first.

The build reads what every earlier release wrote. A file of an older format is
upgraded in memory with the same steps as ``credential-guides upgrade`` and its
errors point at the lines of the file as it is on disk. Where the upgrade would
need a value it cannot derive, the build stops and names the command.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .data_format import CURRENT_FORMAT, written_for
from .errors import DataError
from .strict_yaml import MAX_FILE_BYTES, YamlDocument, parse_yaml
from .upgrade import FileKind, needs_upgrade, upgrade_text

log = logging.getLogger("mkdocs.plugins.credential_guides")
UPGRADE_COMMAND = "./dev credential-guides upgrade"


@dataclass(frozen=True)
class OlderFile:
    file: str
    data_format: int
    declared: bool

    def __str__(self) -> str:
        return f"{self.file} (format {self.data_format})" if self.declared else f"{self.file} (no format: line)"


BOM = b"\xef\xbb\xbf"
"""The UTF-8 byte-order mark some Windows editors write first."""


def as_unix_text(raw: bytes) -> bytes:
    """A file's bytes as every reader here expects them: no UTF-8 byte-order mark, and lines that end in
    LF, whether a Windows (CRLF) or an old Mac (CR) editor saved it, so its format, its line numbers and
    its upgrade read the same."""
    raw = raw.removeprefix(BOM)
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return raw


def read_data_file(
    path: Path, display_name: str, kind: FileKind
) -> tuple[YamlDocument | None, list[DataError], OlderFile | None]:
    """Parse ``path`` strictly, in the current format; the third value says it was written for an older one."""
    raw = as_unix_text(path.read_bytes())
    if len(raw) > MAX_FILE_BYTES:
        return (*parse_yaml(raw, display_name), None)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return (*parse_yaml(raw, display_name), None)
    if not needs_upgrade(text):
        return (*parse_yaml(raw, display_name), None)
    try:
        upgraded = upgrade_text(text, kind)
    except yaml.YAMLError:
        return (*parse_yaml(raw, display_name), None)
    if not upgraded.changed:
        return (*parse_yaml(raw, display_name), None)
    doc, errors = parse_yaml(upgraded.text.encode("utf-8"), display_name)
    errors = [dataclasses.replace(e, line=upgraded.original_line(e.line)) for e in errors]
    if doc is not None:
        doc.lines.lines = {loc: upgraded.original_line(line) for loc, line in doc.lines.lines.items()}
    older = OlderFile(display_name, upgraded.from_format, upgraded.declared)
    needs_hand = upgraded.problems or any(c.placeholder for c in upgraded.changes)
    if needs_hand:
        written = written_for(upgraded.from_format, upgraded.declared)
        errors.append(
            DataError(
                display_name,
                1,
                "format",
                f"expected data format {CURRENT_FORMAT}, found a file {written} that needs values only you can give: "
                f"run `{UPGRADE_COMMAND}`, then replace each placeholder it writes",
            )
        )
        for problem in upgraded.problems:
            errors.append(DataError(display_name, problem.line, problem.field, f"expected you to {problem.message}"))
    return doc, errors, older


def log_older_files(older: Sequence[OlderFile]) -> None:
    """One line for every file the build upgraded in memory."""
    if not older:
        return
    files = ", ".join(map(str, older))
    log.info(
        "Read %d data file%s of an older format, upgraded in memory to format %d: %s. Run `%s` to rewrite them.",
        len(older),
        "" if len(older) == 1 else "s",
        CURRENT_FORMAT,
        files,
        UPGRADE_COMMAND,
    )
