"""JSON Schemas of the data files, generated from the model for editors.

YAML files name their schema in a first-line comment
(``# yaml-language-server: $schema=…``) so editors such as VS Code complete and
check fields while district staff type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .model import ArtifactKindsFile, CitationsFile, Credential, Credentialing, ResourcesFile, StacksFile
from .settings import SiteSettings

SCHEMAS: dict[str, Any] = {
    "credentials_data/credential.schema.json": Credential,
    "credentials_data/registries/stacks.schema.json": StacksFile,
    "credentials_data/registries/resources.schema.json": ResourcesFile,
    "credentials_data/registries/citations.schema.json": CitationsFile,
    "credentials_data/registries/artifact_kinds.schema.json": ArtifactKindsFile,
    "credentials_data/registries/credentialing.schema.json": Credentialing,
    "site.schema.json": SiteSettings,
}
TITLES = {
    "credentials_data/credential.schema.json": "Credential guide",
    "credentials_data/registries/stacks.schema.json": "Stacks registry",
    "credentials_data/registries/resources.schema.json": "Resources registry",
    "credentials_data/registries/citations.schema.json": "Research citations registry",
    "credentials_data/registries/artifact_kinds.schema.json": "Artifact kinds registry",
    "credentials_data/registries/credentialing.schema.json": "Credentialing page",
    "site.schema.json": "Site settings",
}


def schema_texts() -> dict[str, str]:
    """Each schema file's path (relative to the project) and its JSON text."""
    texts = {}
    for path, root in SCHEMAS.items():
        schema = TypeAdapter(root).json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": TITLES[path], **schema}
        texts[path] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return texts


def write_schemas(project: Path) -> list[Path]:
    written = []
    for relative, text in schema_texts().items():
        path = project / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
