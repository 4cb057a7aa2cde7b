"""The source archive (sdist) holds every file the tests read, so the suite passes from it too.

It is built the way any build front-end builds it, by the project's own backend (hatchling, in
the test extra), offline. CI (`.ci/run`) goes further: it runs the whole suite from the archive.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What the tests read outside tests/ and src/ (tests/test_project.py, test_export.py, conftest.py)
READ_BY_TESTS = [
    "README.md",
    "LICENSE",
    "pyproject.toml",  # pytest's own settings
    ".ci/run",
    "docs/data-format.md",
    "data/timeline.toml",
    *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "examples").glob("*.toml"))),
]
NOT_IN_THE_ARCHIVE = {".gitignore", ".gitattributes"}  # git's own files: no test or build reads them


@pytest.fixture(scope="module")
def archived(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The files of a freshly built sdist, by their path in the project."""
    out = tmp_path_factory.mktemp("sdist")
    command = [sys.executable, "-m", "hatchling", "build", "--target", "sdist", "--directory", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    [archive] = out.glob("chiptui-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = [member.name for member in tar.getmembers() if member.isfile()]
    top = names[0].split("/", 1)[0]
    assert all(name.startswith(f"{top}/") for name in names)
    return {name.split("/", 1)[1] for name in names}


def source_files(folder: str) -> set[str]:
    """The files under `folder` that a checkout (or an unpacked sdist) holds, without caches."""
    return {
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_the_sdist_holds_every_file_the_tests_read(archived: set[str]) -> None:
    assert READ_BY_TESTS[-1].startswith("examples/")
    wanted = {*READ_BY_TESTS, *source_files("tests"), *source_files("src")}
    assert wanted - archived == set()


def test_the_sdist_holds_every_file_git_tracks(archived: set[str]) -> None:
    try:
        done = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, timeout=60, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout (an unpacked sdist, say): the test above checks what the tests read")
    tracked = {name for name in done.stdout.decode().split("\0") if name and (ROOT / name).is_file()}
    assert tracked - NOT_IN_THE_ARCHIVE - archived == set()
