"""`chiptui --help` says what a first-time user needs, and the shared options work after a command too."""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest

from chiptui import cli
from chiptui.cli.parser import build_parser
from tests.conftest import DATA

SRC = Path(__file__).resolve().parents[2] / "src" / "chiptui"


def help_text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        cli.main([*args, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_help_says_a_command_is_optional_and_what_no_command_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # argparse wraps to the terminal's width
    text = help_text(capsys)
    usage = text[: text.index("\n\n")]
    assert usage.startswith("usage: chiptui ") and usage.endswith("[COMMAND [ARGS ...]]"), usage
    assert "COMMAND ..." not in usage.replace("[COMMAND [ARGS ...]]", "")  # not a command that looks required
    assert max(len(line) for line in text.splitlines()) < 80  # fits a terminal of 80 columns
    assert "Explore the chip industry's history, 1958–2019, from the keyboard." in text
    assert "With no COMMAND, chiptui opens the explorer" in text
    for command in ("check", "export", "serve"):
        assert re.search(rf"^\s+{command}\s+\S", text, re.MULTILINE), command


def test_help_gives_examples_exit_codes_and_the_environment(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(capsys)
    examples = text[text.index("examples:") : text.index("exit status:")]
    for example in ("chiptui --year 2018", "chiptui check my.toml", "chiptui export ", "chiptui serve "):
        assert f"  {example}" in examples, example
    status = text[text.index("exit status:") : text.index("environment:")]
    for code, meaning in (("0", "success"), ("1", "internal fault"), ("2", "bad input or usage")):
        assert re.search(rf"^\s+{code}\s+.*{meaning}", status, re.MULTILINE), code
    environment = text[text.index("environment:") :]
    named = {name for path in SRC.rglob("*.py") for name in re.findall(r"CHIPTUI_[A-Z_]+", path.read_text())}
    assert {"CHIPTUI_DATA", "CHIPTUI_STATE_DIR", "CHIPTUI_CACHE_DIR", "CHIPTUI_DEBUG"} <= named
    for name in [*sorted(named), "NO_COLOR"]:
        assert re.search(rf"^  {name}\s+\S", environment, re.MULTILINE), name


def test_a_commands_help_names_its_own_usage(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("check", "export", "serve"):
        text = help_text(capsys, command)
        assert text.startswith(f"usage: chiptui {command} [-h]"), text
        assert "--debug" in text and "--data FILE" in text


@pytest.mark.parametrize(
    "args",
    [["--debug", "check"], ["check", "--debug"], ["export", "--debug"], ["serve", "--debug", "--port", "0"]],
)
def test_debug_works_before_and_after_the_command(args: list[str]) -> None:
    assert build_parser().parse_args(args).debug is True


@pytest.mark.parametrize("args", [[], ["check"], ["export"], ["serve"]])
def test_debug_is_off_unless_given(args: list[str]) -> None:
    assert build_parser().parse_args(args).debug is False


def test_check_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "load", broken)
    monkeypatch.delenv("CHIPTUI_DEBUG", raising=False)
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["check", "--debug"])
    with pytest.raises(RuntimeError, match="boom"):
        cli.main(["export", "--debug", "--format", "csv"])


def test_check_takes_data_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    small = str(DATA / "small.toml")
    for args in (["check", "--data", small], ["--data", small, "check"], ["check", small]):
        assert cli.main(args) == 0, args
        assert capsys.readouterr().out.startswith(f"{small}: OK: "), args


def test_data_after_the_command_wins_over_data_before_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = str(DATA / "small.toml")
    missing = str(tmp_path / "missing.toml")
    assert cli.main(["--data", missing, "check", "--data", small]) == 0
    assert capsys.readouterr().out.startswith(f"{small}: OK: ")
    assert cli.main(["--data", small, "export", "--data", missing]) == 2
    assert "missing.toml: no such file" in capsys.readouterr().err
    assert build_parser().parse_args(["--data", small, "check"]).data == small  # not undone by check's default


def test_the_shared_options_keep_their_place_in_the_namespace() -> None:
    args = build_parser().parse_args(["serve", "--data", "a.toml", "--debug"])
    assert (args.command, args.serve_data, args.data, args.debug) == ("serve", "a.toml", None, True)
    args = build_parser().parse_args(["export", "--data", "a.toml", "-o", "x.md"])
    assert (args.export_data, args.output, args.data, args.debug) == ("a.toml", "x.md", None, False)


def test_no_arguments_are_what_the_parser_makes_of_none() -> None:
    # `chiptui` alone skips argparse; what it gets must be the parser's answer, every option in it
    assert vars(build_parser().parse_args([])) == cli.NO_ARGUMENTS
    assert vars(cli.parse([])) == cli.NO_ARGUMENTS
    assert cli.parse(["--year", "1971"]).year == 1971  # any word goes through the parser


def test_a_plain_start_does_not_import_argparse(tmp_path: Path) -> None:
    # a fresh interpreter as `chiptui` starts, up to the explorer (stdin is no terminal here)
    import subprocess
    import sys

    code = "import sys; from chiptui.cli import main; main([]); print('argparse' in sys.modules)"
    env = {"CHIPTUI_STATE_DIR": str(tmp_path), "CHIPTUI_CACHE_DIR": str(tmp_path), "PATH": ""}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )
    assert run.stdout.strip() == "False", run.stdout + run.stderr


def test_a_command_runs_with_the_cycle_collector_on(capsys: pytest.CaptureFixture[str]) -> None:
    # `chiptui` starts with it off (its imports make no garbage); only the explorer keeps it off
    # until its first frame, so a long check or export collects as any program does.
    gc.disable()
    try:
        assert cli.main(["check"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
