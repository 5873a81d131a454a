"""The first-line comment that gives an editor a data file's schema, kept pointing at it.

``# yaml-language-server: $schema=…`` is relative to the file: a credential
moved into a subfolder of ``credentials_data/`` keeps a path that no longer
resolves, and the editor quietly stops completing and checking its fields.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .upgrade import FileKind

SCHEMA_COMMENT = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)[ \t]*$")


def schema_file(kind: FileKind) -> str:
    """The project-relative path of the schema of a data file of ``kind``."""
    if kind == "credential":
        return "credentials_data/credential.schema.json"
    if kind == "settings":
        return "site.schema.json"
    return f"credentials_data/registries/{kind}.schema.json"


@dataclass(frozen=True)
class SchemaHint:
    file: str
    found: str
    expected: str

    def __str__(self) -> str:
        return (
            f"{self.file}:1: $schema: expected {self.expected!r} (the schema, from this file's folder), "
            f"found {self.found!r}, which names no file: editors give no hints for this file; "
            "`credential-guides upgrade` rewrites the line"
        )


def wrong_schema_path(root: Path, path: Path, kind: FileKind, first_line: str) -> SchemaHint | None:
    """A hint where ``first_line`` names a schema that does not resolve from ``path``; None if it does or names none."""
    comment = SCHEMA_COMMENT.match(first_line)
    if not comment or (path.parent / comment[2]).is_file():
        return None
    folder = path.parent.relative_to(root).as_posix()
    expected = posixpath.relpath(schema_file(kind), folder)
    return SchemaHint(path.relative_to(root).as_posix(), comment[2], expected)


def with_schema_path(text: str, hint: SchemaHint) -> str:
    """``text`` (LF line endings) with its first line naming ``hint.expected``."""
    first, _, rest = text.partition("\n")
    comment = SCHEMA_COMMENT.match(first)
    assert comment, "the file's first line is its schema comment"
    return f"{comment[1]}{hint.expected}\n{rest}"
