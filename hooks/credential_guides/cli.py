"""``credential-guides``: check, scaffold, upgrade, describe and build the site.

credential-guides validate [PROJECT]    every error of every file, in file:line form
credential-guides new-stack ID --title TITLE --publisher NAME [--license NAME [--license-url URL]]
credential-guides new ID --stack STACK [--topic N] [--title TITLE]
credential-guides upgrade [PROJECT]     rewrite data files of an older format to the current one
credential-guides schema                regenerate the JSON Schemas editors use
credential-guides render DIR            the site as a project with no hooks (for MkDocs or Zensical) in DIR
credential-guides build [--engine E]    build the site into site/ with MkDocs (default) or Zensical
credential-guides status [PROJECT]      what this copy hides, changes and adds, and which release it runs
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from pathlib import Path

import yaml

from .build_switches import ENGINE_ENV
from .catalog import LOCAL_DIR, REGISTRY_DIR, credential_files, load_catalog
from .ci_report import github_annotations, job_summary
from .copy_status import copy_status, status_lines
from .data_files import BOM, as_unix_text
from .data_format import CURRENT_FORMAT
from .engines import ENGINES
from .errors import BuildError, DataErrors
from .model import ALL_RIGHTS_RESERVED, Catalog, Stack
from .pages import environment
from .project import DATA_DIR, data_files, load_project
from .schema_hint import SchemaHint, with_schema_path, wrong_schema_path
from .schemas import write_schemas
from .upgrade import upgrade_text

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KNOWN_LICENSES = {
    f"CC {kind} 4.0": f"https://creativecommons.org/licenses/{kind.lower()}/4.0/"
    for kind in ("BY", "BY-SA", "BY-NC", "BY-NC-SA", "BY-ND", "BY-NC-ND")
} | {"CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/"}
"""Licenses whose address the scaffold knows, so that --license alone is enough."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="credential-guides", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every data file and site.yml; report every error")
    validate.add_argument("project", nargs="?", type=Path, default=Path("."), help="project folder (default: here)")
    new_stack = commands.add_parser("new-stack", help="add a stack of your own to credentials_data/local/stacks.yml")
    new_stack.add_argument("id", help="the stack id, also its pages' folder: lowercase-words-with-hyphens")
    new_stack.add_argument("--title", required=True, help="the stack's title")
    new_stack.add_argument("--publisher", required=True, help="who publishes its guides (your district)")
    new_stack.add_argument(
        "--license",
        default=ALL_RIGHTS_RESERVED,
        help=f"the guides' license, e.g. 'CC BY 4.0' (default: {ALL_RIGHTS_RESERVED.lower()})",
    )
    new_stack.add_argument("--license-url", default=None, help="the license's address (known for CC licenses)")
    new_stack.add_argument("--project", type=Path, default=Path("."))
    new = commands.add_parser("new", help="scaffold a credential file with every section present and commented")
    new.add_argument("id", help="the credential id, which is also its file name: lowercase-words-with-hyphens")
    new.add_argument("--stack", required=True, help="a stack id from registries/stacks.yml or local/stacks.yml")
    new.add_argument("--topic", type=int, default=None, help="its topic number, for a stack with numbered topics")
    new.add_argument("--title", default=None, help="the guide's title")
    new.add_argument("--project", type=Path, default=Path("."))
    upgrade = commands.add_parser("upgrade", help="rewrite data files and site.yml of an older format, in place")
    upgrade.add_argument("project", nargs="?", type=Path, default=Path("."), help="project folder (default: here)")
    schema = commands.add_parser("schema", help="regenerate the JSON Schema files from the model")
    schema.add_argument("--project", type=Path, default=Path("."))
    status = commands.add_parser("status", help="what this copy hides, changes and adds, and its release")
    status.add_argument("project", nargs="?", type=Path, default=Path("."), help="project folder (default: here)")
    render = commands.add_parser("render", help="write the site as a project with no hooks into a folder")
    render.add_argument("dest", type=Path, help="the folder to write (replaced if it exists)")
    render.add_argument("--project", type=Path, default=Path("."))
    build = commands.add_parser("build", help="build the site: plan, generate, engine, finish")
    build.add_argument(
        "--engine", choices=sorted(ENGINES), default=None, help="the engine (default: engine: in site.yml, or mkdocs)"
    )
    build.add_argument("-d", "--site-dir", type=Path, default=None, help="where to write the site (default: site/)")
    build.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args(argv)

    logging.basicConfig(format="%(message)s", level=logging.INFO, stream=sys.stderr)
    if args.command == "validate":
        return _validate(args.project)
    if args.command == "new":
        return _new(args.project, args.id, args.stack, args.topic, args.title)
    if args.command == "new-stack":
        return new_stack_command(args.project, args.id, args.title, args.publisher, args.license, args.license_url)
    if args.command == "upgrade":
        return upgrade_command(args.project)
    if args.command == "render":
        return _render(args.project, args.dest)
    if args.command == "build":
        return _build(args.project, args.engine, args.site_dir)
    if args.command == "status":
        return _status(args.project)
    for path in write_schemas(args.project):
        print(f"wrote {path}")
    return 0


