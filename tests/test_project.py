"""The project's own promises: README commands, CI, the layering and the size of files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "chiptui"


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_gives_two_commands_that_install_run_and_test() -> None:
    run, test = readme_commands()
    assert "pip install ." in run and run.endswith("chiptui")
    assert "pip install '.[test]'" in test and "pytest" in test


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
    assert "make lint" in ci


@pytest.mark.parametrize(
    "module", ["model.py", "schema.py", "loader.py", "fasttoml.py", "problems.py", "view.py", "cache.py"]
)
def test_data_layer_imports_nothing_from_textual(module: str) -> None:
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name.split(".")[0] in ("textual", "rich")}


def test_widgets_never_read_files() -> None:
    for path in (SRC / "widgets").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "open(" not in text and "read_text" not in text and "loader" not in text, path.name


def test_no_file_over_400_lines() -> None:
    files = [*SRC.rglob("*.py"), *SRC.rglob("*.tcss"), *(ROOT / "tests").glob("*.py")]
    long = {p.name: n for p in files if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long
