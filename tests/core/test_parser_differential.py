"""rtoml, where the loader uses it (chiptui.core.fasttoml), gives tomllib's document: the same values,
types, nesting and key order, on random valid TOML texts of the data format's shape. Where the
two may differ (TOML 1.1, times of day, CRLF in multi-line strings), tomllib reads the file; on
random invalid texts both refuse, and the loader's message is tomllib's, with its line and column."""

from __future__ import annotations

import datetime
import math
import random
import re
import tomllib
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chiptui.core import fasttoml, parsing
from chiptui.core.loader import DataError

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "timeline.toml"
BARE_RE = re.compile(r"[A-Za-z0-9_-]+")
SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
CJK = "中文字節晶圓台積電半導體記憶體東京서울"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down, with keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1.0, a) == math.copysign(1.0, b))
    if isinstance(a, datetime.datetime | datetime.time):
        return a == b and type(a.tzinfo) is type(b.tzinfo) and a.utcoffset() == b.utcoffset() and repr(a) == repr(b)
    return bool(a == b)


class Writer:
    """Writes values as TOML text; `plain` leaves out what sends a text to tomllib (times of day,
    inline tables, CRLF in multi-line strings, and the `{`, `:` and `\\` that the checks look for)."""

    def __init__(self, draw: st.DrawFn, plain: bool) -> None:
        self.draw = draw
        self.plain = plain
        self.rnd: random.Random = draw(st.randoms(use_true_random=False))
        self.nl: str = draw(st.sampled_from(["\n", "\r\n"]))
        self.multiline = not (plain and self.nl == "\r\n")
        # what the checks look for; with CRLF, quotes too (no """ or ''' to look like a multi-line string)
        self.avoid = ("{:\\" + ("" if self.multiline else "\"'")) if plain else ""

    def chars(self, size: int = 12) -> str:
        letters = st.characters(exclude_categories=["Cs"], exclude_characters=self.avoid)
        extra = st.sampled_from([c for c in CJK + "éü🚀'\" \t" if c not in self.avoid])
        return self.draw(st.text(st.one_of(letters, extra), max_size=size))

    def basic(self, text: str) -> str:
        out = []
        for char in text:
            code = ord(char)
            if char in SHORT_ESCAPES and (char != "\t" or self.rnd.random() < 0.5):
                out.append(SHORT_ESCAPES[char])
            elif code < 0x20 or code == 0x7F or self.rnd.random() < 0.1:
                out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08x}")
            else:
                out.append(char)
        return '"' + "".join(out) + '"'

    def string(self) -> str:
        text = self.chars()
        plain = "".join(c for c in text if c == "\t" or (ord(c) >= 0x20 and c not in "\x7f'"))
        styles = ["basic", "literal"] + (["multi-basic", "multi-literal"] if self.multiline else [])
        style = self.draw(st.sampled_from(styles))
        if style == "basic":
            return self.basic(text)
        if style == "literal":
            return f"'{plain}'"
        lines = self.draw(st.lists(st.sampled_from([plain, text]), max_size=3))
        if style == "multi-literal":
            body = self.nl.join(plain for _ in range(len(lines) + 1))
            return "'''" + self.rnd.choice(["", self.nl]) + body + "'''"
        parts = [self.basic(line)[1:-1] for line in [text, *lines]]
        joins = [self.rnd.choice([self.nl, "\\" + self.nl + "  ", " \\" + self.nl]) for _ in parts[1:]]
        body = parts[0] + "".join(j + p for j, p in zip(joins, parts[1:], strict=True))
        return '"""' + self.rnd.choice(["", self.nl]) + body.replace('"', '\\"').replace('\\\\"', '\\"') + '"""'

    def integer(self) -> str:
        value = self.draw(st.integers(-(2**80), 2**80))  # past 64 bits too
        if value >= 0 and self.rnd.random() < 0.3:
            prefix, digits = self.rnd.choice([("0x", f"{value:x}"), ("0o", f"{value:o}"), ("0b", f"{value:b}")])
            return prefix + self.underscores(digits.upper() if self.rnd.random() < 0.5 else digits)
        sign = "-" if value < 0 else self.rnd.choice(["", "+"])
        return sign + self.underscores(str(abs(value)))

    def underscores(self, digits: str) -> str:
        return "".join(
            d + ("_" if i < len(digits) - 1 and self.rnd.random() < 0.1 else "") for i, d in enumerate(digits)
        )

    def float(self) -> str:
        if self.draw(st.booleans()):
            value = self.draw(st.floats())
            shown = repr(value)
            return self.rnd.choice(["", "+", "-"]) + shown if shown in ("inf", "nan") else shown
        whole = self.underscores(str(self.draw(st.integers(0, 10**6))))
        fraction = self.underscores(self.draw(st.from_regex(r"[0-9]{1,20}", fullmatch=True)))
        top = 300 if self.plain else 400
        exponent = f"{self.rnd.choice('eE')}{self.rnd.choice(['', '+', '-'])}{self.draw(st.integers(0, top)):02d}"
        body = self.rnd.choice([f"{whole}.{fraction}", f"{whole}{exponent}", f"{whole}.{fraction}{exponent}"])
        return self.rnd.choice(["", "+", "-"]) + body

    def date(self) -> str:
        day = self.draw(st.dates(min_value=datetime.date(1, 1, 1)))
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"

    def time(self) -> str:
        moment = self.draw(st.times())
        fraction = f".{moment.microsecond:06d}"[: self.rnd.randint(2, 7)] if self.rnd.random() < 0.5 else ""
        return f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}{fraction}"

    def date_time(self) -> str:
        minutes = self.draw(st.integers(-(23 * 60 + 59), 23 * 60 + 59))
        offset = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        zone = self.rnd.choice(["", "Z", "z", offset])
        return f"{self.date()}{self.rnd.choice('Tt ')}{self.time()}{zone}"

    def value(self, depth: int = 0, inline: bool = False) -> str:
        kinds = ["string", "string", "date string", "integer", "float", "bool", "date"]
        kinds += ["array"] * (depth < 2)
        kinds += [] if self.plain else ["time", "date-time", "inline table"]
        kind = self.draw(st.sampled_from(kinds))
        if kind == "string":
            return self.string()
        if kind == "date string":
            return '"' + self.date()[: self.rnd.choice([4, 7, 10])] + '"'
        if kind == "array":
            items = [self.value(depth + 1, inline) for _ in range(self.draw(st.integers(0, 4)))]
            gaps = [", "] if inline else [", ", ",", f",{self.nl}  ", f", {self.comment()}{self.nl}"]
            body = "".join(item + (self.rnd.choice(gaps) if i < len(items) - 1 else "") for i, item in enumerate(items))
            return "[" + body + (self.rnd.choice(["", ","]) if items else "") + "]"
        if kind == "inline table":
            names = self.draw(st.lists(self.name(), unique=True, max_size=3))
            return "{" + ", ".join(f"{self.key(n)} = {self.value(depth + 1, True)}" for n in names) + "}"
        return {
            "integer": self.integer,
            "float": self.float,
            "bool": lambda: self.rnd.choice(["true", "false"]),
            "date": self.date,
            "time": self.time,
            "date-time": self.date_time,
        }[kind]()

    def name(self) -> st.SearchStrategy[str]:
        bare = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
        return st.one_of(
            bare, bare, st.text(st.sampled_from([c for c in "ab 中é.'\"\\=#:{" if c not in self.avoid]), max_size=4)
        )

    def key(self, name: str) -> str:
        styles = ["basic"] + ["bare"] * 3 * bool(BARE_RE.fullmatch(name)) + ["literal"] * ("'" not in name)
        style = self.rnd.choice(styles)
        return name if style == "bare" else f"'{name}'" if style == "literal" else self.basic(name)

    def comment(self) -> str:
        return "#" + "".join(c for c in self.chars(8) if c == "\t" or (ord(c) >= 0x20 and c != "\x7f"))

    def pairs(self, names: list[str]) -> list[str]:
        lines = []
        for name in names:
            end = self.rnd.choice(["", "", " " + self.comment()])
            lines.append(f"{self.key(name)}{self.rnd.choice([' = ', '=', chr(9) + '= '])}{self.value()}{end}")
            if self.rnd.random() < 0.1:
                lines.append(self.rnd.choice(["", self.comment()]))
        return lines


