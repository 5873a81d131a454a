"""Text from the data in generated Markdown: plain text stays text, and Markdown fields are a small dialect."""

from __future__ import annotations

import html.parser

import markdown as markdown_lib
import pytest

from credential_guides.data_markdown import browser_url, link_problems, markdown, url_problem
from credential_guides.markdown_text import MARKDOWN_EXTENSIONS, link_target, plain

ALLOWED_TAGS = {"em", "strong", "code", "a", "img", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(fragment: str) -> _Elements:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser


def as_the_page_converts_it(fragment: str, where: str = "paragraph") -> str:
    """``fragment`` put in a generated page as the templates put it, converted as MkDocs converts pages."""
    source = {"paragraph": fragment, "item": f"- {fragment}", "span": f'<p markdown="span">{fragment}</p>'}[where]
    html = markdown_lib.markdown(source, extensions=[*MARKDOWN_EXTENSIONS, "toc"])
    return {
        "paragraph": html.removeprefix("<p>").removesuffix("</p>"),
        "item": html.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>"),
        "span": html.removeprefix("<p>").removesuffix("</p>"),
    }[where]


def test_plain_text_cannot_inject_markup_or_markdown() -> None:
    assert plain("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert plain("[PDF] *bold* _x_ `code`") == r"\[PDF\] \*bold\* \_x\_ \`code\`"
    assert plain("Access & Opportunity") == "Access &amp; Opportunity"
    assert plain('Title {: onclick="x" } | #') == r"Title \{: onclick=&#34;x&#34; \} \| \#"


@pytest.mark.parametrize("text", ["Title {: onclick=x }", "Title {: #top .big }", "A | B", "Closing #", "*x* <b>"])
def test_a_plain_heading_is_only_its_text(text: str) -> None:
    html = markdown_lib.markdown(f"## {plain(text)}", extensions=[*MARKDOWN_EXTENSIONS, "toc"])
    element = parsed(html)
    assert [tag for tag, _ in element.elements] == ["h2"]
    assert set(element.elements[0][1]) == {"id"}
    assert "".join(element.text) == text


def test_markdown_text_keeps_inline_markdown_on_one_line() -> None:
    assert markdown("the following **three**\nartifacts") == "the following <strong>three</strong> artifacts"
    assert markdown("see [NEA](https://www.nea.org/?a=1&copy=2)") == (
        'see <a href="https://www.nea.org/?a=1&amp;copy=2">NEA</a>'
    )


HOSTILE = [
    "<script>alert(1)</script> and <b onclick=x>bold</b>",
    '<img src=x onerror="alert(1)">',
    'Text {: onclick="alert(1)" } more',
    'Text{: href="file:///etc/passwd" rel="attachment" }',
    '**bold**{: style="position:fixed;inset:0" }',
    "<https://evil.example/> <mailto:x@evil.example> <x@evil.example>",
    "&lt;script&gt; &#60;b&#62; &amp;",
    "- a list? 1. a number? # a heading? > a quote?",
    "| a | b |",
    "!!! note",
    "[x][ref] and [ref]: https://evil.example/",
    "`<script>` in code {: .x }",
    "snake_case and a*b*c and [brackets]",
    "\\*escaped\\* \\<b\\>",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("where", ["paragraph", "item", "span"])
def test_markdown_from_data_writes_no_markup_and_survives_the_pages_markdown(text: str, where: str) -> None:
    fragment = str(markdown(text))
    final = as_the_page_converts_it(fragment, where)
    for tag, attributes in parsed(final).elements:
        assert tag in ALLOWED_TAGS, (tag, final)
        assert set(attributes) <= ALLOWED_ATTRIBUTES.get(tag, set()), (tag, attributes, final)
    assert parsed(final).elements == parsed(fragment).elements, "the page's Markdown changed nothing"
    assert "".join(parsed(final).text) == "".join(parsed(fragment).text)


def test_tags_and_references_in_data_are_shown_as_written() -> None:
    shown = "".join(parsed(as_the_page_converts_it(str(markdown(HOSTILE[0])))).text)
    assert shown == "<script>alert(1)</script> and <b onclick=x>bold</b>"
    shown = "".join(parsed(as_the_page_converts_it(str(markdown(HOSTILE[6])))).text)
    assert shown == "&lt;script&gt; &#60;b&#62; &amp;"
    shown = "".join(parsed(as_the_page_converts_it(str(markdown(HOSTILE[2])), "item")).text)
    assert shown == 'Text {: onclick="alert(1)" } more'


SCRIPT_LINKS = [
    "[x](javascript:alert(1))",
    "[x]( JavaScript:void(0))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&#106avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&#9;script:alert(1))",
    "[x](java&Tab;script:alert(1))",
    "[x](<javascript:alert(1)>)",
    '[x](javascript:alert(1) "title")',
    "[x](vbscript:msgbox)",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](file:///etc/passwd)",
    "[x](FILE:///proc/self/environ)",
]


@pytest.mark.parametrize("link", SCRIPT_LINKS)
def test_a_link_to_anything_but_the_web_or_mail_is_refused_and_dropped(link: str) -> None:
    problems = link_problems(f"See {link}.")
    assert len(problems) == 1
    assert problems[0].startswith("expected links to http(s) or mailto addresses only, found a link to ")
    assert 'href="' not in markdown(f"See {link}.")


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("[x](//evil.example/)", "expected an http(s) or mailto address with its scheme, found '//evil.example/'"),
        ("[x](/\\evil.example/)", "expected an address without backslashes, found '/\\\\evil.example/'"),
        (
            "[x](https:///nohost)",
            "expected an address with a host, like 'https://www.nea.org/', found 'https:///nohost'",
        ),
        ("![x](http://127.0.0.1:8000/a.png)", "expected a picture of this site (a path like 'assets/map.png'), found "),
        ("![x](file:///etc/passwd)", "expected a picture of this site (a path like 'assets/map.png'), found "),
        ("![x](//127.0.0.1/a.png)", "expected a picture of this site (a path like 'assets/map.png'), found "),
    ],
)
def test_addresses_that_leave_the_site_another_way_are_refused(link: str, expected: str) -> None:
    problems = link_problems(link)
    assert len(problems) == 1 and problems[0].startswith(expected), problems
    rendered = markdown(link)
    assert 'href="' not in rendered and "<img" not in rendered


def test_web_mail_and_site_links_and_site_pictures_are_kept() -> None:
    text = "[a](https://www.nea.org/) [b](mailto:pd@example.org) [c](../guide/) ![map](assets/map.png)"
    assert link_problems(text) == ()
    rendered = str(markdown(text))
    assert 'href="https://www.nea.org/"' in rendered and 'href="mailto:pd@example.org"' in rendered
    assert 'href="../guide/"' in rendered and '<img alt="map" src="assets/map.png">' in rendered


def test_an_address_is_read_as_a_browser_reads_it() -> None:
    assert browser_url(" java&#9;script&colon;x ") == "javascript:x"
    assert browser_url("https://a/?x=1&copy=2") == "https://a/?x=1&copy=2", "no ';': not a reference in an href"
    assert browser_url("https://a/?x=1&amp;y=2") == "https://a/?x=1&y=2"
    assert url_problem("https://www.nea.org/", relative=False) is None
    assert url_problem("guide/", relative=False) == (
        "expected a full http(s) or mailto address like 'https://www.nea.org/', found 'guide/'"
    )


def test_a_checked_address_cannot_end_a_markdown_link_early() -> None:
    target = link_target('https://example.org/a_(b)*c* d<e>"')
    assert target == "https://example.org/a_%28b%29*c*%20d%3Ce%3E%22"
    html = markdown_lib.markdown(f"[x]({target})")
    assert parsed(html).elements == [("p", {}), ("a", {"href": "https://example.org/a_%28b%29*c*%20d%3Ce%3E%22"})]


def test_text_without_markup_is_written_as_the_full_conversion_would_write_it() -> None:
    """The shortcut for plain text (most of a guide) gives what Python-Markdown gives."""
    from credential_guides import data_markdown

    texts = [
        "Families and schools share responsibility.",
        "- a dash first",
        "+ a plus",
        "12. a number",
        "3) another",
        "Quotes \"like\" these, 'and these', 50% (of them) = half; a: b — c… é ü 中文",
        "  spaced\n  over   lines  ",
        "1999 was a year",
    ]
    for text in texts:
        one_line = " ".join(text.split())
        data_markdown._converter.reset()
        full = data_markdown._converter.convert(one_line).removeprefix("<p>").removesuffix("</p>")
        assert str(markdown(text)) == data_markdown._disarm(full), text
