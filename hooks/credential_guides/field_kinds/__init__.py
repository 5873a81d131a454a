"""The kinds of template field, one module each, and the one list of them.

To add a kind: MAINTAINING.md, "Adding a field kind". The data's ``type:``
names a kind of ``FIELD_KINDS``; the model checks a field's settings against
it (``misfits``), the forms render its markup, the answer spec tells the
browser what its adapter needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import checklist, choice, date, files, heading, links, long_text, scale, table, text
from .kind import FieldKind, Setting

if TYPE_CHECKING:
    from ..model import TemplateField

FIELD_KINDS: dict[str, FieldKind] = {
    kind.name: kind
    for kind in (
        heading.KIND,
        text.KIND,
        long_text.KIND,
        date.KIND,
        choice.KIND,
        checklist.KIND,
        scale.KIND,
        links.KIND,
        table.KIND,
        files.KIND,
    )
}

_SETTING_NAMES: dict[Setting, str] = {
    "options": "options:",
    "words": "words:",
    "columns": "columns:",
    "rows": "rows:",
    "files": "files:, accept: and each:",
}
_NEEDED_AS: dict[Setting, str] = {
    "options": "options:",
    "columns": "columns:",
    "rows": "rows: {min, max}",
    "files": "files: {min, max} and accept: [photo, pdf]",
}


def kinds_with(setting: Setting, *, needed: bool = False) -> list[str]:
    """The kinds that take (or, with ``needed``, must have) ``setting``, in the registry's order."""
    return [name for name, kind in FIELD_KINDS.items() if setting in (kind.needs if needed else kind.takes)]


def cell_kinds() -> list[str]:
    """The kinds a table's column may be."""
    return [name for name, kind in FIELD_KINDS.items() if kind.cell]


def misfits(field: TemplateField) -> list[str]:
    """The settings of ``field`` its kind does not take or lacks, then what the kind itself finds wrong."""
    kind = FIELD_KINDS[field.type]
    given: dict[Setting, bool] = {
        "options": bool(field.options),
        "words": field.words is not None,
        "columns": bool(field.columns),
        "rows": field.rows is not None,
        "files": field.files is not None or bool(field.accept) or bool(field.each),
    }
    missing = {
        **{setting: not value for setting, value in given.items()},
        "files": field.files is None or not field.accept,
    }
    problems = []
    if field.optional and kind.answer == "none":
        problems.append("optional: (only for fields that take an answer)")
    for setting, name in _SETTING_NAMES.items():
        takers, needers = kinds_with(setting), kinds_with(setting, needed=True)
        lacking = setting in kind.needs and missing[setting]
        stray = given[setting] and setting not in kind.takes
        if (lacking or stray) and takers == needers and _NEEDED_AS.get(setting) == name:
            problems.append(f"{name} (only and always for {' and '.join(takers)})")
        elif lacking:
            problems.append(f"{_NEEDED_AS[setting]} (always for {' and '.join(needers)})")
        elif stray:
            problems.append(f"{name} (only for {' and '.join(takers)})")
    if problems:
        return [f"expected {'; '.join(problems)}, found a {field.type} field that does not fit"]
    return kind.check(field)