def outside(names: Collection[str]) -> Callable[[str], bool]:
    return lambda name: name not in names


@st.composite
def documents(draw: st.DrawFn, plain: bool = False) -> str:
    """A valid TOML text of the data format's shape: keys at the top, arrays of tables (`[[event]]`)
    with their own sub-tables and dotted keys, then a table, its sub-table and the table again."""
    w = Writer(draw, plain)
    top = draw(st.lists(w.name(), unique=True, max_size=4))
    lines = w.pairs(top)
    used = set(top)
    for table in draw(st.lists(st.sampled_from(["event", "source", "era", "figure", "quote"]), unique=True)):
        if table in used:
            continue
        used.add(table)
        for _ in range(draw(st.integers(1, 3))):
            lines.append(f"[[{w.key(table)}]]")
            fields = draw(st.lists(w.name(), unique=True, max_size=6))
            lines += w.pairs(fields)
            extra = draw(st.lists(w.name().filter(outside(fields)), unique=True, min_size=2, max_size=2))
            if draw(st.booleans()):  # a dotted key: a table made inside the record
                lines.append(f"{w.key(extra[0])} . {w.key('x')} = {w.value()}")
            if draw(st.booleans()):  # a sub-table of the record
                lines.append(f"[{w.key(table)}.{w.key(extra[1])}]")
                lines += w.pairs(draw(st.lists(w.name(), unique=True, max_size=3)))
    outer = draw(w.name().filter(outside(used)))
    if draw(st.booleans()):
        inner = draw(w.name())
        lines += [f"[ {w.key(outer)} . {w.key(inner)} ]", *w.pairs(draw(st.lists(w.name(), unique=True, max_size=2)))]
        lines += [f"[{w.key(outer)}]", *w.pairs(draw(st.lists(w.name().filter(outside({inner})), unique=True)))]
    return w.nl.join(lines) + w.rnd.choice(["", w.nl])


