"""``credential-guides validate``: check the data without building the site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalog import load_catalog
from .errors import DataErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="credential-guides", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every credential data file and report every error")
    validate.add_argument("data_dir", nargs="?", type=Path, default=Path("credentials_data"))
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        catalog = load_catalog(args.data_dir, display_root=Path.cwd())
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"{args.data_dir}: {len(catalog.credentials)} credentials, {len(catalog.stacks)} stacks valid ({elapsed:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
