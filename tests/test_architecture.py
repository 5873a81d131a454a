"""The shape of the build: its stages in order, MkDocs only in its adapter, no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "credential_guides"
STAGES = ["site_plan", "generate", "engines", "finish"]
"""The stages in the order they run: each may import those before it, never those after."""
ADAPTER = "mkdocs_adapter"


def imports() -> dict[str, set[str]]:
    """Each module of the package -> every module it imports (the package's by name, others by top package)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names.add((node.module or "").split(".")[0])
            elif isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
        found[path.stem] = names
    return found


def test_only_the_adapter_imports_mkdocs_or_material() -> None:
    importers = sorted(m for m, names in imports().items() if names & {"mkdocs", "material"})
    assert importers == [ADAPTER]


def test_the_package_has_no_import_circle() -> None:
    graph = {m: {n for n in names if n in imports()} for m, names in imports().items()}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for other in sorted(graph[module]):
            assert state.get(other) != "open", f"import circle: {' -> '.join([*path, module, other])}"
            if other not in state:
                visit(other, [*path, module])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_each_stage_imports_only_the_stages_before_it() -> None:
    graph = imports()
    for index, stage in enumerate(STAGES):
        later = set(STAGES[index + 1 :]) | {"build", ADAPTER}
        assert not graph[stage] & later, f"{stage} imports {graph[stage] & later}"
    assert set(STAGES) <= graph["build"], "build.py runs every stage"
    assert {"site_plan", "generate", "finish"} <= graph[ADAPTER]
