"""Data errors where a district's staff look on GitHub: annotations on the file and line, and the job summary."""

from __future__ import annotations

from .errors import DataError


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(errors: list[DataError]) -> list[str]:
    """One ``::error file=…,line=…,title=…::…`` workflow command per error (GitHub shows it on that line)."""
    return [
        f"::error file={_property(e.file)},line={e.line},title={_property(e.path or 'data')}::{_data(e.message)}"
        for e in errors
    ]


def job_summary(errors: list[DataError]) -> str:
    """The job summary: in plain words, what to fix and where, and that the site online did not change."""
    count = len(errors)
    lines = [
        "## The site was not published",
        "",
        f"{count} problem{'' if count == 1 else 's'} in the data. The site online is still the last one that "
        "built. Fix each line below (GitHub also marks it in the file), commit, and the site is built again.",
        "",
        "```text",
        *(str(e).replace("```", "'''") for e in errors),
        "```",
        "",
    ]
    return "\n".join(lines)
