"""The offline copy's pages, made from the finished site: links to files, and the search index."""

from __future__ import annotations

import json

import pytest

from credential_guides.offline import folder_links_to_files, offline_page, search_script, searched_text


@pytest.mark.parametrize(
    ("link", "offline"),
    [
        ('href="../guide/"', 'href="../guide/index.html"'),
        ('href="./"', 'href="./index.html"'),
        ('href=".."', 'href="../index.html"'),
        ('href="../.."', 'href="../../index.html"'),
        ('href="?stack=fce#find-a-credential"', 'href="index.html?stack=fce#find-a-credential"'),
        ('href="../../?kind=map#find"', 'href="../../index.html?kind=map#find"'),
        ('href="../guide/#part-2"', 'href="../guide/index.html#part-2"'),
        ('src="../assets/javascripts/cg/form.js"', 'src="../assets/javascripts/cg/form.js"'),
        ('href="../pdf/guide.pdf"', 'href="../pdf/guide.pdf"'),
        ('href="#top"', 'href="#top"'),
        ('href="https://www.nea.org/"', 'href="https://www.nea.org/"'),
        ('href="mailto:pd@district.example"', 'href="mailto:pd@district.example"'),
        ('href="//cdn.example/x/"', 'href="//cdn.example/x/"'),
        ('href=""', 'href=""'),
    ],
)
def test_a_link_to_a_folder_names_its_index_file_and_no_other_link_changes(link: str, offline: str) -> None:
    assert folder_links_to_files(f"<a {link}>x</a>") == f"<a {offline}>x</a>"


def test_only_attributes_are_rewritten_not_text_that_looks_like_one() -> None:
    text = '<p>Type href="../guide/" in the box</p>'
    assert folder_links_to_files(text) == text


def test_the_page_not_found_is_made_relative_to_the_copys_root() -> None:
    html = '<a href="/assets/x.css"></a><script>__md_scope=new URL("/",location)</script><a href="/">Home</a>'
    assert offline_page(html, "404.html") == (
        '<a href="assets/x.css"></a><script>__md_scope=new URL(".",location)</script><a href="./index.html">Home</a>'
    )


def test_the_search_index_holds_each_articles_title_and_text_and_no_markup() -> None:
    html = (
        "<header><h1>Site</h1></header><article class='md-content__inner'><h1>Action &amp; Plan</h1>"
        "<p>Meet families</p><textarea>typed</textarea><script>var x = 1</script><button>Add row</button>"
        "</article>"
    )
    assert searched_text(html) == ("Action & Plan", "Action & Plan Meet families")


def test_the_search_index_cannot_end_its_script_whatever_the_text() -> None:
    hostile = "</script><script>alert(1)</script><!--"
    script = search_script([("guide/index.html", hostile, f"text {hostile}")]).decode("utf-8")
    assert "<" not in script
    body = script.removeprefix("window.cgOfflineIndex = ").removesuffix(";\n")
    assert json.loads(body) == [["guide/index.html", hostile, f"text {hostile}"]]
