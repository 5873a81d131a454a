"""The typed, immutable model of stacks, credentials and their registries.

Field names are the YAML keys a district editor sees. Text fields documented as
Markdown may carry inline Markdown (bold, italics); all other text is plain and
is escaped when rendered.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .data_format import FormatNumber
from .data_markdown import link_problems, url_problem
from .errors import DataError
from .field_kinds import FIELD_KINDS, cell_kinds, misfits

MAX_TEXT = 5_000
"""Characters in one text field: the longest real one (a guide's paragraph) has 968."""
MAX_SLUG = 100
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control_characters(value: str) -> str:
    """YAML escapes ("\\0", "\\x0b") can still put control characters in text; no page may show them."""
    if match := _CONTROL.search(value):
        code = f"U+{ord(match.group()):04X}"
        raise ValueError(f"expected text without control characters, found {code} at character {match.start() + 1}")
    return value


Text = Annotated[
    str,
    Strict(),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_no_control_characters),
]


def _safe_links(value: str) -> str:
    """Links and pictures of the data dialect (data_markdown.py), checked as a browser would read them."""
    if problems := link_problems(value):
        raise ValueError("; ".join(dict.fromkeys(problems)))
    return value


def _full_address(value: str) -> str:
    if problem := url_problem(value, relative=False):
        raise ValueError(problem)
    return value


Markdown = Annotated[Text, AfterValidator(_safe_links)]
Url = Annotated[Text, AfterValidator(_full_address)]
"""An address in the data: an http(s) or mailto address, read as a browser reads an href."""
Slug = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=MAX_SLUG)]
Number = Annotated[int, Strict()]


