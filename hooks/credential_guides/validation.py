"""Turn pydantic's validation errors into editor-facing ``DataError``s."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from .errors import DataError
from .placeholders import placeholder_message
from .strict_yaml import Loc, YamlDocument, format_loc

T = TypeVar("T")


def validate_document(
    adapter: TypeAdapter[T], root: Any, doc: YamlDocument, file: str, context: dict[str, Any] | None = None
) -> tuple[T | None, list[DataError]]:
    """Validate parsed YAML against a model; every problem becomes a DataError.

    ``context`` maps a registry kind ("stack", "resource", "citation") to the
    ids known, for the model's reference checks.
    """
    placeholders = [
        DataError(file, doc.lines.line_of(loc), format_loc(loc), placeholder_message(value))
        for loc, value in doc.placeholders.items()
    ]
    try:
        value = adapter.validate_python(doc.data, context=context)
    except ValidationError as exc:
        details = _without_consequential(exc.errors())
        errors = [_to_data_error(detail, root, doc, file) for detail in details]
        filled_in = {e.path for e in placeholders}
        return None, placeholders + [e for e in errors if e.path not in filled_in]
    return (None, placeholders) if placeholders else (value, [])


def _without_consequential(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop "too short" on a list whose own items failed: pydantic counts only the valid ones."""
    failing_parents = {detail["loc"][:end] for detail in details for end in range(len(detail["loc"]))}
    return [d for d in details if not (d["type"] == "too_short" and d["loc"] in failing_parents)]


def _to_data_error(detail: ErrorDetails, root: Any, doc: YamlDocument, file: str) -> DataError:
    loc = _data_loc(doc.data, detail["loc"])
    line = doc.lines.line_of(loc)
    if detail["type"] == "extra_forbidden":
        key = loc[-1]
        known = _field_names(root, doc.data, loc[:-1])
        hint = ""
        close = difflib.get_close_matches(str(key), known, n=1)
        if close:
            hint = f" (did you mean {close[0]!r}?)"
        expected = ", ".join(known) if known else "no other fields"
        return DataError(
            file, line, format_loc(loc), f"expected one of the fields {expected}; found unknown field {key!r}{hint}"
        )
    return DataError(file, line, format_loc(loc), _message(detail))


def _data_loc(data: Any, loc: tuple[int | str, ...]) -> Loc:
    """Drop the parts of pydantic's loc that name union members, not data."""
    kept: list[str | int] = []
    current = data
    for part in loc:
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            current = current[part]  # type: ignore[index]
        elif isinstance(current, dict) and part == loc[-1]:
            current = None  # a missing or unknown key: keep it as the last part
        else:
            continue
        kept.append(part)
    return tuple(kept)


def describe(value: Any) -> str:
    """How a found value reads in an error message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value; quote it if you meant text)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"the text {shown!r}" if value.strip() else "empty text"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        keys = ", ".join(map(str, list(value)[:4]))
        return f"a mapping with {keys}" if value else "an empty mapping"
    return type(value).__name__


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "string_too_short": "non-empty text",
}


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    found = describe(detail.get("input"))
    ctx = detail.get("ctx") or {}
    if kind == "missing":
        return "expected a value for this required field, found nothing"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, found {found}"
    if kind == "too_short":
        return f"expected at least {ctx.get('min_length')} item(s), found {ctx.get('actual_length')}"
    if kind == "string_too_long":
        length = len(detail.get("input") or "")
        return f"expected text of at most {ctx.get('max_length'):,} characters, found {length:,} characters"
    if kind == "string_pattern_mismatch":
        return f"expected an id of lowercase letters, digits and hyphens (like 'my-credential'), found {found}"
    if kind in ("greater_than_equal", "greater_than"):
        sign = "≥" if kind == "greater_than_equal" else ">"
        bound = ctx.get("ge", ctx.get("gt"))
        return f"expected a number {sign} {bound}, found {found}"
    if kind == "literal_error":
        return f"expected one of {ctx.get('expected')}, found {found}"
    if kind == "value_error":
        return str(ctx.get("error", detail["msg"]))
    message = detail["msg"]
    if message.startswith("expected"):
        return f"{message}, found {found}"
    return f"expected valid data ({message}), found {found}"


def _field_names(root: Any, data: Any, loc: Loc) -> list[str]:
    """The field names the model allows at ``loc`` (a mapping in the data)."""
    annotation = root
    current = data
    for part in loc:
        annotation = _step(annotation, part, current)
        current = current[part] if isinstance(current, (dict, list)) else None  # type: ignore[index]
    model = _pick_model(annotation, current)
    return list(model.model_fields) if model else []


def _unwrap(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _members(annotation: Any) -> list[Any]:
    annotation = _unwrap(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        return [m for arg in get_args(annotation) for m in _members(arg)]
    return [annotation]


def _pick_model(annotation: Any, data: Any) -> type[BaseModel] | None:
    models = [m for m in _members(annotation) if isinstance(m, type) and issubclass(m, BaseModel)]
    if not models:
        return None
    keys = set(data) if isinstance(data, dict) else set()
    return max(models, key=lambda m: len(keys & set(m.model_fields)))


def _step(annotation: Any, part: str | int, data: Any) -> Any:
    model = _pick_model(annotation, data)
    if isinstance(part, str) and model is not None and part in model.model_fields:
        return model.model_fields[part].annotation
    for member in _members(annotation):
        origin, args = get_origin(member), get_args(member)
        if origin in (tuple, list) and args:
            return args[0]
        if origin is dict and len(args) == 2:
            return args[1]
    return None
