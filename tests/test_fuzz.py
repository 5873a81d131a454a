"""Property-based fuzzing of the loader: mutated data gives data errors, never a traceback or a hang.

Each example mutates one real file (a credential, a registry or ``site.yml``),
either as text (cut, inserted YAML punctuation, moved lines, changed
indentation) or as a tree (a value of another type, a missing, renamed or
unknown key), then loads the project and, when it loads, renders every page
and every PDF's HTML. The suite runs a fixed set of examples within a time
budget; ``CG_FUZZ_EXAMPLES=5000 CG_FUZZ_SEED=random ./dev test tests/test_fuzz.py``
runs longer, on new examples.
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from credential_guides.errors import DataErrors
from credential_guides.pages import render_site
from credential_guides.pdf import pdf_jobs
from credential_guides.project import load_project
from release_content import RELEASE_CONTENT

EXAMPLES = int(os.environ.get("CG_FUZZ_EXAMPLES", "150"))
FIXED_SEED = os.environ.get("CG_FUZZ_SEED", "fixed") == "fixed"
SECONDS_PER_EXAMPLE = 5
"""Far above the slowest load seen (0.3 s), far below a hang."""
SUITE_BUDGET_SECONDS = 90

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=FIXED_SEED,
    database=None,
    deadline=None,  # the alarm below fails a hang; timings vary too much on shared runners for a deadline
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

YAML_PUNCTUATION = ":-[]{}&*!|>'\"%@`#,?\n\t \\"
TEXT = st.text(alphabet=st.sampled_from(YAML_PUNCTUATION) | st.characters(codec="utf-8"), max_size=24)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for part in ("credentials_data", "docs"):
        shutil.copytree(RELEASE_CONTENT / part, root / part)
    shutil.copy2(RELEASE_CONTENT / "site.yml", root / "site.yml")
    return root


def data_files(root: Path) -> list[str]:
    files = [p.relative_to(root).as_posix() for p in sorted((root / "credentials_data").rglob("*.yml"))]
    return [*files, "site.yml"]


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["cut", "insert", "replace", "move", "indent", "truncate", "double"]))
        if kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif kind == "insert":
            text = text[:at] + draw(TEXT) + text[at:]
        elif kind == "replace":
            text = text[:at] + draw(TEXT) + text[at + draw(st.integers(1, 24)) :]
        elif kind == "move":
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines.insert(j, lines.pop(i))
            text = "\n".join(lines)
        elif kind == "indent":
            i = draw(st.integers(0, len(lines) - 1))
            lines[i] = " " * draw(st.integers(0, 8)) + lines[i].lstrip(" ")
            text = "\n".join(lines)
        elif kind == "truncate":
            text = text[:at]
        else:
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
    return text


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TEXT
    | st.text(min_size=4_000, max_size=6_000, alphabet="ab \n")
    | st.sampled_from(["", "0", "null", "yes", "2024-13-45", "https://", "javascript:alert(1)", "<b>x</b>"])
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*prefix, index))


@st.composite
def tree_mutation(draw: st.DrawFn, text: str) -> str:
    tree = yaml.safe_load(text)
    path = draw(st.sampled_from([p for p in _paths(tree) if p]))
    parent = tree
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    kind = draw(st.sampled_from(["retype", "delete", "rename", "unknown", "repeat"]))
    if kind == "retype":
        parent[last] = draw(VALUES)
    elif kind == "delete":
        del parent[last]
    elif kind == "rename" and isinstance(parent, dict):
        parent[draw(TEXT)] = parent.pop(last)
    elif kind == "unknown" and isinstance(parent, dict):
        parent[draw(st.sampled_from(["notes", "extra", "Title", "id "]))] = draw(VALUES)
    elif isinstance(parent, list):
        parent.insert(last, parent[last])
    return yaml.safe_dump(tree, sort_keys=False, allow_unicode=True, width=100)


@contextlib.contextmanager
def no_hang(seconds: int) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"the build did not answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load_and_render(root: Path) -> str:
    """What a build does with the data before writing anything: '' or the error report."""
    try:
        loaded = load_project(root, docs_dir=root / "docs")
    except DataErrors as exc:
        known = set(data_files(root))
        lines = {name: len((root / name).read_text(encoding="utf-8", errors="replace").splitlines()) for name in known}
        assert exc.errors, "an empty error report"
        for error in exc.errors:
            assert error.file in known, str(error)
            assert 1 <= error.line <= lines[error.file] + 1, str(error)
            assert error.message.strip(), str(error)
        return exc.report()
    render_site(loaded.catalog, loaded.settings, pdfs=True, search_page=True)
    pdf_jobs(loaded.catalog, loaded.settings, root / "docs")
    return ""


def check(project: Path, name: str, mutated: str, started: list[float]) -> None:
    path = project / name
    original = path.read_bytes()
    try:
        path.write_text(mutated, encoding="utf-8", errors="surrogatepass")
        with no_hang(SECONDS_PER_EXAMPLE):
            report = load_and_render(project)
        assert "Traceback" not in report
        event("loaded and rendered" if not report else "data errors")
    finally:
        path.write_bytes(original)
    if FIXED_SEED:
        assert time.monotonic() - started[0] < SUITE_BUDGET_SECONDS, "the fuzzing ran past its time budget"


@pytest.fixture(scope="module")
def clock() -> list[float]:
    return [time.monotonic()]


@FUZZ
@given(data=st.data())
def test_text_mutations_give_data_errors_only(project: Path, clock: list[float], data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(data_files(project)))
    mutated = data.draw(text_mutation((project / name).read_text(encoding="utf-8")))
    check(project, name, mutated, clock)


@FUZZ
@given(data=st.data())
def test_tree_mutations_give_data_errors_only(project: Path, clock: list[float], data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(data_files(project)))
    mutated = data.draw(tree_mutation((project / name).read_text(encoding="utf-8")))
    check(project, name, mutated, clock)


def test_the_fuzzer_reaches_both_errors_and_valid_data(project: Path) -> None:
    """A fuzzer whose every example fails to parse would test nothing past the YAML reader."""
    assert load_and_render(project) == ""
    name = "credentials_data/family-engagement-access-opportunities.yml"
    text = (project / name).read_text(encoding="utf-8")
    retyped = yaml.safe_load(text)
    retyped["title"] = math.pi
    (project / name).write_text(yaml.safe_dump(retyped, sort_keys=False), encoding="utf-8")
    try:
        assert "title: expected" in load_and_render(project)
    finally:
        (project / name).write_text(text, encoding="utf-8")
