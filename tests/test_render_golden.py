"""Golden files of the generated Markdown for the real data and the minimal fixture.

Update with ``pytest tests/test_render_golden.py --update-golden`` and read the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL_DATA
from credential_guides.catalog import load_catalog
from credential_guides.pages import TEMPLATES, navigation, render_site
from credential_guides.pdf import pdf_jobs
from credential_guides.settings import SiteSettings
from release_content import RELEASE_CONTENT

GOLDEN = Path(__file__).parent / "golden"
DATA_SETS = {"seed": RELEASE_CONTENT / "credentials_data", "minimal": MINIMAL_DATA}
PRINT_CSS = (TEMPLATES / "print" / "print.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(DATA_SETS))
def test_rendered_pages_match_golden(name: str, update_golden: bool) -> None:
    pages = render_site(load_catalog(DATA_SETS[name]))
    golden_dir = GOLDEN / name
    rendered = {page.src_uri: page.assembled_markdown() for page in pages}
    if update_golden:
        shutil.rmtree(golden_dir, ignore_errors=True)
        for src_uri, text in rendered.items():
            path = golden_dir / src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    on_disk = {p.relative_to(golden_dir).as_posix() for p in golden_dir.rglob("*.md")}
    assert set(rendered) == on_disk
    for src_uri, text in rendered.items():
        assert text == (golden_dir / src_uri).read_text(encoding="utf-8"), src_uri


def test_navigation_groups_guides_by_stack() -> None:
    catalog = load_catalog(RELEASE_CONTENT / "credentials_data")
    nav = navigation(render_site(catalog), catalog, extra=[{"Extra": "extra.md"}])
    assert nav[0] == {"Home": "index.md"}
    sections = {title: entries for item in nav for title, entries in item.items() if isinstance(entries, list)}
    assert list(sections) == ["Family and Community Engagement", "Multilingual Learners"]
    index, *guides = sections["Family and Community Engagement"]
    assert index == "family-community-engagement/index.md"
    assert [next(iter(entry)) for entry in guides] == [
        "Family Engagement as Access and Opportunities For All",
        "Linking Family Engagement to Learning Outcomes",
        "Community Partnerships for Learning and Family Well-Being",
    ]
    assert nav[-1] == {"Extra": "extra.md"}


PRINT_GOLDEN = GOLDEN / "print"
PRINTED = (
    "pdf/linking-family-engagement-learning-outcomes.pdf",  # a guide
    "pdf/family-engagement-access-opportunities-information-gathering-survey-handout.pdf",  # one template
    "pdf/multilingual-learner-family-caregiver-engagement-workbook.pdf",  # a workbook
)


def test_print_html_matches_golden(update_golden: bool) -> None:
    """The HTML WeasyPrint turns into PDFs, for one guide, one template (a handout) and one workbook.

    The print stylesheet is left out: it is the same file in every PDF and is tested by the PDFs themselves.
    """
    jobs = {
        job.output: job
        for job in pdf_jobs(
            load_catalog(RELEASE_CONTENT / "credentials_data"), SiteSettings(), RELEASE_CONTENT / "docs"
        )
    }
    for output in PRINTED:
        html = jobs[output].html.replace(PRINT_CSS, "/* print.css */")
        path = PRINT_GOLDEN / (Path(output).stem + ".html")
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        assert html == path.read_text(encoding="utf-8"), output
