"""The fillable templates of a credential: one per artifact, plus Part 1 and Part 3.

Part 1 and Part 3 templates are derived from the published questions (one long
answer per question, the published word range over all of them); artifact
templates come from the data. Each carries the rubric self-check: Proficient
descriptors for artifacts, the passing criteria's sentences for Parts 1 and 3.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .field_kinds import FIELD_KINDS
from .model import Artifact, Block, Credential, DescriptorList, Length, Questions, Template, TemplateField
from .wording import wording

OVERVIEW_ID = "part-1-overview"
REFLECTION_ID = "part-3-reflection"
RESERVED_IDS = frozenset({OVERVIEW_ID, REFLECTION_ID, "index"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(.+?)\1")


@dataclass(frozen=True)
class CheckItem:
    """One box of the self-check; ``items`` are the parts of a listing descriptor."""

    id: str
    text: str
    items: tuple[CheckItem, ...] = ()


@dataclass(frozen=True)
class Fillable:
    id: str
    title: str
    kind: Literal["overview", "artifact", "reflection"]
    template: Template
    requirements: tuple[Block, ...]
    questions: Questions | None
    length: Length | None
    self_check_title: str
    self_check: tuple[CheckItem, ...]
    artifact_kind: str | None = None
    """For an artifact's template, the kind of artifact (an id of registries/artifact_kinds.yml)."""

    @property
    def check_count(self) -> int:
        return sum(1 + len(item.items) for item in self.self_check)


def fillables(credential: Credential) -> list[Fillable]:
    """Every template of a credential, in the order of the guide."""
    submission = credential.submission
    words = wording()
    result = [_from_questions(OVERVIEW_ID, words.overview_template, "overview", submission.overview)]
    result += [_from_artifact(number, artifact) for number, artifact in enumerate(submission.artifacts, start=1)]
    result.append(_from_questions(REFLECTION_ID, words.reflection_template, "reflection", submission.reflection))
    return result


def _from_artifact(number: int, artifact: Artifact) -> Fillable:
    checks = []
    level = artifact.rubric.required_level
    for index, descriptor in enumerate(artifact.rubric.levels[level], start=1):
        if isinstance(descriptor, DescriptorList):
            parts = tuple(CheckItem(f"check-{index}-{i}", item) for i, item in enumerate(descriptor.items, start=1))
            checks.append(CheckItem(f"check-{index}", descriptor.text, parts))
        else:
            checks.append(CheckItem(f"check-{index}", descriptor))
    return Fillable(
        id=artifact.template.id,
        title=wording().artifact_template.format(number=number, title=artifact.title),
        kind="artifact",
        template=artifact.template,
        requirements=artifact.instructions,
        questions=None,
        length=artifact.length,
        self_check_title=wording().rubric_self_check.format(level=level),
        self_check=tuple(checks),
        artifact_kind=artifact.kind,
    )


def _from_questions(template_id: str, title: str, kind: Literal["overview", "reflection"], part: Questions) -> Fillable:
    fields = tuple(
        TemplateField(id=f"question-{number}", type="long_text", label=plain_text(question))
        for number, question in enumerate(part.questions, start=1)
    )
    sentences = _SENTENCE_END.split(" ".join(part.passing.split()))
    return Fillable(
        id=template_id,
        title=title,
        kind=kind,
        template=Template(id=template_id, words=part.words, fields=fields),
        requirements=part.instructions,
        questions=part,
        length=None,
        self_check_title=wording().passing_self_check,
        self_check=tuple(CheckItem(f"check-{n}", s) for n, s in enumerate(sentences, start=1)),
    )


def plain_text(markdown_text: str) -> str:
    """Inline Markdown emphasis removed, for labels and other plain contexts."""
    text = _MARKDOWN_EMPHASIS.sub(r"\2", " ".join(markdown_text.split()))
    return re.sub(r"\\([\\`*_\[\]])", r"\1", text)


def table_columns(field: TemplateField) -> Sequence[Any]:
    """The columns of a field whose answers are rows: its own, or those its kind brings (a list of links';
    on paper, those that list a files field's files)."""
    return FIELD_KINDS[field.type].columns(field)
