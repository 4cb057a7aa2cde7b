"""The command line's words: the parser, its help and its checks of a year, a port and a host."""

from __future__ import annotations

import argparse

from chiptui import __version__
from chiptui.core.schema import strip_controls

FORMATS = ("markdown", "json", "csv")  # chiptui.core.export's, named here so the explorer need not import it


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{strip_controls(text)!r} is not a year; expected e.g. 2018") from None
    if not 1000 <= year <= 9999:
        raise argparse.ArgumentTypeError(f"{year} is outside 1000-9999")
    return year


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{strip_controls(text)!r} is not a port; expected 0-65535 (0: any free port)")
    return int(text)


def _theme(text: str) -> str:
    from chiptui.tui.theme import theme_names  # Textual loads only when a theme is named

    names = theme_names()
    if text not in names:
        shown = strip_controls(text)
        raise argparse.ArgumentTypeError(f"{shown!r} is not a theme; the themes are: {', '.join(names)}")
    return text


def _host(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty; name an address, e.g. 127.0.0.1 (0.0.0.0: every interface)")
    return text


USAGE = (
    "chiptui [-h] [--version] [--data FILE] [--year YEAR] [--theme NAME]\n               [--debug] [COMMAND [ARGS ...]]"
)

EPILOG = """\
With no COMMAND, chiptui opens the explorer on the bundled timeline (or --data
FILE). In the explorer, ? lists every key and q quits.

examples:
  chiptui                       the explorer on the bundled timeline
  chiptui --year 2018           ... at 2018 (or the nearest year with events)
  chiptui --theme nord          ... in the nord theme (for this run; a theme
                                chosen in the explorer is kept for next time)
  chiptui --data my.toml        ... on your own timeline
  chiptui check my.toml         check a timeline: a summary, or every problem
  chiptui export --format csv -o timeline.csv
                                the timeline without the explorer (markdown,
                                json or csv)
  chiptui serve --port 0        the explorer in a web browser (needs the web
                                extra: pip install 'chiptui[web]')
  chiptui COMMAND --help        a command's own options

exit status:
  0    success
  1    an internal fault (one line; --debug shows the traceback)
  2    bad input or usage (every problem on standard error)
  130  interrupted (Ctrl+C)

environment:
  CHIPTUI_DATA        the timeline file to open when --data is not given
  CHIPTUI_STATE_DIR   where each file's place and bookmarks, and the key that
                      signs the load cache, are kept (default: the user's state
                      folder, e.g. ~/.local/state/chiptui)
  CHIPTUI_CACHE_DIR   where checked, signed copies of opened files are kept
                      (default: the user's cache folder, e.g. ~/.cache/chiptui)
  CHIPTUI_DEBUG       if set (e.g. CHIPTUI_DEBUG=1): as --debug
  CHIPTUI_SERVER_PID  set by chiptui serve in each explorer it starts, so that
                      one whose server was killed ends itself (not for users)
  NO_COLOR            if set: no colours in the explorer
"""


def _options(*, data: bool) -> argparse.ArgumentParser:
    """The options a command accepts after its name as well as before it. Their defaults are
    SUPPRESS, so that one not given after the command keeps what was given before it."""
    options = argparse.ArgumentParser(add_help=False)
    if data:
        options.add_argument(
            "--data", metavar="FILE", default=argparse.SUPPRESS, help="timeline file (default as for chiptui)"
        )
    options.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show the traceback of an internal fault"
    )
    return options


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chiptui",
        usage=USAGE,
        description="Explore the chip industry's history, 1958–2019, from the keyboard.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"chiptui {__version__}")
    parser.add_argument(
        "--data", metavar="FILE", help="timeline file to open (default: $CHIPTUI_DATA or the bundled one)"
    )
    parser.add_argument(
        "--year", metavar="YEAR", type=_year, help="start at the first event of YEAR (or the nearest year)"
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        type=_theme,
        help="the explorer's theme for this run (default: the one chosen last time, else chiptui)",
    )
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal fault")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands (optional; without one, the explorer opens)", prog="chiptui"
    )
    check = commands.add_parser(
        "check",
        parents=[_options(data=True)],
        help="validate a timeline file; print a summary",
        description="Validate a timeline file and print a summary and warnings; exit 0 if it is good, "
        "2 with every problem if not.",
    )
    check.add_argument(
        "file", nargs="?", metavar="FILE", help="the file to check (default: --data, or the one chiptui would open)"
    )
    out = commands.add_parser(
        "export",
        parents=[_options(data=False)],
        help="write the timeline as markdown, json or csv",
        description="Write the timeline without the explorer, citations included: markdown (a document by "
        "era), json (the data format's tables; --data loads it back) or csv (one row per event).",
    )
    out.add_argument("--data", metavar="FILE", dest="export_data", help="timeline file (default as for chiptui)")
    out.add_argument("--format", choices=FORMATS, default="markdown", help="default: markdown")
    out.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of standard output")
    web = commands.add_parser(
        "serve",
        parents=[_options(data=False)],
        help="serve the explorer to a web browser (needs the web extra)",
        description="Serve the explorer over HTTP: each browser tab gets its own explorer. Listens on "
        "loopback unless --host says otherwise. Ctrl+C stops the server and every explorer it started. "
        "Needs the web extra: pip install 'chiptui[web]'.",
    )
    web.add_argument("--host", type=_host, default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    web.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000; 0: any free port)")
    web.add_argument("--data", metavar="FILE", dest="serve_data", help="timeline file (default as for chiptui)")
    return parser
