"""The command line: `chiptui [--data FILE] [--year YEAR]` and `chiptui check [FILE]`.

Exit status: 0 success, 2 bad input or usage (one clear message on stderr), 1 an
internal fault. No traceback reaches a user unless CHIPTUI_DEBUG is set.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path

from chiptui import __version__
from chiptui.loader import DataError, load
from chiptui.model import Timeline

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2


def bundled_timeline() -> Path:
    """The timeline that ships inside the package (or, from a source checkout, data/)."""
    packaged = resources.files("chiptui").joinpath("data", "timeline.toml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data" / "timeline.toml"


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year; expected e.g. 2018") from None
    if not 1000 <= year <= 9999:
        raise argparse.ArgumentTypeError(f"{year} is outside 1000-9999")
    return year


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chiptui",
        description="Explore the chip industry's history, 1958–2019, from the keyboard.",
        epilog="Keys: ↑ ↓ (k j) move, PgUp PgDn a page, Home End (g G) first/last, q quit. "
        "CHIPTUI_DATA names a default data file.",
    )
    parser.add_argument("--version", action="version", version=f"chiptui {__version__}")
    parser.add_argument(
        "--data", metavar="FILE", help="timeline file to open (default: $CHIPTUI_DATA or the bundled one)"
    )
    parser.add_argument(
        "--year", metavar="YEAR", type=_year, help="start at the first event of YEAR (or the nearest year)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="validate a timeline file; print a summary",
        description="Validate a timeline file and print a summary; exit 0 if it is good, 2 with every problem if not.",
    )
    check.add_argument(
        "file", nargs="?", metavar="FILE", help="the file to check (default: the one chiptui would open)"
    )
    return parser


def _data_path(given: str | None) -> tuple[Path, str]:
    """The file to load and how to name it in messages."""
    chosen = given or os.environ.get("CHIPTUI_DATA")
    if chosen:
        return Path(chosen), chosen
    return bundled_timeline(), "bundled data/timeline.toml"


def _load(given: str | None) -> tuple[Timeline, str]:
    """The checked timeline (DataError if it is not good) and the name it goes by."""
    path, shown = _data_path(given)
    return load(path, shown), shown


def check(given: str | None) -> int:
    timeline, shown = _load(given)
    print(f"{shown}: OK: {timeline.summary()}")
    return EXIT_OK


def explore(given: str | None, year: int | None) -> int:
    timeline, _ = _load(given)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "chiptui: the explorer needs a terminal (standard input and output must be a terminal).\n"
            "To validate the timeline without one, run: chiptui check",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from chiptui.app import make_app  # Textual loads only when the explorer opens

    app = make_app(timeline, start_year=year)
    app.run()
    return app.return_code or EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return check(args.file or args.data)
        return explore(args.data, args.year)
    except DataError as error:
        problems = error.problems
        for problem in problems:
            print(problem, file=sys.stderr)
        if len(problems) > 1:
            print(f"{len(problems)} problems; nothing was loaded.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("CHIPTUI_DEBUG"):
            raise
        print(f"chiptui: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print("Please report it; set CHIPTUI_DEBUG=1 to see the traceback.", file=sys.stderr)
        return EXIT_FAULT