@SETTINGS
@given(documents())
def test_the_loader_reads_what_tomllib_reads(text: str) -> None:
    expected = tomllib.loads(text)
    fast = fasttoml.read(text)
    assert fast is None or same(fast, expected)
    document, _ = parsing.document(text, "t.toml")
    assert same(document, expected)


@SETTINGS
@given(documents(plain=True))
def test_rtoml_reads_a_plain_text_and_gives_tomllib_s_document(text: str) -> None:
    expected = tomllib.loads(text)
    fast = fasttoml.read(text)
    if fast is None:  # only a table after a header under it is left to tomllib (rtoml orders it otherwise)
        assert fasttoml.table_after_its_own(text)
        return
    assert same(fast, expected)


def tomllib_says(text: str) -> tuple[int | None, str]:
    """The line and the message that the loader words from tomllib's refusal of `text`."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        at = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(error))
        return (
            (int(at[2]), f"TOML syntax error at column {at[3]}: {at[1]}")
            if at
            else (None, f"TOML syntax error: {error}")
        )
    except ValueError:
        return None, "a number of more than 4,300 digits"
    raise AssertionError("tomllib reads it")


BREAKS = [
    "zz = 1{nl}zz = 2",  # a key given twice
    "[zz]{nl}[zz]",  # a table given twice
    "zz = 2019-02-30",  # no such day
    "zz = 2019-13-01",
    'zz = "\\q"',  # no such escape
    'zz = "\\e"',  # TOML 1.1's escapes
    'zz = "\\x41"',
    'zz = "\\uD800"',  # a surrogate
    "zz = {{a = 1,}}",  # TOML 1.1's inline tables
    "zz = {{a = 1,{nl}b = 2}}",
    "zz = 07:32",  # TOML 1.1's times without seconds
    "zz = 1979-05-27T07:32",
    'zz = "a\x01b"',  # a control character
    "zz = 1 # \x7f",
    'zz = "abc',
    "zz = 1\rqq = 2",  # a lone CR
    "zz = 01",
    "zz = 1__0",
    "zz = 1.",
    "zz = .5",
    "zz = 1 qq = 2",
    "é = 1",
    "zz = " + "9" * 4400,  # past Python's 4,300 digits
]


@st.composite
def broken(draw: st.DrawFn) -> str:
    text = draw(documents(plain=True))
    nl = "\r\n" if "\r\n" in text else "\n"
    if draw(st.integers(0, len(BREAKS))) == 0:
        return "\ufeff" + text  # a second byte order mark (decoding takes the first)
    return text.rstrip("\r\n") + nl + draw(st.sampled_from(BREAKS)).format(nl=nl) + nl


@SETTINGS
@given(broken())
def test_both_refuse_and_the_message_is_tomllib_s(text: str) -> None:
    line, message = tomllib_says(text)
    assert fasttoml.read(text) is None
    with pytest.raises(DataError) as caught:
        parsing.document(text, "t.toml")
    (problem,) = caught.value.problems
    assert problem.message.startswith(message)
    if line is not None:
        assert problem.line == line


# What rtoml 0.14 reads otherwise than tomllib does, each sent to tomllib by fasttoml.
DIFFERENT = [
    'a = "\\e"',
    'a = "\\x41"',
    "a = {x = 1,}",
    "a = {x = 1,\n y = 2}",
    "a = [\n  # c\n  {x = 1,},\n]",
    "a = 07:32",
    "a = [1979-05-27 07:32]",
    "a = 1979-05-27T07:32:00Z",
    "a = 1979-05-27t07:32:00-07:00",
    "a = 1979-05-27T00:32:00.999999+05:30",
    'a = """\r\nx\r\ny"""\r\n',
    "a = '''x\r\ny'''",
    "\ufeffa = 1",
    "a = 1e400",  # rtoml refuses; tomllib reads inf
    "a = 1" + "0" * 4000,  # rtoml refuses an integer of thousands of digits; tomllib reads it
    "a = " + "[" * 90 + "]" * 90,  # past rtoml's nesting limit
]


@pytest.mark.parametrize("text", DIFFERENT)
def test_where_rtoml_differs_tomllib_decides(text: str) -> None:
    assert fasttoml.read(text) is None
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        with pytest.raises(DataError) as caught:
            parsing.document(text, "t.toml")
        assert caught.value.problems[0].message.startswith(tomllib_says(text)[1])
    else:
        assert same(parsing.document(text, "t.toml")[0], expected)


def test_a_time_or_a_brace_inside_a_string_keeps_rtoml() -> None:
    text = 'a = "at 10:30 {b}"\nurl = "https://example.org:8080/x"\nd = 2019-01-02\nt = ["x:12:00"]\n'
    assert not fasttoml.may_differ(text)
    assert same(fasttoml.read(text), tomllib.loads(text))


def test_the_bundled_timeline_is_read_by_rtoml_as_tomllib_reads_it() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    fast = fasttoml.read(text)
    assert fast is not None
    assert same(fast, tomllib.loads(text))
