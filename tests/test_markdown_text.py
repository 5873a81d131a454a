from __future__ import annotations

from credential_guides.markdown_text import markdown, plain


def test_plain_text_cannot_inject_markup_or_markdown() -> None:
    assert plain("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert plain("[PDF] *bold* _x_ `code`") == r"\[PDF\] \*bold\* \_x\_ \`code\`"
    assert plain("Access & Opportunity") == "Access &amp; Opportunity"


def test_markdown_text_keeps_inline_markdown_on_one_line() -> None:
    assert markdown("the following **three**\nartifacts") == "the following **three** artifacts"
