"""The command line: `chiptui [--data FILE] [--year YEAR] [--theme NAME]`, `chiptui check [FILE]`,
`chiptui export [--data FILE] [--format markdown|json|csv] [-o FILE]` and
`chiptui serve [--host HOST] [--port PORT] [--data FILE]`.

Exit status: 0 success, 2 bad input or usage (every problem on stderr), 1 an internal fault
(one short line; the traceback only with --debug or CHIPTUI_DEBUG=1).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from chiptui.cli.progress import reading

if TYPE_CHECKING:
    from argparse import Namespace

    from chiptui.tui.app import ChipApp

__all__ = ["NO_ARGUMENTS", "bundled_timeline", "fault_line", "main", "parse"]
from chiptui.core.files import Interrupted, write_file
from chiptui.core.loader import DataError, Problem, load
from chiptui.core.model import Timeline
from chiptui.core.schema import strip_controls
from chiptui.core.settings import settings

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2

# What the parser makes of no arguments: the explorer, each option at its default. A plain
# `chiptui` (most starts) gets it without importing argparse and building the parser, about 4 ms
# of its first frame; tests/cli/test_cli_help.py holds it to the parser's own answer.
NO_ARGUMENTS = {"data": None, "year": None, "theme": None, "debug": False, "command": None}

# textual-serve runs each browser tab's app with pipes for stdin and stdout, and names its driver
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def bundled_timeline() -> Path:
    """The timeline that ships inside the package (or, from a source checkout, data/)."""
    package = Path(__file__).resolve().parents[1]  # src/chiptui, or chiptui/ where it is installed
    for path in (package / "data" / "timeline.toml", package.parents[1] / "data" / "timeline.toml"):
        if path.is_file():  # installed as a folder (most often), or a source checkout
            return path
    from importlib import resources  # else ask the import system (a zip, say)

    return Path(str(resources.files("chiptui").joinpath("data", "timeline.toml")))


def _data_path(given: str | None) -> tuple[Path, str]:
    """The file to load and how to name it in messages (an empty name is refused, not taken as
    "the default"; an empty CHIPTUI_DATA is unset)."""
    if given is not None and not given:
        raise DataError([Problem("--data", "is empty; expected the name of a timeline file")])
    chosen = given if given is not None else settings().data
    if chosen:
        return Path(chosen), strip_controls(chosen)
    return bundled_timeline(), "bundled data/timeline.toml"


def _load(given: str | None) -> tuple[Timeline, Path, str]:
    """The checked timeline (DataError if it is not good), its path and the name it goes by."""
    path, shown = _data_path(given)
    with reading(path, shown):
        return load(path, shown), path, shown


def check(given: str | None) -> int:
    from chiptui.core.report import summary, warnings

    timeline, _, shown = _load(given)
    print(f"{shown}: OK: {summary(timeline)}")
    for warning in warnings(timeline):
        print(f"{shown}: warning: {warning}")
    return EXIT_OK


def export_command(given: str | None, format: str, output: str | None) -> int:
    from chiptui.core.export import export
    from chiptui.core.report import summary

    timeline, _, _ = _load(given)
    text = export(timeline, format)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))  # UTF-8 whatever the locale says
        sys.stdout.buffer.flush()
        return EXIT_OK
    if not output:
        raise DataError([Problem("-o", "is empty; expected a file name to write")])
    target = Path(output)
    shown = strip_controls(output)
    if target.is_dir():
        raise DataError([Problem(shown, "is a folder; expected a file name to write")])
    if not (target.parent if str(target.parent) else Path(".")).is_dir():
        raise DataError([Problem(shown, "cannot be written: its folder does not exist")])
    try:
        write_file(target, text, signals=True)
    except OSError as error:
        raise DataError([Problem(shown, f"cannot be written: {error.strerror or error}")]) from None
    print(f"{shown}: wrote {format}, {summary(timeline)}", file=sys.stderr)
    return EXIT_OK


def explore(given: str | None, year: int | None, *, theme: str | None = None, debug: bool = False) -> int:
    # Start-up makes many objects that live as long as the explorer and almost no garbage: the
    # cycle collector only rescans them (a tenth of the first frame's time). The app turns it
    # back on after its first frame, with those objects frozen out of later collections.
    gc.disable()
    from chiptui.core.cache import open_cached  # the explorer's loads are cached; check and export read the file

    path, shown = _data_path(given)
    with reading(path, shown):
        timeline, store = open_cached(path, shown)
    served = os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER
    if served:
        watch_server()
    elif not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "chiptui: the explorer needs a terminal (standard input and output must be a terminal).\n"
            "Without one, write the timeline out instead: chiptui export --format markdown "
            "(or json, csv; -o FILE to write a file). To validate it: chiptui check",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from chiptui.tui.app import make_app  # Textual loads only when the explorer opens

    app = make_app(timeline, start_year=year, theme=theme, source=(path, shown), after_start=store)
    if debug:
        _run(app)
        return app.return_code or EXIT_OK
    import io

    from rich.console import Console

    report = io.StringIO()  # a fault in the app: Textual's traceback goes here, one line to stderr
    app.error_console = Console(file=report, width=400, markup=False, highlight=False, color_system=None)
    _run(app)
    if app.return_code == EXIT_FAULT and report.getvalue():
        print(f"chiptui: internal error: {fault_line(report.getvalue())}", file=sys.stderr)
        print("Please report it; run with --debug to see the traceback.", file=sys.stderr)
    return app.return_code or EXIT_OK


def _run(app: ChipApp) -> None:
    app.run()
    # The app and its timeline are held in cycles until the process ends, and Python collects
    # cycles once more as it exits: it would scan them all (about a second at a million events).
    gc.freeze()


def fault_line(traceback: str) -> str:
    """The exception's own line(s) from a Rich traceback (what follows the frames' box)."""
    lines = traceback.rstrip().splitlines()
    box_end = max((i for i, line in enumerate(lines) if line.lstrip().startswith("╰")), default=-1)
    tail = [line.strip() for line in lines[box_end + 1 :] if line.strip()] or ["the explorer stopped"]
    return strip_controls(" ".join(tail))[:300]


def watch_server() -> None:
    """In an explorer that `chiptui serve` started: end it if the server is gone. A server that
    stops stops its explorers itself, but one that is killed cannot, and nothing else would."""
    server = str(settings().server_pid or "")  # chiptui serve names itself to each app it starts
    if not server.isdigit():
        return
    import threading
    import time

    def watch() -> None:
        while os.getppid() == int(server):
            time.sleep(0.5)
        os._exit(EXIT_FAULT)

    threading.Thread(target=watch, name="chiptui-watch-server", daemon=True).start()


def serve_command(given: str | None, host: str, port: int) -> int:
    from importlib.util import find_spec

    if find_spec("textual_serve") is None:
        print(
            "chiptui serve needs the web extra, which is not installed. Install it with:\n"
            "  pip install 'chiptui[web]'   (from a checkout: pip install '.[web]')",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    from chiptui.web.serve import ServeError, serve

    _, path, _ = _load(given)  # a bad file is reported here, not in every browser tab
    try:
        serve(path, host, port)
    except ServeError as error:
        print(f"chiptui serve: {strip_controls(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def parse(argv: list[str] | None = None) -> Namespace | SimpleNamespace:
    """The command line's words (`argv`, else the process's own) as the parser reads them."""
    words = sys.argv[1:] if argv is None else argv
    if not words:
        return SimpleNamespace(**NO_ARGUMENTS)
    from chiptui.cli.parser import build_parser

    return build_parser().parse_args(words)


def debugging(args: Namespace | SimpleNamespace) -> bool:
    return bool(getattr(args, "debug", False) or settings().debug)


def _first(*given: str | None) -> str | None:
    """The first of the places a file can be named that names one (an empty name counts)."""
    return next((name for name in given if name is not None), None)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.command is not None:
        gc.enable()  # off while chiptui loaded (see __main__); only the explorer starts without it
    try:
        if args.command == "check":
            return check(_first(args.file, args.data))
        if args.command == "export":
            return export_command(_first(args.export_data, args.data), args.format, args.output)
        if args.command == "serve":
            return serve_command(_first(args.serve_data, args.data), args.host, args.port)
        return explore(args.data, args.year, theme=args.theme, debug=debugging(args))
    except DataError as error:
        problems = error.problems
        for problem in problems:
            print(problem, file=sys.stderr)
        if len(problems) > 1:
            print(f"{len(problems)} problems; nothing was loaded.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Interrupted as signalled:  # SIGTERM or SIGHUP while writing -o: nothing was left behind
        written = strip_controls(getattr(args, "output", None) or "the file")
        print(f"chiptui: stopped by {signalled}; {written} was not written", file=sys.stderr)
        return 128 + signalled.signum
    except BrokenPipeError:  # the reader went away (e.g. `| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        if debugging(args):
            raise
        print(f"chiptui: internal error: {type(error).__name__}: {strip_controls(str(error))}", file=sys.stderr)
        print("Please report it; run with --debug to see the traceback.", file=sys.stderr)
        return EXIT_FAULT
