"""Finding a credential among many: the facts the home page's catalog filters by, and page tags.

A credential is filtered by its stack, by the kinds of artifact it asks for
(``registries/artifact_kinds.yml``) and by the writing it requires: the sum of
its published word ranges. The filter's script reads ``catalog-index.js``, one
compact record per credential, so the home page stays the same size however
many credentials there are; without JavaScript the page is a plain list.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from .fillable import Fillable
from .model import Catalog, Credential, Range
from .site_map import GUIDE_FOLDER, SiteMap

INDEX_FILE = "catalog-index.js"
FILTER_ANCHOR = "find-a-credential"
"""The id of the home page's "Find a credential" heading: tag links and shared views land there."""
_MAX_WORD_BANDS = 8


@dataclass(frozen=True)
class Workload:
    """What a credential asks an educator to produce, summed over every part with a published range."""

    words: tuple[int, int]
    minutes: tuple[int, int] | None
    """Minutes of recording, where an artifact is a recording with a published length."""


def workload(credential: Credential) -> Workload:
    submission = credential.submission
    words = [submission.overview.words, submission.reflection.words]
    minutes: list[Range] = []
    for artifact in submission.artifacts:
        if artifact.length is not None:
            (words if artifact.length.unit == "words" else minutes).append(artifact.length)
    return Workload(
        words=(sum(r.min for r in words), sum(r.max for r in words)),
        minutes=(sum(r.min for r in minutes), sum(r.max for r in minutes)) if minutes else None,
    )


def kinds_of(credential: Credential) -> tuple[str, ...]:
    """The artifact kinds a credential asks for, each once, in the guide's order."""
    return tuple(dict.fromkeys(artifact.kind for artifact in credential.submission.artifacts))


def guide_tags(catalog: Catalog, credential: Credential) -> list[str]:
    """A guide page's tags: its stack, then the kind of each artifact."""
    kinds = catalog.artifact_kinds
    return [catalog.stack(credential.stack).title, *(kinds[kind].label for kind in kinds_of(credential))]


def template_tags(catalog: Catalog, credential: Credential, fillable: Fillable) -> list[str]:
    """A template page's tags: its stack, and for an artifact's template, the artifact's kind."""
    tags = [catalog.stack(credential.stack).title]
    if fillable.artifact_kind:
        tags.append(catalog.artifact_kinds[fillable.artifact_kind].label)
    return tags


def tag_queries(catalog: Catalog) -> dict[str, str]:
    """Each tag's filter, as the query of the home page's catalog that lists the pages so tagged."""
    queries = {stack.title: f"stack={stack.id}" for stack in catalog.stacks}
    queries.update({kind.label: f"kind={kind.id}" for kind in catalog.artifact_kinds.values()})
    return queries


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class FilterChoices:
    """What the filter offers: only stacks and kinds that some shown credential has."""

    stacks: tuple[Choice, ...]
    kinds: tuple[Choice, ...]
    words: tuple[Choice, ...]
    """Upper bounds of the writing required ("Up to 1,500 words"), with how many credentials fit each."""


def filter_choices(catalog: Catalog) -> FilterChoices:
    credentials = catalog.credentials
    stacks = tuple(
        Choice(stack.id, stack.title, count)
        for stack in catalog.stacks
        if (count := sum(1 for c in credentials if c.stack == stack.id))
    )
    kinds = tuple(
        Choice(kind.id, kind.label, count)
        for kind in catalog.artifact_kinds.values()
        if (count := sum(1 for c in credentials if kind.id in kinds_of(c)))
    )
    most = [workload(c).words[1] for c in credentials]
    words = tuple(
        Choice(str(bound), f"Up to {bound:,} words", sum(1 for m in most if m <= bound)) for bound in word_bands(most)
    )
    return FilterChoices(stacks=stacks, kinds=kinds, words=words)


def word_bands(most_words: list[int]) -> list[int]:
    """Round upper bounds of the writing required, each admitting more credentials than the one before
    and fewer than all of them."""
    if not most_words:
        return []
    low, high = min(most_words), max(most_words)
    step = 500
    while (high - low) / step > _MAX_WORD_BANDS:
        step *= 2
    bands: list[int] = []
    admitted = 0
    for bound in range(math.ceil(low / step) * step, high, step):
        count = sum(1 for m in most_words if m <= bound)
        if count > admitted:
            bands.append(bound)
            admitted = count
    return bands


def catalog_index(catalog: Catalog, site_map: SiteMap, page_suffix: str) -> dict[str, Any]:
    """The filter script's data: stacks and kinds once, then one short record per credential.

    A record is ``[id, title, stack index, [kind indexes], fewest words, most words, templates]``;
    the guide is at ``guideFolder`` (the site map's ``{stack}/{id}/``) plus ``page_suffix``
    (``index.html`` in the offline copy).
    """
    stack_ids = [stack.id for stack in catalog.stacks]
    kind_ids = list(catalog.artifact_kinds)
    records = []
    for credential in catalog.credentials:
        words = workload(credential).words
        records.append(
            [
                credential.id,
                credential.title,
                stack_ids.index(credential.stack),
                [kind_ids.index(kind) for kind in kinds_of(credential)],
                words[0],
                words[1],
                len(site_map[credential].fillables),
            ]
        )
    return {
        "guideFolder": GUIDE_FOLDER,
        "pageSuffix": page_suffix,
        "stacks": [[stack.id, stack.title] for stack in catalog.stacks],
        "kinds": [[kind.id, kind.label] for kind in catalog.artifact_kinds.values()],
        "credentials": records,
    }


def index_script(index: dict[str, Any]) -> str:
    """``catalog-index.js``: a script file (not JSON), so that the offline copy can load it from a folder."""
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.cgCatalogIndex = {text};\n"
