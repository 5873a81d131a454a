"""Golden cases of bad data: each case edits a small valid data set and lists the errors expected.

Update with ``pytest tests/test_data_errors.py --update-golden`` and read the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import MINIMAL_DATA
from credential_guides.catalog import load_catalog
from credential_guides.errors import DataErrors

CASES = sorted((Path(__file__).parent / "cases" / "errors").glob("*.yml"))


class _CaseDumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, so case files stay readable."""


_CaseDumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None),
)


def dump_case(case: dict[str, Any]) -> str:
    return yaml.dump(case, Dumper=_CaseDumper, sort_keys=False, allow_unicode=True, width=1000)


def apply_case(case: dict[str, Any], data_dir: Path) -> None:
    shutil.copytree(MINIMAL_DATA, data_dir)
    for name, edits in (case.get("replace") or {}).items():
        path = data_dir / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"case edit does not apply to {name}: {old!r}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for name, content in (case.get("write") or {}).items():
        (data_dir / name).write_text(content, encoding="utf-8")
    for name in case.get("delete") or []:
        (data_dir / name).unlink()


def test_minimal_data_is_valid() -> None:
    catalog = load_catalog(MINIMAL_DATA)
    assert [c.id for c in catalog.credentials] == ["sample-credential"]


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_data_is_reported(case_file: Path, tmp_path: Path, update_golden: bool) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(case, tmp_path / "credentials_data")

    with pytest.raises(DataErrors) as raised:
        load_catalog(tmp_path / "credentials_data", display_root=tmp_path)
    found = [str(error) for error in raised.value.errors]

    if update_golden:
        case["errors"] = found
        case_file.write_text(dump_case(case), encoding="utf-8")
    assert found == case.get("errors"), case["description"]
    assert raised.value.report().endswith("nothing was built.")
