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


@pytest.mark.parametrize("module", sorted(p.name for p in (SRC / "core").glob("*.py")))
def test_data_layer_imports_nothing_from_textual(module: str) -> None:
    tree = ast.parse((SRC / "core" / module).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name.split(".")[0] in ("textual", "rich")}
    assert not {name for name in imported if name.startswith(("chiptui.tui", "chiptui.web", "chiptui.cli"))}


def test_widgets_never_read_files() -> None:
    for path in (SRC / "tui" / "widgets").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "open(" not in text and "read_text" not in text and "loader" not in text, path.name


def test_no_module_over_300_lines_and_no_test_over_400() -> None:
    def lines(path: Path) -> int:
        return len(path.read_text(encoding="utf-8").splitlines())

    modules = [*SRC.rglob("*.py"), *SRC.rglob("*.tcss")]
    assert not {str(p.relative_to(SRC)): n for p in modules if (n := lines(p)) > 300}
    assert not {p.name: n for p in (ROOT / "tests").rglob("*.py") if (n := lines(p)) > 400}
    assert lines(SRC / "tui" / "app.py") < 150
