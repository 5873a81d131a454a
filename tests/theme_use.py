"""What the site takes from Material for MkDocs, read from the code, and whether Zensical has each.

Read from the overrides (templates overridden, blocks filled, partials and icons
included), the browser code (Material's DOM it reaches into), the stylesheet
and the templates (Material's classes and CSS variables), ``mkdocs.yml`` (theme
features, plugins), the adapter (Material's Python) and ``material_markup.py``
(Material's markup the finish stage corrects). MAINTAINING.md shows the list
with what replaces each under Zensical; ``tests/test_theme_use.py`` fails when
the two differ. ``python tests/theme_use.py`` prints the table, keeping what
MAINTAINING.md says of each entry.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import material
import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
HOOKS = ROOT / "hooks" / "credential_guides"
MAINTAINING = ROOT / "MAINTAINING.md"
MATERIAL = Path(material.__file__).parent / "templates"
START, END = "<!-- material-use -->", "<!-- /material-use -->"

_BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")
_INCLUDE = re.compile(r"""{%-?\s*include\s+["']([^"']+)["']""")
_MD_CLASS = re.compile(r"\.(md-[a-z0-9_-]+)|\[(data-md-[a-z-]+)")
_MD_VARIABLE = re.compile(r"(--md-[a-z0-9-]+)")
_DOM = re.compile(r"""["'#](__(?:drawer|search|toc|nav\w*))\b|(data-md-[a-z-]+)|["'. ](md-[a-z0-9_-]+)""")
MARKUP_PROBES = {
    "_CHECKBOX_AUTOCOMPLETE": 'type="checkbox" id="__drawer" autocomplete="off"',
    "_TOC_LABEL": 'for="__toc"',
    "_TOC_CONTROL": 'id="__toc"',
    "_NESTED_NAV": 'aria-labelledby="{{ path }}_label"',
}
"""What each correction of material_markup.py looks for, as it is written in the theme's templates."""


@dataclass(frozen=True, order=True)
class Use:
    kind: str
    name: str


def _overrides() -> list[Path]:
    return sorted(OVERRIDES.rglob("*.html"))


def _scripts() -> list[Path]:
    return sorted((OVERRIDES / "assets" / "javascripts").rglob("*.js"))


def _own_scripts() -> list[Path]:
    return [path for path in _scripts() if "vendor" not in path.parts]


def _stylesheets() -> list[Path]:
    return sorted((OVERRIDES / "assets" / "stylesheets").rglob("*.css"))


def material_uses() -> list[Use]:
    uses: set[Use] = set()
    for path in _overrides():
        name = path.relative_to(OVERRIDES).as_posix()
        text = path.read_text(encoding="utf-8")
        if (MATERIAL / name).is_file():
            uses.add(Use("template", name))
        uses.update(Use("block", block) for block in _BLOCK.findall(text))
        for included in _INCLUDE.findall(text):
            uses.add(Use("icon" if included.startswith(".icons/") else "partial", included))
        uses.update(Use("CSS variable", v) for v in _MD_VARIABLE.findall(text))
    for path in _stylesheets():
        text = path.read_text(encoding="utf-8")
        uses.update(Use("class", a or b) for a, b in _MD_CLASS.findall(text))
        uses.update(Use("CSS variable", v) for v in _MD_VARIABLE.findall(text))
    for path in _own_scripts():
        for found in _DOM.findall(path.read_text(encoding="utf-8")):
            uses.add(Use("DOM hook", next(part for part in found if part)))
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    uses.update(Use("feature", feature) for feature in config["theme"].get("features", []))
    for plugin in config.get("plugins", []):
        uses.add(Use("plugin", next(iter(plugin)) if isinstance(plugin, dict) else plugin))
    for path in sorted(HOOKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "material":
                uses.add(Use("Python API", f"{node.module} ({path.name})"))
    markup = ast.parse((HOOKS / "material_markup.py").read_text(encoding="utf-8"))
    for node in markup.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id[0] == "_":
            uses.add(Use("markup corrected", node.targets[0].id))
    return sorted(uses)


@cache
def _zensical_text() -> str:
    spec = importlib.util.find_spec("zensical")
    assert spec is not None and spec.submodule_search_locations, "Zensical is a dependency: ./dev installs it"
    folder = Path(next(iter(spec.submodule_search_locations)))
    parts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*")) if _readable(p)]
    return "\n".join(parts)


def _readable(path: Path) -> bool:
    return path.is_file() and path.suffix in {".html", ".js", ".css", ".py", ".toml"} and ".icons" not in path.parts


def zensical_templates() -> Path:
    spec = importlib.util.find_spec("zensical")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "templates"


def in_zensical(use: Use) -> bool:
    """Whether Zensical 0.0.73 ships what ``use`` names: the same file, block, class, variable or name."""
    if use.kind in ("template", "partial", "icon"):
        return (zensical_templates() / use.name).exists()
    if use.kind == "Python API":
        return False  # Zensical runs no Python of the site's
    if use.kind == "markup corrected":
        return MARKUP_PROBES[use.name] in _zensical_text()
    if use.kind == "block":
        return bool(re.search(r"{%-?\s*block\s+" + use.name + r"\b", _zensical_text()))
    if use.kind == "plugin":
        return f'"{use.name}"' in _zensical_text()
    return use.name.split("=")[0] in _zensical_text()


def documented() -> dict[Use, tuple[str, str]]:
    """MAINTAINING.md's table: each entry -> (in Zensical, what replaces it there)."""
    text = MAINTAINING.read_text(encoding="utf-8")
    table = text[text.index(START) + len(START) : text.index(END)]
    rows = {}
    for line in table.strip().splitlines()[2:]:
        kind, name, there, replacement = (cell.strip() for cell in line.strip().strip("|").split("|"))
        rows[Use(kind, name.strip("`"))] = (there, replacement)
    return rows


def table() -> str:
    known = documented() if START in MAINTAINING.read_text(encoding="utf-8") else {}
    lines = ["| kind | what | in Zensical 0.0.73 | under Zensical |", "|---|---|---|---|"]
    for use in material_uses():
        there = "yes" if in_zensical(use) else "no"
        lines.append(f"| {use.kind} | `{use.name}` | {there} | {known.get(use, ('', ''))[1]} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
