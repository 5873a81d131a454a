"""Load every data file, validate it, check cross-references, report all errors.

``load_catalog`` is the only entry point: it reads ``credentials_data/``, and
either returns a complete, immutable ``Catalog`` or raises ``DataErrors`` with
every problem of every file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .errors import DataError, DataErrors
from .model import (
    Block,
    Catalog,
    Citation,
    Credential,
    Credentialing,
    Resource,
    ResourceLinks,
    Section,
    Stack,
)
from .strict_yaml import Loc, YamlDocument, format_loc, read_yaml
from .validation import validate_document

REGISTRY_DIR = "registries"


@dataclass(frozen=True)
class _Registry:
    name: str
    root: Any

    @property
    def filename(self) -> str:
        return f"{self.name}.yml"


STACKS = _Registry("stacks", tuple[Stack, ...])
RESOURCES = _Registry("resources", tuple[Resource, ...])
CITATIONS = _Registry("citations", tuple[Citation, ...])
CREDENTIALING = _Registry("credentialing", Credentialing)
REGISTRIES = (STACKS, RESOURCES, CITATIONS, CREDENTIALING)


@dataclass
class _Loaded:
    """A validated file, with what is needed to point back into it."""

    value: Any
    doc: YamlDocument
    file: str

    def error(self, loc: Loc, message: str) -> DataError:
        return DataError(self.file, self.doc.lines.line_of(loc), format_loc(loc), message)


def credential_files(data_dir: Path) -> list[Path]:
    """The credential files: every ``*.yml``/``*.yaml`` directly in ``data_dir``."""
    return sorted(p for p in data_dir.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml"))


def load_catalog(data_dir: Path, display_root: Path | None = None) -> Catalog:
    """Read and validate all credential data under ``data_dir``.

    Raises ``DataErrors`` listing every problem found, each as
    ``file:line: field.path: expected …, found …``.
    """
    display_root = display_root or data_dir.parent
    errors: list[DataError] = []

    def load(path: Path, root: Any) -> _Loaded | None:
        file = _display(path, display_root)
        doc, read_errors = read_yaml(path, file)
        errors.extend(read_errors)
        if doc is None:
            return None
        value, invalid = validate_document(TypeAdapter(root), root, doc, file)
        already = {(e.line, e.path) for e in read_errors}
        errors.extend(e for e in invalid if (e.line, e.path) not in already)
        if read_errors or value is None:
            return None
        return _Loaded(value, doc, file)

    if not data_dir.is_dir():
        raise DataErrors([DataError(str(data_dir), 1, "", "expected a folder of credential files, found nothing there")])

    registries: dict[str, _Loaded | None] = {}
    for registry in REGISTRIES:
        path = data_dir / REGISTRY_DIR / registry.filename
        if not path.is_file():
            errors.append(DataError(_display(path, display_root), 1, "", "expected this registry file, found no file"))
            registries[registry.name] = None
            continue
        registries[registry.name] = load(path, registry.root)

    credentials = [loaded for path in credential_files(data_dir) if (loaded := load(path, Credential))]
    if not credential_files(data_dir):
        errors.append(DataError(_display(data_dir, display_root), 1, "", "expected at least one credential file (*.yml), found none"))

    stacks = _unique(registries["stacks"], errors)
    resources = _unique(registries["resources"], errors)
    citations = _unique(registries["citations"], errors)
    for loaded in credentials:
        errors.extend(_check_credential(loaded, stacks, resources, citations))
    errors.extend(_check_unique_topics(credentials))
    credentialing = registries["credentialing"]
    if credentialing is not None and stacks is not None:
        stack_id = credentialing.value.micro_credential.stack
        if stack_id not in stacks:
            errors.append(credentialing.error(("micro_credential", "stack"), _unknown("stack", stack_id, stacks)))

    if errors:
        raise DataErrors(errors)
    assert stacks is not None and resources is not None and citations is not None and credentialing is not None
    stack_order = {stack_id: index for index, stack_id in enumerate(stacks)}
    ordered = sorted(
        (loaded.value for loaded in credentials),
        key=lambda c: (stack_order[c.stack], c.topic or 0, c.title),
    )
    return Catalog(
        stacks=tuple(stacks.values()),
        resources=resources,
        citations=citations,
        credentials=tuple(ordered),
        credentialing=credentialing.value,
    )


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _unique(loaded: _Loaded | None, errors: list[DataError]) -> dict[str, Any] | None:
    """Index a registry by id, reporting every id used twice."""
    if loaded is None:
        return None
    by_id: dict[str, Any] = {}
    for index, item in enumerate(loaded.value):
        if item.id in by_id:
            errors.append(loaded.error((index, "id"), f"expected a unique id, found {item.id!r} again"))
        by_id[item.id] = item
    return by_id


def _unknown(kind: str, found: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(found, list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"expected the id of a {kind} in registries/{kind}s.yml, found {found!r}{hint}"


def _check_credential(
    loaded: _Loaded,
    stacks: dict[str, Stack] | None,
    resources: dict[str, Resource] | None,
    citations: dict[str, Citation] | None,
) -> Iterator[DataError]:
    credential: Credential = loaded.value
    stem = Path(loaded.file).stem
    if credential.id != stem:
        yield loaded.error(("id",), f"expected the file name without .yml, {stem!r}, found {credential.id!r}")

    stack = stacks.get(credential.stack) if stacks is not None else None
    if stacks is not None and stack is None:
        yield loaded.error(("stack",), _unknown("stack", credential.stack, stacks))
    if stack is not None:
        yield from _check_topic(loaded, stack)
        for index, artifact in enumerate(credential.submission.artifacts):
            found = list(artifact.rubric.levels)
            if found != list(stack.levels):
                loc = ("submission", "artifacts", index, "rubric", "levels")
                yield loaded.error(loc, f"expected the levels of stack {stack.id!r} in order, {list(stack.levels)}, found {found}")

    if citations is not None:
        for index, citation_id in enumerate(credential.research):
            if citation_id not in citations:
                yield loaded.error(("research", index), _unknown("citation", citation_id, citations))
    if resources is not None:
        for loc, resource_id in _resource_references(credential):
            if resource_id not in resources:
                yield loaded.error(loc, _unknown("resource", resource_id, resources))


def _check_topic(loaded: _Loaded, stack: Stack) -> Iterator[DataError]:
    topic = loaded.value.topic
    count = len(stack.topics)
    if count and topic is None:
        yield loaded.error(("topic",), f"expected the topic number (1–{count}) of stack {stack.id!r}, found nothing")
    elif topic is not None and not 1 <= topic <= count:
        expected = f"a topic number 1–{count}" if count else "null (the stack has no numbered topics)"
        yield loaded.error(("topic",), f"expected {expected} of stack {stack.id!r}, found {topic}")


def _check_unique_topics(credentials: list[_Loaded]) -> Iterator[DataError]:
    seen: dict[tuple[str, int], str] = {}
    for loaded in credentials:
        credential: Credential = loaded.value
        if credential.topic is None:
            continue
        key = (credential.stack, credential.topic)
        if key in seen:
            yield loaded.error(("topic",), f"expected one credential per topic, found topic {credential.topic} also in {seen[key]}")
        else:
            seen[key] = loaded.file


def _resource_references(credential: Credential) -> Iterator[tuple[Loc, str]]:
    for group_index, group in enumerate(credential.resources):
        for index, resource_id in enumerate(group.resources):
            yield ("resources", group_index, "resources", index), resource_id
    for index, section in enumerate(credential.method_components):
        yield from _section_references(section, ("method_components", index))
    submission = credential.submission
    yield from _block_references(submission.overview.instructions, ("submission", "overview", "instructions"))
    yield from _block_references(submission.artifacts_intro, ("submission", "artifacts_intro"))
    for index, artifact in enumerate(submission.artifacts):
        yield from _block_references(artifact.instructions, ("submission", "artifacts", index, "instructions"))
    yield from _block_references(submission.reflection.instructions, ("submission", "reflection", "instructions"))


def _section_references(section: Section, loc: Loc) -> Iterator[tuple[Loc, str]]:
    yield from _block_references(section.blocks, (*loc, "blocks"))
    for index, child in enumerate(section.sections):
        yield from _section_references(child, (*loc, "sections", index))


def _block_references(blocks: tuple[Block, ...], loc: Loc) -> Iterator[tuple[Loc, str]]:
    for index, block in enumerate(blocks):
        if isinstance(block, ResourceLinks):
            for item, resource_id in enumerate(block.resources):
                yield (*loc, index, "resources", item), resource_id
