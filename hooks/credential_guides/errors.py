"""Data errors reported to editors as ``file:line: field.path: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, pointing at the line an editor must fix."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class DataErrors(Exception):
    """Every error found in the data, raised once after all files were read."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        noun = "error" if count == 1 else "errors"
        lines = [str(error) for error in self.errors]
        return "\n".join([*lines, f"{count} {noun} in the credential data; nothing was built."])


class BuildError(Exception):
    """A problem that ends the build with its message, whatever engine runs it (MkDocs' adapter raises
    it as a PluginError; ``credential-guides build`` prints it and exits 1)."""
