"""What the site relies on in MkDocs' and Material's internals (credential_guides/upstream.py).

Each test fails when the upstream behaviour a workaround relies on changes;
its name says which function of upstream.py to revisit.
"""

from __future__ import annotations

import inspect
import logging
from types import SimpleNamespace
from typing import Any

from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.tags.plugin import TagsPlugin
from material.plugins.tags.structure.mapping.manager import MappingManager
from material.plugins.tags.structure.tag import Tag
from mkdocs.commands import build as mkdocs_build
from mkdocs.utils import CountHandler

from credential_guides.offline import LOCAL_SHIM
from credential_guides.upstream import TAGS_PLUGIN, allow_only_tags, strict_warning_count, use_local_polyfills


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


def test_use_local_polyfills_replaces_the_polyfill_the_offline_plugin_adds() -> None:
    plugin = OfflinePlugin()
    errors, _ = plugin.load_config({"enabled": True})
    assert not errors, errors
    config: Any = SimpleNamespace(extra={}, use_directory_urls=False)
    plugin.on_config(config)
    assert any("iframe-worker" in url for url in config.extra["polyfills"]), config.extra
    assert any(url.startswith("http") for url in config.extra["polyfills"]), "the plugin's polyfill is remote"
    use_local_polyfills(config, LOCAL_SHIM)
    assert config.extra["polyfills"] == [LOCAL_SHIM]
