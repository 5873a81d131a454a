"""What the site relies on in MkDocs' and Material's internals (credential_guides/mkdocs_adapter.py,
material_markup.py).

Each test fails when the upstream behaviour a workaround relies on changes;
its name says which function of the adapter to revisit.
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import material
from material.plugins.tags.plugin import TagsPlugin
from material.plugins.tags.structure.mapping.manager import MappingManager
from material.plugins.tags.structure.tag import Tag
from mkdocs.commands import build as mkdocs_build
from mkdocs.utils import CountHandler

from credential_guides.material_markup import valid_material_markup
from credential_guides.mkdocs_adapter import TAGS_PLUGIN, allow_only_tags, strict_warning_count


def test_allow_only_tags_sets_the_tags_plugins_own_allowed_set_and_order() -> None:
    plugin = TagsPlugin()
    errors, _ = plugin.load_config({})
    assert not errors, errors
    config: Any = SimpleNamespace(plugins={TAGS_PLUGIN: plugin})
    assert allow_only_tags(config, ["Stack", "Survey", "Action plan"])
    assert set(plugin.config.tags_allowed) == {Tag("Stack"), Tag("Survey"), Tag("Action plan")}
    ordered = sorted([Tag("Action plan"), Tag("Stack"), Tag("Survey")], key=plugin.config.tags_sort_by)
    assert [tag.name for tag in ordered] == ["Stack", "Survey", "Action plan"]
    # The plugin still checks pages' tags against that very set (by reference, so it is changed in place).
    assert "TagSet(allowed = self.config.tags_allowed)" in inspect.getsource(MappingManager)
    assert not allow_only_tags(SimpleNamespace(plugins={}), ["Stack"])  # type: ignore[arg-type]


def test_strict_warning_count_reads_the_counter_mkdocs_checks_after_post_build() -> None:
    source = inspect.getsource(mkdocs_build.build)
    assert source.index("CountHandler()") < source.index("on_post_build") < source.index("get_counts()"), (
        "MkDocs no longer fails a --strict build after on_post_build: revisit publishing in on_post_build"
    )
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        strict: Any = SimpleNamespace(strict=True)
        assert strict_warning_count(strict) == 0
        logging.getLogger("mkdocs.plugins.example").warning("a warning")
        assert strict_warning_count(strict) == 1
        assert strict_warning_count(SimpleNamespace(strict=False)) == 0  # type: ignore[arg-type]
    finally:
        logger.removeHandler(counter)


# material_markup.py corrects Material's page markup; these read the Material templates it corrects.
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def test_valid_material_markup_still_finds_the_toggles_autocomplete_in_materials_base_template() -> None:
    toggles = [
        line.strip()
        for line in (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8").splitlines()
        if 'class="md-toggle"' in line
    ]
    assert toggles and all('autocomplete="off"' in line for line in toggles), "Material dropped it: remove the fix"
    assert all("autocomplete" not in valid_material_markup(line) for line in toggles)


def test_valid_material_markup_still_finds_the_toc_title_label_and_the_nested_navigations_label() -> None:
    toc = (MATERIAL_TEMPLATES / "partials" / "toc.html").read_text(encoding="utf-8")
    assert '<label class="md-nav__title" for="__toc">' in toc
    nav_item = (MATERIAL_TEMPLATES / "partials" / "nav-item.html").read_text(encoding="utf-8")
    assert '<nav class="md-nav" data-md-level="{{ level }}" aria-labelledby="{{ path }}_label"' in nav_item
    rendered = (
        '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="true">\n'
        '<label class="md-nav__title" for="__nav_2">\n<span class="md-nav__icon md-icon"></span>\n'
        "Family Engagement\n</label>"
    )
    corrected = valid_material_markup(rendered)
    assert "aria-labelledby" not in corrected and 'aria-label="Family Engagement"' in corrected
