"""The YAML mistakes people make in a browser editor, each said in plain words on the line to change."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL_DATA, ROOT
from credential_guides.strict_yaml import parse_yaml
from credential_guides.yaml_mistakes import find_mistake
from release_content import RELEASE_CONTENT

SAMPLE = (MINIMAL_DATA / "sample-credential.yml").read_text(encoding="utf-8")
NAME = "credentials_data/sample-credential.yml"

# (what a person did, the line as the file had it, the line as they left it, the one error expected)
MISTAKES = [
    (
        "a tab to indent",
        "  publisher: Sample Publisher",
        "\tpublisher: Sample Publisher",
        "7: source.publisher: expected spaces to indent the line, found a tab: "
        "replace the tab with spaces, two for each level",
    ),
    (
        "no space after the colon",
        "title: Sample Credential",
        "title:Sample Credential",
        "3: title: expected a space after 'title:', found 'title:Sample Credential': write title: Sample Credential",
    ),
    (
        "no space after the colon, inside a section",
        "  publisher: Sample Publisher",
        "  publisher:Sample Publisher",
        "7: source.publisher: expected a space after 'publisher:', found 'publisher:Sample Publisher': "
        "write publisher: Sample Publisher",
    ),
    (
        "': ' inside a sentence",
        "competency: The competency.",
        "competency: Families: the first teachers.",
        "11: competency: expected ': ' only after the field name, found it inside the text "
        "'Families: the first teachers.': put the text in double quotes, as in "
        'competency: "Families: the first teachers."',
    ),
    (
        "': ' inside a sentence that has quotes",
        "    passing: Passing text.",
        '    passing: Passing: the "best" text.',
        "28: submission.overview.passing: expected ': ' only after the field name, found it inside the text "
        "'Passing: the \"best\" text.': put the text in double quotes, as in "
        'passing: "Passing: the \\"best\\" text."',
    ),
    (
        "a double quote never closed",
        "title: Sample Credential",
        'title: "Sample Credential',
        '3: title: expected the text that opens with " to close with " on the same line, found no closing ": '
        'end it with ", as in title: "Sample Credential"',
    ),
    (
        "a single quote never closed",
        "title: Sample Credential",
        "title: 'Sample Credential",
        "3: title: expected the text that opens with ' to close with ' on the same line, found no closing ': "
        "end it with ', as in title: 'Sample Credential'",
    ),
    (
        "words after the closing quote",
        "title: Sample Credential",
        'title: "Sample" Credential',
        "3: title: expected the text to end at its closing quote, found 'Credential' after it: "
        'put all of the text inside the quotes, as in title: "Sample Credential"',
    ),
    (
        "a list in brackets never closed",
        "research: [doe-2020]",
        "research: [doe-2020",
        "18: research: expected the list that opens with '[' to close with ']' on the same line, found none: "
        "end it with ']', as in research: [doe-2020]",
    ),
    (
        "a list item one space short",
        "      - bullets: [one, two]",
        "     - bullets: [one, two]",
        "17: method_components.blocks.bullets: expected 6 spaces before '- bullets: [one, two]' "
        "(as the list item on line 16), found 5: line it up with the lines it belongs with",
    ),
    (
        "a list item a level too deep",
        "      - bullets: [one, two]",
        "        - bullets: [one, two]",
        "17: method_components.blocks.bullets: expected 6 spaces before '- bullets: [one, two]' "
        "(as the list item on line 16), found 8: line it up with the lines it belongs with",
    ),
    (
        "a list item under its field at an odd depth",
        "  - heading: A Component",
        " - heading: A Component",
        "14: method_components.heading: expected 2 spaces before '- heading: A Component' "
        "(one level deeper than 'method_components' on line 13), found 1: line it up with the lines it belongs with",
    ),
    (
        "a field one space too deep",
        "  license: CC BY-NC-ND 4.0",
        "   license: CC BY-NC-ND 4.0",
        "8: source.license: expected 2 spaces before 'license: CC BY-NC-ND 4.0' (as 'publisher' on line 7), "
        "found 3: line it up with the lines it belongs with",
    ),
    (
        "no space after a list dash",
        "      - A paragraph.",
        "      -A paragraph.",
        "16: method_components.blocks: expected a space after '-' to start a list item, found '-A paragraph.': "
        "write - A paragraph.",
    ),
    (
        "a field twice",
        "key_method: The key method.",
        "key_method: The key method.\nkey_method: Another.",
        "13: key_method: expected each field once, found 'key_method' again (first on line 12): "
        "keep one of the two lines and delete the other",
    ),
]


@pytest.mark.parametrize(("before", "after", "expected"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_yaml_mistake_is_named_on_its_line_with_what_to_type(before: str, after: str, expected: str) -> None:
    assert before in SAMPLE
    _, errors = parse_yaml(SAMPLE.replace(before, after, 1).encode("utf-8"), NAME)
    assert [str(error) for error in errors] == [f"{NAME}:{expected}"]


def test_what_the_message_says_to_type_makes_the_file_parse() -> None:
    for _, before, after, _ in MISTAKES[:-1]:
        mistake = find_mistake(SAMPLE.replace(before, after, 1))
        assert mistake is not None
        lines = SAMPLE.replace(before, after, 1).splitlines()
        lines[mistake.line - 1] = mistake.fixed
        document, errors = parse_yaml("\n".join(lines).encode("utf-8"), NAME)
        assert document is not None and errors == [], (after, mistake.fixed)


def test_a_mistake_it_cannot_read_keeps_the_parsers_words() -> None:
    _, errors = parse_yaml(b"title: Sample\n? [a, b]\n: c\n- d\n", "x.yml")
    assert [str(e) for e in errors] == [
        "x.yml:4: expected valid YAML, found a syntax error: did not find expected key "
        "(while parsing a block mapping started on line 1)"
    ]


VALID_FILES = sorted(
    [
        *RELEASE_CONTENT.rglob("*.yml"),
        *MINIMAL_DATA.rglob("*.yml"),
        *(ROOT / "tests" / "releases").rglob("*.yml"),
        *(ROOT / "tests" / "cases").rglob("*.yml"),
        ROOT / ".github" / "workflows" / "site.yml",
    ]
)


@pytest.mark.parametrize("path", VALID_FILES, ids=[p.relative_to(ROOT).as_posix() for p in VALID_FILES])
def test_a_valid_file_has_no_mistake_to_name(path: Path) -> None:
    assert find_mistake(path.read_text(encoding="utf-8")) is None
