"""Load every data file, validate it, check cross-references, report all errors.

``load_catalog`` is the only entry point: it reads ``credentials_data/``, and
either returns a complete, immutable ``Catalog`` or raises ``DataErrors`` with
every problem of every file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .data_files import OlderFile, log, log_older_files, read_data_file
from .errors import DataError, DataErrors
from .fillable import RESERVED_IDS
from .model import (
    ArtifactKind,
    ArtifactKindsFile,
    Catalog,
    CitationsFile,
    Credential,
    Credentialing,
    Draft,
    ResourcesFile,
    Stack,
    StacksFile,
)
from .project_files import outside_project
from .strict_yaml import Loc, YamlDocument, format_loc
from .upgrade import FileKind
from .validation import validate_document

REGISTRY_DIR = "registries"
LOCAL_DIR = "local"
"""A district's own stacks, registry entries and credentials: files no release of this project adds or edits."""
REGISTRY_FILES: dict[str, tuple[FileKind, type[Any]]] = {
    "stack": ("stacks", StacksFile),
    "resource": ("resources", ResourcesFile),
    "citation": ("citations", CitationsFile),
    "artifact kind": ("artifact_kinds", ArtifactKindsFile),
}
"""Registry kind → its file's name (``stacks`` → ``stacks.yml``) and model."""


@cache
def _adapter(root: Any) -> TypeAdapter[Any]:
    """Building a validator is costly; one per kind of file is enough."""
    return TypeAdapter(root)


@dataclass
class _Loaded:
    """A validated file, with what is needed to point back into it."""

    value: Any
    doc: YamlDocument
    file: str

    def error(self, loc: Loc, message: str) -> DataError:
        return DataError(self.file, self.doc.lines.line_of(loc), format_loc(loc), message)


class _Reader:
    """Reads and validates files, collecting every error on the way."""

    def __init__(self, display_root: Path, leave_out_invalid: bool = False) -> None:
        self.display_root = display_root
        self.leave_out_invalid = leave_out_invalid
        self.drafts: list[Draft] = []
        self.errors: list[DataError] = []
        self.context: dict[str, Any] = {}
        self.registries: dict[str, list[_Loaded]] = {}
        self.older: list[OlderFile] = []

    def display(self, path: Path) -> str:
        for own in (path.resolve(), path.absolute()):  # the link's own name where it leads out
            try:
                return own.relative_to(self.display_root.resolve()).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def load(self, path: Path, root: Any, kind: FileKind) -> _Loaded | None:
        file = self.display(path)
        if (path.exists() or path.is_symlink()) and (outside := outside_project(path, self.display_root)):
            self.errors.append(DataError(file, 1, "", outside))
            return None
        if not path.is_file():
            self.errors.append(DataError(file, 1, "", "expected this registry file, found no file"))
            return None
        doc, read_errors, older = read_data_file(path, file, kind)
        if older:
            self.older.append(older)
        self.errors.extend(read_errors)
        if doc is None:
            return None
        value, invalid = validate_document(_adapter(root), root, doc, file, self.context)
        already = {(e.line, e.path) for e in read_errors}
        problems = [e for e in invalid if (e.line, e.path) not in already]
        if kind == "credential" and isinstance(doc.data, dict) and doc.data.get("draft") is True:
            self.drafts.append(Draft(file=file, problems=tuple(sorted(problems))))
            return None
        self.errors.extend(problems)
        if read_errors or value is None:
            return None
        return _Loaded(value, doc, file)

    def load_credential(self, path: Path) -> _Loaded | None:
        """A credential file; one that is not valid yet is left out as a draft if ``leave_out_invalid``."""
        before = len(self.errors)
        loaded = self.load(path, Credential, "credential")
        if self.leave_out_invalid and len(self.errors) > before:
            self.drafts.append(Draft(file=self.display(path), problems=tuple(sorted(self.errors[before:]))))
            del self.errors[before:]
        return loaded

    def registry(self, data_dir: Path, kind: str) -> dict[str, Any] | None:
        """Load a registry: the project's file, then the district's own in ``local/``; ids unique across both.

        Known ids become validation context.
        """
        name, model = REGISTRY_FILES[kind]
        paths = [data_dir / REGISTRY_DIR / f"{name}.yml"]
        if (data_dir / LOCAL_DIR / f"{name}.yml").is_file():
            paths.append(data_dir / LOCAL_DIR / f"{name}.yml")
        files = [self.load(path, model, name) for path in paths]
        if None in files:
            return None
        by_id: dict[str, Any] = {}
        where: dict[str, str] = {}
        for loaded in files:
            assert loaded is not None
            for index, entry in enumerate(getattr(loaded.value, name)):
                if entry.id in by_id:
                    also = "" if where[entry.id] == loaded.file else f" (first in {where[entry.id]})"
                    message = f"expected a unique id, found {entry.id!r} again{also}"
                    self.errors.append(loaded.error((name, index, "id"), message))
                by_id[entry.id] = entry
                where.setdefault(entry.id, loaded.file)
        self.context[kind] = by_id
        self.registries[kind] = [f for f in files if f is not None]
        return by_id


