"""Write a valid timeline of N events, for the benchmarks: `python bench/generate.py N [FILE]`.

The events spread over 1900–2099 with every date precision, regions, tags and one to three
sources each; there are eras every 20 years, 200 sources, two speakers, a figure series and a
quote for every 100 events. The same N always gives the same file.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REGIONS = ("world", "china", "us", "japan", "europe", "taiwan", "south-korea")
TAGS = ("memory", "logic", "policy", "trade", "company", "invention", "market", "talent")
WORDS = ("chip", "wafer", "fab", "design", "memory", "logic", "export", "import", "fund", "market", "node")


def timeline(events: int, seed: int = 2019) -> str:
    rng = random.Random(seed)
    out = ["schema = 1", f'title = "Generated timeline, {events:,} events"', ""]
    for s in range(200):
        out += ["[[source]]", f'id = "src-{s}"', f'title = "Source {s}"', f'url = "https://example.org/{s}"', ""]
    for key, name in (("speaker-a", "Speaker A"), ("speaker-b", "Speaker B")):
        out += ["[[speaker]]", f'id = "{key}"', f'name = "{name}"', ""]
    for start in range(1900, 2100, 20):
        out += [
            "[[era]]",
            f'id = "era-{start}"',
            f'title = "Era {start}"',
            f"start = {start}",
            f"end = {start + 19}",
            "",
        ]
    for n in range(events):
        year = 1900 + n * 200 // max(1, events)
        precision = n % 3
        date = f"{year}" if precision == 0 else f"{year}-{1 + n % 12:02d}"
        if precision == 2:
            date += f"-{1 + n % 28:02d}"
        words = " ".join(rng.choice(WORDS) for _ in range(6))
        sources = ", ".join(f'"src-{rng.randrange(200)}"' for _ in range(1 + n % 3))
        tags = ", ".join(f'"{t}"' for t in rng.sample(TAGS, 1 + n % 2))
        out += [
            "[[event]]",
            f'id = "ev-{n}"',
            f'date = "{date}"',
            f'title = "Event {n}: {words}"',
            f'text = "Text of event {n}. {words.capitalize()}."',
            f'region = "{REGIONS[n % len(REGIONS)]}"',
            f"tags = [{tags}]",
            f"sources = [{sources}]",
            "",
        ]
    for year in range(1990, 2020):
        out += [
            "[[figure]]",
            f'id = "fig-{year}"',
            'series = "imports"',
            'label = "Imports"',
            f"year = {year}",
            f"value = {100 + (year - 1990) * 7.5}",
            'unit = "USD bn"',
            'sources = ["src-0"]',
            "",
        ]
    for q in range(max(1, events // 100)):
        n = rng.randrange(events)
        out += [
            "[[quote]]",
            f'id = "q-{q}"',
            f'speaker = "speaker-{"ab"[q % 2]}"',
            'date = "2019-09-12"',
            'kind = "paraphrase"',
            f'text = "Quote {q} about event {n}."',
            f'events = ["ev-{n}"]',
            'sources = ["src-1"]',
            "",
        ]
    return "\n".join(out)


def folder() -> Path:
    """Where generated files are kept: `CHIPTUI_BENCH_DIR`, else a folder in the system's
    temporary folder (never the checkout: a million events is about 250 MB)."""
    chosen = os.environ.get("CHIPTUI_BENCH_DIR")
    path = Path(chosen) if chosen else Path(tempfile.gettempdir()) / "chiptui-bench"
    path.mkdir(parents=True, exist_ok=True)
    return path


def ensure(events: int) -> Path:
    """`timeline-N.toml` in `folder()`, written first if it is not there yet."""
    path = folder() / f"timeline-{events}.toml"
    if not path.exists():
        partial = path.with_suffix(".part")
        partial.write_text(timeline(events), encoding="utf-8")
        partial.replace(path)
    return path


def subjects(sizes: list[str], make: Callable[[int], Path]) -> dict[str, tuple[list[str], bytes]]:
    """chiptui on each size ("bundled" or a number of events, made by `make`): a name, the
    command and the marker of its first frame (the header's "event 1 of N")."""
    from chiptui.cli import bundled_timeline
    from chiptui.core.loader import load

    chiptui = [sys.executable, "-m", "chiptui"]
    found: dict[str, tuple[list[str], bytes]] = {}
    for size in sizes:
        if size == "bundled":
            count = len(load(bundled_timeline()).events)
            found["bundled"] = (chiptui, f"event 1 of {count}".encode())
        else:
            count = int(size)
            found[f"{count:,}"] = ([*chiptui, "--data", str(make(count))], f"event 1 of {count}".encode())
    return found


def bytecode() -> None:
    """Compile chiptui's modules as installing it does. Textual's are compiled in site-packages;
    a source checkout run with PYTHONDONTWRITEBYTECODE=1 (or from a read-only folder) would
    otherwise compile every one of ours at every start (about 25 ms on the bench machine)."""
    import compileall

    import chiptui

    compileall.compile_dir(Path(chiptui.__file__).parent, quiet=1)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else folder() / f"timeline-{count}.toml"
    target.write_text(timeline(count), encoding="utf-8")
    print(f"{target}: {count:,} events, {target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
