"""What the site takes from Material for MkDocs, read from the code, is the list MAINTAINING.md shows."""

from __future__ import annotations

from theme_use import Use, documented, in_zensical, material_uses


def test_maintaining_md_lists_everything_the_site_takes_from_material_and_whether_zensical_has_it() -> None:
    uses = material_uses()
    shown = documented()
    assert sorted(shown) == uses, "MAINTAINING.md's table is stale: print it anew with python tests/theme_use.py"
    for use in uses:
        there, replacement = shown[use]
        assert there == ("yes" if in_zensical(use) else "no"), use
        assert replacement, f"{use.kind} {use.name}: say what replaces it under Zensical"


def test_the_list_is_read_from_the_code_it_names() -> None:
    uses = material_uses()
    kinds = {use.kind for use in uses}
    assert {"template", "partial", "block", "DOM hook", "class", "CSS variable", "feature", "plugin"} <= kinds
    assert Use("template", "partials/copyright.html") in uses
    assert Use("CSS variable", "--md-primary-fg-color") in uses, "main.html sets it from site.yml's colours"
    assert Use("Python API", "material.plugins.tags.structure.tag (mkdocs_adapter.py)") in uses
    assert not in_zensical(Use("Python API", "material.plugins.tags.structure.tag (mkdocs_adapter.py)"))
    assert not in_zensical(Use("partial", "partials/no-such-partial.html"))