def log_drafts(drafts: tuple[Draft, ...]) -> None:
    """One line for every credential the site leaves out as a draft."""
    for draft in drafts:
        left = len(draft.problems)
        log.info(
            "Left out of the site, as a draft (draft: true): %s%s",
            draft.file,
            f", with {left} thing{'' if left == 1 else 's'} to fill in or fix (credential-guides validate lists them)"
            if left
            else ", ready: delete its draft line to publish it",
        )


def credential_files(data_dir: Path) -> list[Path]:
    """The credential files: every ``*.yml``/``*.yaml`` directly in ``data_dir``, then in ``local/``
    (there, less the district's registries: ``stacks.yml`` and the like)."""

    def yaml_files(folder: Path) -> list[Path]:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yml", ".yaml"))

    registries = {f"{name}.yml" for name, _ in REGISTRY_FILES.values()}
    local = [p for p in yaml_files(data_dir / LOCAL_DIR) if p.name not in registries]
    return yaml_files(data_dir) + local


def unread_files(data_dir: Path) -> list[Path]:
    """YAML files in folders of ``data_dir`` the build reads none from: a credential put there would vanish."""
    read = {data_dir, data_dir / REGISTRY_DIR, data_dir / LOCAL_DIR}
    return sorted(
        path
        for path in data_dir.rglob("*")
        if path.suffix in (".yml", ".yaml") and path.is_file() and path.parent not in read
    )


def load_catalog(
    data_dir: Path,
    display_root: Path | None = None,
    older: list[OlderFile] | None = None,
    *,
    leave_out_invalid: bool = False,
) -> Catalog:
    """Read and validate all credential data under ``data_dir``.

    Raises ``DataErrors`` listing every problem found, each as
    ``file:line: field.path: expected …, found …``. Files of an older data
    format are upgraded in memory: they are added to ``older`` if given, else
    logged in one line. A credential file marked ``draft: true`` is left out,
    its problems kept in ``Catalog.drafts``; so is, with ``leave_out_invalid``
    (for commands that add to the data while guides are being written), any
    credential file that is not valid yet.
    """
    reader = _Reader(display_root or data_dir.parent, leave_out_invalid)
    if not data_dir.is_dir():
        raise DataErrors(
            [DataError(reader.display(data_dir), 1, "", "expected a folder of credential files, found none")]
        )

    stacks = reader.registry(data_dir, "stack")
    resources = reader.registry(data_dir, "resource")
    citations = reader.registry(data_dir, "citation")
    kinds = reader.registry(data_dir, "artifact kind")
    reader.errors.extend(_check_tag_labels(reader.registries.get("artifact kind", []), kinds, stacks))
    credentialing = reader.load(data_dir / REGISTRY_DIR / "credentialing.yml", Credentialing, "credentialing")

    files = credential_files(data_dir)
    reader.errors.extend(
        DataError(
            reader.display(path),
            1,
            "",
            f"expected a credential file directly in {data_dir.name}/ or in {data_dir.name}/{LOCAL_DIR}/, "
            f"found one in {path.parent.relative_to(data_dir).as_posix()}/, which the build does not read: move it",
        )
        for path in unread_files(data_dir)
    )
    if not files:
        reader.errors.append(
            DataError(reader.display(data_dir), 1, "", "expected at least one credential file (*.yml), found none")
        )
    credentials = [loaded for path in files if (loaded := reader.load_credential(path))]
    for loaded in credentials:
        reader.errors.extend(_check_credential(loaded, stacks))
    reader.errors.extend(_check_unique_topics(credentials))
    reader.errors.extend(_check_unique_ids(credentials))

    if older is None:
        log_older_files(reader.older)
    else:
        older.extend(reader.older)

    if reader.errors:
        raise DataErrors(reader.errors)
    assert stacks is not None and resources is not None and citations is not None and credentialing is not None
    assert kinds is not None
    stack_order = {stack_id: index for index, stack_id in enumerate(stacks)}
    ordered = sorted(
        (loaded.value for loaded in credentials),
        key=lambda c: (stack_order[c.stack], c.topic or 0, c.title),
    )
    return Catalog(
        stacks=tuple(stacks.values()),
        resources=resources,
        citations=citations,
        artifact_kinds=kinds,
        credentials=tuple(ordered),
        credentialing=credentialing.value,
        drafts=tuple(reader.drafts),
    )