def _status(project: Path) -> int:
    try:
        loaded = load_project(project.resolve())
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print("\n".join(status_lines(copy_status(project.resolve(), loaded.settings))))
    return 0


def _render(project: Path, dest: Path) -> int:
    from .generate import read_mkdocs_yml, write_project
    from .site_plan import plan_site

    project = project.resolve()
    environ = {**os.environ, "CG_PDF": "0", "CG_OFFLINE_ZIP": "0"}
    try:
        plan = plan_site(project, "build", environ, declared_nav=read_mkdocs_yml(project / "mkdocs.yml").get("nav"))
    except BuildError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    pages = write_project(plan, dest)
    print(f"wrote {len(pages)} pages and mkdocs.yml to {dest}: build it with `mkdocs build -f {dest / 'mkdocs.yml'}`")
    return 0


def _build(project: Path, engine: str | None, site_dir: Path | None) -> int:
    """``./dev build``: MkDocs runs the stages through its hooks; another engine, through ``build_site``."""
    from .build import build_site, chosen_engine

    project = project.resolve()
    environ = {**os.environ, ENGINE_ENV: engine} if engine else dict(os.environ)
    site = (site_dir or project / "site").resolve()
    name = chosen_engine(project, environ)
    started = time.perf_counter()
    try:
        if name == "mkdocs":
            ENGINES[name].build(project / "mkdocs.yml", site)
        else:
            build_site(project, site, environ)
    except BuildError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"built the site with {name} into {site} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def _schema_hints(project: Path) -> list[SchemaHint]:
    hints = []
    for path, kind in data_files(project):
        first_line = as_unix_text(path.read_bytes()).decode("utf-8", "replace").partition("\n")[0]
        if hint := wrong_schema_path(project, path, kind, first_line):
            hints.append(hint)
    return hints


def _validate(project: Path) -> int:
    started = time.perf_counter()
    try:
        loaded = load_project(project.resolve())
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(github_annotations(exc.errors)))
            if summary_file := os.environ.get("GITHUB_STEP_SUMMARY"):
                with open(summary_file, "a", encoding="utf-8") as handle:
                    handle.write(job_summary(exc.errors))
        return 1
    elapsed = time.perf_counter() - started
    for hint in _schema_hints(project.resolve()):
        print(hint, file=sys.stderr)
    catalog = loaded.catalog
    for draft in catalog.drafts:
        print("\n".join(f"  {problem}" for problem in draft.problems), file=sys.stderr)
    shown = f"{len(catalog.credentials)} credentials in {len(catalog.stacks)} stacks shown"
    drafts = len(catalog.drafts)
    left_out = f"; {drafts} draft{'' if drafts == 1 else 's'} left out" if drafts else ""
    print(f"{shown}{left_out}; all data valid ({elapsed:.2f} s)")
    return 0