def _registered(kind: str, where: str | None = None) -> Callable[[str, ValidationInfo], str]:
    """A check that an id names an entry of registries/<kind>s.yml.

    The loader passes the ids it has read as validation context, so unknown ids
    are reported together with every other error of the file.
    """

    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(kind)
        if known is not None and value not in known:
            close = difflib.get_close_matches(value, list(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            name = kind.replace(" ", "_") + "s.yml"
            place = where or f"registries/{name} or local/{name}"
            article = "an" if kind[0] in "aeiou" else "a"
            raise ValueError(f"expected the id of {article} {kind} in {place}, found {value!r}{hint}")
        return value

    return check


StackId = Annotated[Slug, AfterValidator(_registered("stack"))]
ResourceId = Annotated[Slug, AfterValidator(_registered("resource"))]
CitationId = Annotated[Slug, AfterValidator(_registered("citation"))]
CredentialId = Annotated[Slug, AfterValidator(_registered("credential", "credentials_data/ (its file name)"))]
ArtifactKindId = Annotated[Slug, AfterValidator(_registered("artifact kind"))]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared registries -------------------------------------------------------


class Topic(Model):
    number: Annotated[Number, Field(ge=1)]
    title: Text


class SubmissionPortal(Model):
    """Where the stack's issuer takes submissions, and its advice to earners restated in this site's words."""

    name: Text
    url: Url
    advice: tuple[Markdown, ...] = ()
    advice_source: Text | None = None
    """The issuer's page the advice comes from."""

    @model_validator(mode="after")
    def _advice_is_attributed(self) -> SubmissionPortal:
        if self.advice and not self.advice_source:
            raise ValueError("expected advice_source: the address of the page the advice comes from, found none")
        return self


ALL_RIGHTS_RESERVED = "All rights reserved"


class License(Model):
    """The terms a stack's guides are published under: a license's name and address, or all rights reserved."""

    name: Text
    url: Url | None = None

    @model_validator(mode="before")
    @classmethod
    def _all_rights_reserved(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().casefold() == ALL_RIGHTS_RESERVED.casefold():
            return {"name": ALL_RIGHTS_RESERVED}
        return value

    @model_validator(mode="after")
    def _address_unless_reserved(self) -> License:
        if self.url is None and self.name.casefold() != ALL_RIGHTS_RESERVED.casefold():
            raise ValueError(
                f"expected url: the license's address (or license: all rights reserved), found {self.name!r} alone"
            )
        return self


class Stack(Model):
    id: Slug
    title: Text
    publisher: Text
    """Who publishes the stack's guides; a guide's own ``source.publisher`` may name another."""
    partner: Text | None = None
    license: License | None = None
    """The terms of the stack's guides, unless a guide's ``source`` names its own."""
    reproduced: bool = False
    """Whether its guides are published elsewhere and reproduced here word for word (NEA's are); a
    district's own guides, written for its site, are not. A guide's ``source.reproduced`` may say otherwise."""
    levels: Annotated[tuple[Text, ...], Field(min_length=1)]
    topics: tuple[Topic, ...] = ()
    """Numbered topics, as NEA's stacks have; a stack without them lists its guides by title."""
    submission: SubmissionPortal | None = None
    """Shown on every guide and template page of the stack, unless site.yml's how_to_submit replaces it."""

    @model_validator(mode="after")
    def _topics_numbered_in_order(self) -> Stack:
        numbers = [topic.number for topic in self.topics]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"expected topics numbered 1, 2, 3, … in order, found {numbers}")
        if len(set(self.levels)) != len(self.levels):
            raise ValueError(f"expected each rubric level once, found {list(self.levels)}")
        return self


class Resource(Model):
    id: Slug
    title: Text
    url: Url | None


class ArtifactKind(Model):
    """One word of the fixed vocabulary that says what an artifact is: a survey, a recording, a map.

    The catalog filters by it and pages are tagged with its ``label``.
    """

    id: Slug
    label: Text
    description: Text


class Link(Model):
    url: Url | None
    label: Text | None = None


class Citation(Model):
    id: Slug
    text: Markdown
    links: tuple[Link, ...] = ()
    after: Text | None = None


# --- content blocks ----------------------------------------------------------


class Bullets(Model):
    bullets: Annotated[tuple[Markdown, ...], Field(min_length=1)]


class Numbered(Model):
    numbered: Annotated[tuple[Markdown, ...], Field(min_length=1)]


class ResourceLinks(Model):
    resources: Annotated[tuple[ResourceId, ...], Field(min_length=1)]


def _block_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for kind in ("bullets", "numbered", "resources"):
            if kind in value:
                return kind
    for model, kind in ((Bullets, "bullets"), (Numbered, "numbered"), (ResourceLinks, "resources")):
        if isinstance(value, model):
            return kind
    return None


Block = Annotated[
    Annotated[Markdown, Tag("paragraph")]
    | Annotated[Bullets, Tag("bullets")]
    | Annotated[Numbered, Tag("numbered")]
    | Annotated[ResourceLinks, Tag("resources")],
    Discriminator(
        _block_kind,
        custom_error_type="block",
        custom_error_message="expected a paragraph (text) or one of bullets:, numbered:, resources:",
    ),
]


class Section(Model):
    heading: Text | None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()


# --- credential --------------------------------------------------------------


class Source(Model):
    """Where a guide's words come from. Publisher, partner and license default to its stack's."""

    publisher: Text
    partner: Text | None = None
    license: Text
    license_url: Url | None = None
    last_revised: Text | None
    reproduced: bool = False
    """Whether these words were published first elsewhere and are reproduced here unchanged."""

    @property
    def all_rights_reserved(self) -> bool:
        return self.license.casefold() == ALL_RIGHTS_RESERVED.casefold()

    @model_validator(mode="after")
    def _address_unless_reserved(self) -> Source:
        if self.license_url is None and not self.all_rights_reserved:
            raise ValueError(
                f"expected license_url: the address of the license {self.license!r} "
                f"(or license: {ALL_RIGHTS_RESERVED}), found none"
            )
        return self


def _source_from_stack(data: Any, info: ValidationInfo) -> Any:
    """A guide's source, its publisher, partner and license taken from its stack where it names none."""
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        return data
    stack = ((info.context or {}).get("stack") or {}).get(data.get("stack"))
    if not isinstance(stack, Stack):
        return data
    source = dict(data["source"])
    if "publisher" not in source:
        source["publisher"] = stack.publisher
        source.setdefault("partner", stack.partner)
    if "license" not in source and stack.license is not None:
        source["license"] = stack.license.name
        source.setdefault("license_url", stack.license.url)
    source.setdefault("reproduced", stack.reproduced)
    return {**data, "source": source}


class Range(Model):
    min: Annotated[Number, Field(ge=0)]
    max: Annotated[Number, Field(ge=1)]

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Range:
        if self.min > self.max:
            raise ValueError(f"expected min ≤ max, found min {self.min} > max {self.max}")
        return self


class Length(Range):
    unit: Literal["words", "minutes"]
    printed: Text | None = None
    """The line as the guide prints it when that differs from '(500–750 words)': '(500–750 Words)'."""


class DescriptorList(Model):
    text: Text
    items: Annotated[tuple[Text, ...], Field(min_length=1)]


Descriptor = Annotated[
    Annotated[Text, Tag("text")] | Annotated[DescriptorList, Tag("list")],
    Discriminator(
        lambda v: "text" if isinstance(v, str) else "list" if isinstance(v, (dict, DescriptorList)) else None,
        custom_error_type="descriptor",
        custom_error_message="expected a descriptor (text) or a mapping with text: and items:",
    ),
]


class Rubric(Model):
    label: Text
    levels: dict[Text, Annotated[tuple[Descriptor, ...], Field(min_length=1)]]
    """The stack's levels in its order, highest first: the first is the one an artifact must reach."""

    @property
    def required_level(self) -> str:
        """The level every artifact must reach: the first ('Proficient' in NEA's stacks; a district names its own)."""
        return next(iter(self.levels))


# --- fillable templates ------------------------------------------------------


def _one_of(names: list[str], what: str) -> Callable[[str], str]:
    """A check that a value names one of ``names`` (kinds of the registry in ``field_kinds``)."""

    def check(value: str) -> str:
        if value not in names:
            close = difflib.get_close_matches(value, names, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            listed = ", ".join(repr(name) for name in names[:-1]) + f" or {names[-1]!r}"
            raise ValueError(f"expected {what}: one of {listed}, found the text {value!r}{hint}")
        return value

    return check


FieldType = Annotated[
    str,
    Strict(),
    AfterValidator(_one_of(list(FIELD_KINDS), "a field kind")),
    WithJsonSchema({"enum": list(FIELD_KINDS), "type": "string"}),
]
"""A kind of ``field_kinds.FIELD_KINDS``."""
ColumnType = Annotated[
    str,
    Strict(),
    AfterValidator(_one_of(cell_kinds(), "a column kind")),
    WithJsonSchema({"enum": cell_kinds(), "type": "string"}),
]
"""A kind a table's column may be."""
FileKind = Literal["photo", "pdf"]
"""``field_kinds.files.FILE_KINDS``."""
FileDetail = Literal["date", "description"]
"""``field_kinds.files.FILE_DETAILS``."""


class Column(Model):
    id: Slug
    label: Text
    type: ColumnType = "text"
    options: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _options_for_choices(self) -> Column:
        if ("options" in FIELD_KINDS[self.type].needs) != bool(self.options):
            raise ValueError(
                "expected options: exactly when type is choice, "
                f"found type {self.type} with {len(self.options)} options"
            )
        return self


class TemplateField(Model):
    """One thing an educator fills in. ``heading`` only titles the fields after it."""

    id: Slug
    type: FieldType
    label: Text
    help: Text | None = None
    options: tuple[Text, ...] = ()
    words: Range | None = None
    columns: tuple[Column, ...] = ()
    rows: Range | None = None
    optional: bool = False
    """The guide asks for it only if the educator wishes: an empty answer does not keep the template from complete."""
    files: Range | None = None
    """How many files a ``files`` field takes."""
    accept: tuple[FileKind, ...] = ()
    """What a ``files`` field takes: photos, PDF scans or both."""
    each: tuple[FileDetail, ...] = ()
    """What an educator writes for each file of a ``files`` field."""

    @model_validator(mode="after")
    def _settings_fit_the_type(self) -> TemplateField:
        problems = misfits(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def row_range(self) -> tuple[int, int]:
        """The rows (or files) it takes, fewest and most."""
        return FIELD_KINDS[self.type].row_range(self)


class Handout(Model):
    """The part of a template that families fill in (a survey), printed on its own for them."""

    title: Text
    fields: Annotated[tuple[Slug, ...], Field(min_length=1)]


class Template(Model):
    """The form for one artifact. ``words`` bounds the words of all long answers together."""

    id: Slug
    words: Range | None = None
    fields: Annotated[tuple[TemplateField, ...], Field(min_length=1)]
    handout: Handout | None = None

    @model_validator(mode="after")
    def _unique_field_ids(self) -> Template:
        ids = [f.id for f in self.fields]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"expected each field id once, found {', '.join(repeated)} repeated")
        if self.handout:
            answerable = [f.id for f in self.fields if FIELD_KINDS[f.type].answer != "none"]
            unknown = [i for i in self.handout.fields if i not in answerable]
            if unknown:
                raise ValueError(
                    f"expected handout.fields to name fields of this template ({', '.join(answerable)}), "
                    f"found {', '.join(repr(i) for i in unknown)}"
                )
        return self

    def handout_fields(self) -> tuple[TemplateField, ...]:
        """The handout's fields, in the template's order."""
        wanted = set(self.handout.fields) if self.handout else set()
        return tuple(f for f in self.fields if f.id in wanted)


class Artifact(Model):
    title: Text
    kind: ArtifactKindId
    """What the educator produces, from registries/artifact_kinds.yml (ours, not the guide's words)."""
    length: Length | None = None
    instructions: Annotated[tuple[Block, ...], Field(min_length=1)]
    rubric: Rubric
    template: Template


class Questions(Model):
    heading: Text
    """As the guide prints it: 'Part 3 Reflection' in some guides, 'Part 3. Reflection' in others."""
    instructions: tuple[Block, ...] = ()
    words: Range
    words_printed: Text | None = None
    """The word-range line as the guide prints it, when that differs from '(200–400 words)': '200-400 words'."""
    words_after_instructions: bool = False
    """Whether the guide prints the word range after its instructions rather than before them."""
    question_list: Literal["numbered", "bulleted"] = "numbered"
    questions: Annotated[tuple[Markdown, ...], Field(min_length=1)]
    passing: Markdown


class Submission(Model):
    heading: Text = "Submission Guidelines & Evaluation Criteria"
    rule: Markdown
    overview: Questions
    artifacts_heading: Text
    rubric_heading: Text
    artifacts_intro: tuple[Block, ...] = ()
    artifacts: Annotated[tuple[Artifact, ...], Field(min_length=1)]
    reflection: Questions


class ResourceGroup(Model):
    heading: Text | None
    resources: Annotated[tuple[ResourceId, ...], Field(min_length=1)]


class CitationAsPrinted(Model):
    """A shared citation in the wording of a guide that prints it differently ('NNPS Research')."""

    citation: CitationId
    text: Markdown


def _citation_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "id"
    if isinstance(value, (dict, CitationAsPrinted)):
        return "as_printed"
    return None


CitationRef = Annotated[
    Annotated[CitationId, Tag("id")] | Annotated[CitationAsPrinted, Tag("as_printed")],
    Discriminator(
        _citation_kind,
        custom_error_type="citation",
        custom_error_message="expected a citation id, or citation: and text: for this guide's own wording",
    ),
]


class Credential(Model):
    format: FormatNumber
    draft: bool = False
    """A guide still being written: left out of the site, its problems listed as notes, not errors."""
    id: Slug
    title: Text
    stack: StackId
    topic: Annotated[Number, Field(ge=1)] | None = Field(default=None, validate_default=True)
    source: Source
    source_notes: tuple[Markdown, ...] = ()
    competency: Markdown
    key_method: Markdown
    method_components: Annotated[tuple[Section, ...], Field(min_length=1)]
    research: tuple[CitationRef, ...] = ()
    resources: tuple[ResourceGroup, ...] = ()
    submission: Submission

    @model_validator(mode="before")
    @classmethod
    def _defaults_from_stack(cls, data: Any, info: ValidationInfo) -> Any:
        return _source_from_stack(data, info)

    @field_validator("topic")
    @classmethod
    def _topic_in_stack(cls, topic: int | None, info: ValidationInfo) -> int | None:
        stack = ((info.context or {}).get("stack") or {}).get(info.data.get("stack"))
        if stack is None:
            return topic
        count = len(stack.topics)
        if count and topic is None:
            raise ValueError(f"expected the topic number (1–{count}) of stack {stack.id!r}, found nothing")
        if topic is not None and not 1 <= topic <= count:
            expected = f"a topic number 1–{count}" if count else "null (the stack has no numbered topics)"
            raise ValueError(f"expected {expected} of stack {stack.id!r}, found {topic}")
        return topic


# --- credentialing page (NAFSCE) ---------------------------------------------


# The NAFSCE page has no open license: the site keeps its facts, written in the project's own
# words, as data; the page shows them attributed to NAFSCE and never speaks as NAFSCE.


class Webinar(Model):
    date: Text
    host: Text
    recording_url: Url | None
    covers: tuple[Markdown, ...]


class Cost(Model):
    materials: Literal["free"]
    assessment_members_usd: Annotated[Number, Field(ge=0)]
    assessment_others_usd: Annotated[Number, Field(ge=0)]


class MicroCredential(Model):
    stack: StackId
    developed_by: Text
    summary: Markdown
    who_may_apply: Markdown
    degree_required: bool
    cost: Cost
    seat_hours: Annotated[Number, Field(ge=1)]
    state_recognition: Markdown
    webinar: Webinar | None = None


class ProfessionalLearning(Model):
    id: Slug
    name: Text
    provider: Text
    format: Literal["modules", "course", "simulations"]
    count: Annotated[Number, Field(ge=1)] | None
    url: Url | None
    description: Markdown


class PageSource(Model):
    publisher: Text
    title: Text
    url: Url | None


class Credentialing(Model):
    format: FormatNumber
    source: PageSource
    summary: tuple[Markdown, ...]
    suggestions_email: Text | None = None
    """Where the source's publisher takes suggestions for its list (a fact about them, not our contact)."""
    micro_credential: MicroCredential
    professional_learning: tuple[ProfessionalLearning, ...]


# --- registry files ------------------------------------------------------------


class StacksFile(Model):
    format: FormatNumber
    stacks: tuple[Stack, ...] = ()


class ResourcesFile(Model):
    format: FormatNumber
    resources: tuple[Resource, ...] = ()


class CitationsFile(Model):
    format: FormatNumber
    citations: tuple[Citation, ...] = ()


class ArtifactKindsFile(Model):
    format: FormatNumber
    artifact_kinds: tuple[ArtifactKind, ...] = ()


# --- the whole catalog -------------------------------------------------------


class Draft(Model):
    file: str
    problems: tuple[DataError, ...]
    """What is left to fill in or fix before it can be published."""


class Catalog(Model):
    stacks: tuple[Stack, ...]
    unlisted_stacks: tuple[Stack, ...] = ()
    resources: dict[str, Resource]
    citations: dict[str, Citation]
    artifact_kinds: dict[str, ArtifactKind]
    credentials: tuple[Credential, ...]
    credentialing: Credentialing
    drafts: tuple[Draft, ...] = ()
    """Credential files left out of the site: marked ``draft: true``, or (for the commands that add to the
    data) not valid yet."""

    def stack(self, stack_id: str) -> Stack:
        return next(stack for stack in self.stacks + self.unlisted_stacks if stack.id == stack_id)

    def credentials_in(self, stack_id: str) -> tuple[Credential, ...]:
        return tuple(c for c in self.credentials if c.stack == stack_id)

    def credential_for_topic(self, stack_id: str, number: int) -> Credential | None:
        return next((c for c in self.credentials_in(stack_id) if c.topic == number), None)
