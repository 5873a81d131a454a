"""``credential-guides``: check, scaffold and describe the data without building the site.

credential-guides validate [DATA_DIR]   every error of every file, in file:line form
credential-guides new ID --stack STACK [--topic N] [--title TITLE]
credential-guides schema                regenerate the JSON Schemas editors use
credential-guides render DIR            the site as a plain MkDocs project (no hooks) in DIR
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalog import load_catalog
from .errors import DataErrors
from .pages import environment
from .project import DATA_DIR, load_project
from .schemas import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="credential-guides", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every data file and site.yml; report every error")
    validate.add_argument("project", nargs="?", type=Path, default=Path("."), help="project folder (default: here)")
    new = commands.add_parser("new", help="scaffold a credential file with every section present and commented")
    new.add_argument("id", help="the credential id, which is also its file name: lowercase-words-with-hyphens")
    new.add_argument("--stack", required=True, help="a stack id from credentials_data/registries/stacks.yml")
    new.add_argument("--topic", type=int, default=None, help="its topic number in the stack")
    new.add_argument("--title", default=None, help="the guide's title")
    new.add_argument("--project", type=Path, default=Path("."))
    schema = commands.add_parser("schema", help="regenerate the JSON Schema files from the model")
    schema.add_argument("--project", type=Path, default=Path("."))
    render = commands.add_parser("render", help="write the site as a plain MkDocs project (no hooks) into a folder")
    render.add_argument("dest", type=Path, help="the folder to write (replaced if it exists)")
    render.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args(argv)

    if args.command == "validate":
        return _validate(args.project)
    if args.command == "new":
        return _new(args.project, args.id, args.stack, args.topic, args.title)
    if args.command == "render":
        return _render(args.project, args.dest)
    for path in write_schemas(args.project):
        print(f"wrote {path}")
    return 0


def _render(project: Path, dest: Path) -> int:
    from mkdocs.exceptions import PluginError

    from .render_dir import render_project

    try:
        pages = render_project(project, dest)
    except PluginError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"wrote {len(pages)} pages and mkdocs.yml to {dest}: build it with `mkdocs build -f {dest / 'mkdocs.yml'}`")
    return 0


def _validate(project: Path) -> int:
    started = time.perf_counter()
    try:
        loaded = load_project(project.resolve())
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    catalog = loaded.catalog
    shown = f"{len(catalog.credentials)} credentials in {len(catalog.stacks)} stacks shown"
    print(f"{shown}; all data valid ({elapsed:.2f} s)")
    return 0


def _new(project: Path, credential_id: str, stack_id: str, topic: int | None, title: str | None) -> int:
    data_dir = project / DATA_DIR
    path = data_dir / f"{credential_id}.yml"
    if path.exists():
        print(f"{path} already exists; choose another id or edit that file", file=sys.stderr)
        return 1
    try:
        catalog = load_catalog(data_dir, display_root=project)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        print("Fix these before adding a credential.", file=sys.stderr)
        return 1
    stacks = {stack.id: stack for stack in catalog.stacks}
    if stack_id not in stacks:
        print(f"--stack: expected one of {', '.join(stacks)}, found {stack_id!r}", file=sys.stderr)
        return 2
    text = (
        environment()
        .get_template("new_credential.yml.j2")
        .render(
            id=credential_id,
            title=title or credential_id.replace("-", " ").capitalize(),
            stack=stack_id,
            topic=topic,
            levels=stacks[stack_id].levels,
            kinds=list(catalog.artifact_kinds),
        )
    )
    path.write_text(text, encoding="utf-8")
    try:
        load_catalog(data_dir, display_root=project)
    except DataErrors as exc:
        path.unlink()
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"wrote {path}: replace each REPLACE text with the guide's words, then run credential-guides validate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