def _new(project: Path, credential_id: str, stack_id: str, topic: int | None, title: str | None) -> int:
    data_dir = project / DATA_DIR
    path = data_dir / LOCAL_DIR / f"{credential_id}.yml"
    if not SLUG.match(credential_id):
        print(
            f"ID: expected lowercase words with hyphens, like 'my-credential', found {credential_id!r}", file=sys.stderr
        )
        return 2
    try:
        catalog = load_catalog(data_dir, display_root=project, leave_out_invalid=True)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        print("Fix these before adding a credential.", file=sys.stderr)
        return 1
    _note_drafts(catalog)
    taken = {c.id for c in catalog.credentials} | {path.stem for path in credential_files(data_dir)}
    if credential_id in taken:
        print(f"ID: expected an id no credential has, found {credential_id!r}, already taken", file=sys.stderr)
        return 2
    stacks = {stack.id: stack for stack in catalog.stacks}
    if stack_id not in stacks:
        print(f"--stack: expected one of {', '.join(stacks)}, found {stack_id!r}", file=sys.stderr)
        print("A stack of your own: credential-guides new-stack ID --title … --publisher …", file=sys.stderr)
        return 2
    stack = stacks[stack_id]
    problem = _topic_problem(catalog, stack, topic)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    text = (
        environment()
        .get_template("new_credential.yml.j2")
        .render(
            id=credential_id,
            title=title or credential_id.replace("-", " ").capitalize(),
            stack=stack,
            topic=topic,
            kinds=list(catalog.artifact_kinds),
            data_format=CURRENT_FORMAT,
        )
    )
    path.parent.mkdir(exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote {path}")
    print("It is a draft: the site leaves it out until you delete its `draft: true` line.")
    print("Replace each REPLACE text with your guide's words; validate lists each one left:")
    print(f"  ./dev credential-guides validate{'' if project == Path('.') else f' {project}'}")
    return 0


def _note_drafts(catalog: Catalog) -> None:
    """Guides still being written do not keep anyone from adding another: say which were left out."""
    if catalog.drafts:
        files = ", ".join(draft.file for draft in catalog.drafts)
        print(f"(not counted, still being written: {files})", file=sys.stderr)


def _topic_problem(catalog: Catalog, stack: Stack, topic: int | None) -> str | None:
    count = len(stack.topics)
    if not count:
        return f"--topic: expected none, stack {stack.id!r} has no numbered topics" if topic is not None else None
    free = [t.number for t in stack.topics if catalog.credential_for_topic(stack.id, t.number) is None]
    if topic is None or topic not in free:
        found = "nothing" if topic is None else f"{topic}" + (", taken" if 1 <= topic <= count else "")
        free_text = ", ".join(map(str, free)) or "none"
        return (
            f"--topic: expected a free topic number of stack {stack.id!r} (free: {free_text}), found {found}. "
            "A credential of your own usually belongs in a stack of your own: credential-guides new-stack"
        )
    return None


def _stack_line(project: Path, stack_id: str) -> str | None:
    """``file:line`` of the stack ``stack_id`` in a stacks file of the project."""
    line_of_id = re.compile(rf"^\s*(?:-\s*)?id:\s*[\"']?{re.escape(stack_id)}[\"']?\s*(?:#.*)?$")
    for folder in (REGISTRY_DIR, LOCAL_DIR):
        path = project / DATA_DIR / folder / "stacks.yml"
        if path.is_file():
            for number, line in enumerate(as_unix_text(path.read_bytes()).decode("utf-8", "replace").splitlines(), 1):
                if line_of_id.match(line):
                    return f"{path.relative_to(project).as_posix()}:{number}"
    return None


def new_stack_command(
    project: Path, stack_id: str, title: str, publisher: str, license_name: str, license_url: str | None
) -> int:
    data_dir = project / DATA_DIR
    if not SLUG.match(stack_id):
        print(f"ID: expected lowercase words with hyphens, like 'my-stack', found {stack_id!r}", file=sys.stderr)
        return 2
    try:
        catalog = load_catalog(data_dir, display_root=project, leave_out_invalid=True)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        print("Fix these before adding a stack.", file=sys.stderr)
        return 1
    _note_drafts(catalog)
    if any(stack.id == stack_id for stack in catalog.stacks + catalog.unlisted_stacks):
        where = _stack_line(project, stack_id)
        print(
            f"ID: expected an id no stack has, found {stack_id!r}, already taken"
            + (f" by the stack at {where}: choose another id, or edit that stack" if where else ""),
            file=sys.stderr,
        )
        return 2
    reserved = license_name.strip().casefold() == ALL_RIGHTS_RESERVED.casefold()
    license_url = license_url or KNOWN_LICENSES.get(license_name.strip())
    if not reserved and not license_url:
        known = ", ".join(KNOWN_LICENSES)
        print(
            f"--license-url: expected the address of {license_name!r} (known without one: {known}), found none",
            file=sys.stderr,
        )
        return 2
    path = data_dir / LOCAL_DIR / "stacks.yml"
    entry = (
        environment()
        .get_template("new_stack.yml.j2")
        .render(
            id=stack_id,
            title=title,
            publisher=publisher,
            license_name=ALL_RIGHTS_RESERVED if reserved else license_name.strip(),
            license_url=None if reserved else license_url,
            levels=catalog.stacks[0].levels if catalog.stacks else ("Proficient", "Basic", "Developing"),
            new_file=not path.is_file(),
            data_format=CURRENT_FORMAT,
        )
    )
    path.parent.mkdir(exist_ok=True)
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    if before and not before.endswith("\n"):
        before += "\n"
    path.write_text(before + ("\n" if before else "") + entry.rstrip("\n") + "\n", encoding="utf-8")
    print(f"wrote stack {stack_id!r} to {path}")
    print(f"Next: ./dev credential-guides new my-credential --stack {stack_id}")
    return 0


def upgrade_command(project: Path) -> int:
    """Rewrite every data file and ``site.yml`` of an older format; print each change as file:line."""
    files = data_files(project)
    upgraded = placeholders = by_hand = 0
    for path, kind in files:
        display = path.relative_to(project).as_posix()
        raw = path.read_bytes()
        text = as_unix_text(raw).decode("utf-8")
        try:
            result = upgrade_text(text, kind)
        except yaml.YAMLError as exc:
            print(f"{display}: not upgraded: the file is not valid YAML ({exc.__class__.__name__})", file=sys.stderr)
            by_hand += 1
            continue
        for problem in result.problems:
            print(f"{display}:{problem.line}: {problem.field}: {problem.message}")
            by_hand += 1
        new_text = result.text if result.changed else text
        if hint := wrong_schema_path(project, path, kind, new_text.partition("\n")[0]):
            new_text = with_schema_path(new_text, hint)
            print(f"{display}:1: $schema: now {hint.expected}, the schema from this file's folder")
        if new_text == text:
            continue
        # Written back with the line endings and byte-order mark it had, so an editor shows no other change.
        newline = "\r\n" if b"\r\n" in raw else "\r" if b"\r" in raw else "\n"
        bom = "\ufeff" if raw.startswith(BOM) else ""
        path.write_text(bom + new_text, encoding="utf-8", newline=newline)
        upgraded += 1
        for change in result.changes:
            print(f"{display}:{change.line}: {change.field}: {change.message}")
            placeholders += change.placeholder
    if not upgraded and not by_hand:
        print(f"All {len(files)} data files are in format {CURRENT_FORMAT}; nothing to upgrade.")
        return 0
    print(f"Upgraded {upgraded} of {len(files)} data files to format {CURRENT_FORMAT}.")
    if placeholders:
        print(f"Replace the {placeholders} REPLACE placeholder(s) above; `credential-guides validate` lists any left.")
    if by_hand:
        print(f"{by_hand} change(s) above need doing by hand.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
