"""Machine-readable records of the catalog: for registries, badge wallets and learning platforms.

Per credential, the validated model as JSON and an Open Badges 3.0
``Achievement`` (1EdTech); for the site, ``catalog.json`` listing every
credential with its key facts. Ids are built from the site's address, so a
district's copy publishes its own; a build without one (a local preview) uses
``urn:credential-guides:`` ids, which no one else will claim.
"""

from __future__ import annotations

import json
from typing import Any

from .catalog_filter import kinds_of, workload
from .model import Block, Bullets, Catalog, Credential, DescriptorList, Numbered, Questions, Stack
from .site_map import ACHIEVEMENT_FILE, SiteMap, guide_page, record_path
from .wording import wording

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def page_address(src_uri: str, site_url: str | None) -> str:
    """The address of a generated page (``stack/guide/index.md`` → ``<site>/stack/guide/``)."""
    path = src_uri.removesuffix(".md").removesuffix("index")
    if not path.endswith("/"):
        path += "/"
    return f"{site_url}{path}" if site_url else f"urn:credential-guides:/{path}"


def credential_record(credential: Credential) -> dict[str, Any]:
    """The validated model of one credential, as JSON."""
    return credential.model_dump(mode="json")


def achievement(credential: Credential, stack: Stack, site_url: str | None, tags: list[str]) -> dict[str, Any]:
    """The credential as an Open Badges 3.0 Achievement of type MicroCredential, tagged as its guide page is."""
    guide = page_address(guide_page(credential), site_url)
    own_id = (f"{site_url}{record_path(credential, ACHIEVEMENT_FILE)}") if site_url else f"{guide}{ACHIEVEMENT_FILE}"
    results = []
    for number, artifact in enumerate(credential.submission.artifacts, start=1):
        result_id = f"{own_id}#artifact-{number}"
        levels = [
            {
                "id": f"{result_id}-{level.lower()}",
                "type": ["RubricCriterionLevel"],
                "name": level,
                "description": _descriptors(artifact.rubric.levels.get(level, ())),
            }
            for level in stack.levels
            if level in artifact.rubric.levels
        ]
        result: dict[str, Any] = {
            "id": result_id,
            "type": ["ResultDescription"],
            "name": wording().artifact_template.format(number=number, title=artifact.title),
            "resultType": "RubricCriterionLevel",
            "allowedValue": [level["name"] for level in levels],
            "rubricCriterionLevel": levels,
        }
        result["requiredLevel"] = f"{result_id}-{artifact.rubric.required_level.lower()}"
        results.append(result)
    source = credential.source
    return {
        "@context": OB_CONTEXT,
        "id": own_id,
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": credential.title,
        "description": credential.competency,
        "criteria": {"id": guide, "narrative": criteria_narrative(credential)},
        "resultDescription": results,
        "alignment": [
            {
                "type": ["Alignment"],
                "targetName": credential.title,
                "targetUrl": guide,
                "targetDescription": wording().achievement_target.format(publisher=source.publisher),
                "targetType": "ext:Guide",
            }
        ],
        "creator": {
            "id": f"urn:credential-guides:publisher:{_slug(source.publisher)}",
            "type": ["Profile"],
            "name": source.publisher,
        },
        "tag": tags,
        "inLanguage": "en",
    }


def criteria_narrative(credential: Credential) -> str:
    """What earning the credential asks for, in Markdown: the submission's three parts."""
    submission = credential.submission
    lines = [submission.rule, "", f"**{submission.overview.heading}**", "", *_questions(submission.overview)]
    lines += ["", f"**{submission.artifacts_heading}**", ""]
    lines += [_blocks(submission.artifacts_intro)] if submission.artifacts_intro else []
    for number, artifact in enumerate(submission.artifacts, start=1):
        lines += [f"{number}. {artifact.title}: {_blocks(artifact.instructions)}"]
    lines += ["", f"**{submission.reflection.heading}**", "", *_questions(submission.reflection)]
    required = sorted({artifact.rubric.required_level for artifact in submission.artifacts})
    words = wording()
    lines += ["", words.criteria_rated.format(levels=words.criteria_levels_joiner.join(required))]
    return "\n".join(line for line in lines if line is not None).strip()


def catalog_entries(catalog: Catalog, site_url: str | None, site_map: SiteMap | None = None) -> dict[str, Any]:
    """``catalog.json``: every credential with its key facts and where its pages and records are."""
    places = site_map or SiteMap.of(catalog)
    entries = []
    for credential in catalog.credentials:
        own = places[credential]
        stack = catalog.stack(credential.stack)
        items = own.fillables
        load = workload(credential)
        pdfs = own.pdf
        entries.append(
            {
                "id": credential.id,
                "title": credential.title,
                "stack": {"id": stack.id, "title": stack.title},
                "topic": credential.topic,
                "competency": credential.competency,
                "publisher": credential.source.publisher,
                "license": credential.source.license,
                "last_revised": credential.source.last_revised,
                "artifacts": [artifact.title for artifact in credential.submission.artifacts],
                "artifact_kinds": [
                    {"id": kind, "label": catalog.artifact_kinds[kind].label} for kind in kinds_of(credential)
                ],
                "templates": [{"id": item.id, "title": item.title} for item in items],
                "words": {"min": load.words[0], "max": load.words[1]},
                "recording_minutes": {"min": load.minutes[0], "max": load.minutes[1]} if load.minutes else None,
                "guide": page_address(own.guide, site_url),
                "templates_page": page_address(own.summary, site_url),
                "record": _file_address(own.record, site_url),
                "achievement": _file_address(own.achievement, site_url),
                "pdfs": {
                    "guide": _file_address(pdfs.guide, site_url),
                    "workbook": _file_address(pdfs.workbook, site_url),
                },
            }
        )
    return {"site": site_url, "count": len(entries), "credentials": entries}


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def embedded(value: Any) -> str:
    """``value`` as JSON-LD in a page; a ``<`` in the data cannot end the script element."""
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'


def _file_address(path: str, site_url: str | None) -> str:
    return f"{site_url}{path}" if site_url else path


def _questions(part: Questions) -> list[str]:
    marker = "1." if part.question_list == "numbered" else "-"
    intro = [_blocks(part.instructions), ""] if part.instructions else []
    return [*intro, *(f"{marker} {question}" for question in part.questions), "", part.passing]


def _blocks(blocks: tuple[Block, ...]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, Bullets):
            parts.append("; ".join(block.bullets))
        elif isinstance(block, Numbered):
            parts.append("; ".join(f"({n}) {item}" for n, item in enumerate(block.numbered, start=1)))
    return " ".join(parts)


def _descriptors(descriptors: tuple[Any, ...]) -> str:
    texts = []
    for descriptor in descriptors:
        if isinstance(descriptor, DescriptorList):
            texts.append(f"{descriptor.text} " + "; ".join(descriptor.items))
        else:
            texts.append(str(descriptor))
    return " ".join(texts)


def _slug(text: str) -> str:
    return "-".join("".join(c.lower() if c.isalnum() else " " for c in text).split())