def _check_credential(loaded: _Loaded, stacks: dict[str, Stack] | None) -> Iterator[DataError]:
    credential: Credential = loaded.value
    stem = Path(loaded.file).stem
    if credential.id != stem:
        yield loaded.error(("id",), f"expected the file name without .yml, {stem!r}, found {credential.id!r}")
    seen_templates: dict[str, int] = {}
    for index, artifact in enumerate(credential.submission.artifacts):
        template_id = artifact.template.id
        loc = ("submission", "artifacts", index, "template", "id")
        if template_id in RESERVED_IDS:
            yield loaded.error(loc, f"expected a template id other than {sorted(RESERVED_IDS)}, found {template_id!r}")
        elif template_id in seen_templates:
            yield loaded.error(loc, f"expected a template id unique in this credential, found {template_id!r} again")
        seen_templates[template_id] = index
    stack = (stacks or {}).get(credential.stack)
    if stack is None:
        return
    for index, artifact in enumerate(credential.submission.artifacts):
        found = list(artifact.rubric.levels)
        if found != list(stack.levels):
            loc = ("submission", "artifacts", index, "rubric", "levels")
            yield loaded.error(
                loc, f"expected the levels of stack {stack.id!r} in order, {list(stack.levels)}, found {found}"
            )


def _check_tag_labels(
    files: list[_Loaded], kinds: dict[str, ArtifactKind] | None, stacks: dict[str, Stack] | None
) -> Iterator[DataError]:
    """Pages are tagged with kind labels and stack titles, so no two of them may read the same."""
    if not files or not kinds:
        return
    taken = {stack.title.casefold(): f"the title of stack {stack.id!r}" for stack in (stacks or {}).values()}
    for loaded in files:
        for index, kind in enumerate(loaded.value.artifact_kinds):
            key = kind.label.casefold()
            if key in taken:
                message = f"expected a label no other tag has, found {kind.label!r}, already {taken[key]}"
                yield loaded.error(("artifact_kinds", index, "label"), message)
            taken.setdefault(key, f"the label of artifact kind {kind.id!r}")


def _check_unique_ids(credentials: list[_Loaded]) -> Iterator[DataError]:
    """A credential in ``local/`` may not take the id of one beside the registries: its pages would replace them."""
    seen: dict[str, str] = {}
    for loaded in credentials:
        credential: Credential = loaded.value
        if credential.id in seen:
            message = (
                f"expected an id no other credential has, found {credential.id!r}, already in {seen[credential.id]}"
            )
            yield loaded.error(("id",), message)
        seen.setdefault(credential.id, loaded.file)


def _check_unique_topics(credentials: list[_Loaded]) -> Iterator[DataError]:
    seen: dict[tuple[str, int], str] = {}
    for loaded in credentials:
        credential: Credential = loaded.value
        if credential.topic is None:
            continue
        key = (credential.stack, credential.topic)
        if key in seen:
            yield loaded.error(
                ("topic",), f"expected one credential per topic, found topic {credential.topic} also in {seen[key]}"
            )
        else:
            seen[key] = loaded.file
