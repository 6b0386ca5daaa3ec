"""The fast YAML reader gives exactly what PyYAML gives, or steps aside (a differential test)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from cruscotto_cli.diagnostics import InputError
from cruscotto_cli.plan import yamlfast, yamlsource

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("plan/*.yaml"), *ROOT.glob("tests/examples/**/*.yaml")])
PIECES = [
    " ",
    "  ",
    "-",
    "- ",
    ":",
    ": ",
    "#",
    " #",
    '"',
    "'",
    "{",
    "}",
    "[",
    "]",
    ",",
    ", ",
    "\n",
    "\n  ",
    "~",
    "null",
    "&a",
    "*a",
    "!",
    "|",
    ">",
    "%",
    "\\",
    "\\n",
    "''",
    "x",
    "1",
    "é",
    "\t",
    "\r",
    "<<: ",
    "---",
    "\u2028",
]


def _pyyaml(text: str) -> object:
    """What read_yaml gives through PyYAML: (data, values, keys), or "error"."""
    try:
        node = yaml.compose(text, Loader=yamlsource._loader())
        doc = yamlsource.Document(Path("x.yaml"), None)
        if node is not None:
            doc.data = yamlsource._Builder(doc, text).build(node, ())
    except (yaml.YAMLError, InputError):
        return "error"
    return doc.data, doc.values, doc.keys


def _same_or_aside(text: str) -> None:
    try:
        fast = yamlfast.read(text)
    except yamlfast.Unsupported:
        return
    assert fast == _pyyaml(text)


def test_the_shipped_plan_is_read_fast() -> None:
    for path in ROOT.glob("plan/*.yaml"):
        yamlfast.read(path.read_text(encoding="utf-8-sig"))  # no Unsupported


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_files(path: Path) -> None:
    _same_or_aside(path.read_bytes().decode("utf-8-sig"))


@pytest.mark.parametrize("seed", range(8))
def test_mutants(seed: int) -> None:
    rng = random.Random(seed)
    texts = [p.read_bytes().decode("utf-8-sig") for p in FILES]
    for _ in range(250):
        lines = rng.choice(texts).split("\n")
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(lines))
            line, op = lines[i], rng.random()
            if op < 0.4:
                j = rng.randint(0, len(line))
                lines[i] = line[:j] + rng.choice(PIECES) + line[j:]
            elif op < 0.6 and line:
                j = rng.randrange(len(line))
                lines[i] = line[:j] + line[j + 1 :]
            elif op < 0.7:
                lines.insert(i, rng.choice(lines))
            elif op < 0.8:
                del lines[i]
            else:
                lines[i] = " " * rng.randint(0, 3) + line.lstrip(" ")
        _same_or_aside("\n".join(lines))


@pytest.mark.parametrize(
    "text", ["a: !foo x\n", "a: !!str 1\n", "- !x a\n", "a: {b: !x c}\n", "a: [!x c]\n", "a: ! x\n"]
)
def test_a_tag_is_left_to_pyyaml_which_refuses_it(text: str, tmp_path: Path) -> None:
    with pytest.raises(yamlfast.Unsupported):
        yamlfast.read(text)
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        yamlsource.read_yaml(tmp_path / "x.yaml")
    assert [d.code for d in caught.value.diagnostics] == ["yaml-tag"]


def test_the_characters_left_to_pyyaml_are_all_but_those_it_reads() -> None:
    read = re.compile(
        "[\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
    )
    for code in range(0x110000):
        char = chr(code)
        refused = yamlfast._UNSUPPORTED_CHARS.match(char) is not None
        assert refused is (read.match(char) is None), hex(code)
