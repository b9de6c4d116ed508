"""Every ```python and ```console block in docs/ and README.md is executed, page by page, in order.

- ```python blocks of one page share a namespace, so a page reads as one script.
- ```console blocks hold shell sessions: each line starting with ``$ `` is run with bash in the
  page's working directory (so files the page's Python wrote are there), with this Python's
  scripts (``zwgk``) first on PATH.  The lines shown after a command, if any, must equal its
  standard output (trailing spaces ignored); the command must exit 0, or 1 when it reports
  findings (as ``zwgk catalog check`` does on the sample's deliberate defects).
- Every page runs in one language: a Chinese page (``NAME.zh.md``, ``README.zh-CN.md``) in Chinese
  (``ZWGK_LANG=zh``), every other page in English (``ZWGK_LANG=en``, whatever the machine's locale)
  unless it names its language in a comment ``<!-- lang: zh -->``; a block may still choose its own
  (``zwgk.language("zh")``, ``--lang zh``).  A page's ``zwgk.set_language`` ends with the page.
- ```text, ```bash, ```pycon … blocks are not run (``bash`` is for installs and globs over the
  reader's own files).  A block whose first line is ``# doctest: skip`` is not run either.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import zwgk

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*ROOT.joinpath("docs").rglob("*.md"), ROOT / "README.md", ROOT / "README.zh-CN.md"])
# A page that needs optional extras says so on its first line: <!-- requires: dask.dataframe, pyarrow -->
# (skipped when one is missing; the test extra installs them, so CI runs it).
REQUIRES = re.compile(r"\A<!-- requires: ([\w., ]+) -->")
# The language a page's examples run in (default English): a line <!-- lang: zh -->
PAGE_LANG = re.compile(r"^<!-- lang: (zh|en) -->$", re.MULTILINE)
FENCE = re.compile(r"^```(python|console)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def page_language(page: Path) -> str:
    """The language a page's examples run in: ``zh`` for a Chinese page, else its comment, else ``en``."""
    if page.name.endswith((".zh.md", ".zh-CN.md")):
        return "zh"
    named = PAGE_LANG.search(page.read_text(encoding="utf-8"))
    return named.group(1) if named else "en"


def _blocks(page: Path) -> list[tuple[str, int, str]]:
    text = page.read_text(encoding="utf-8")
    out = []
    for match in FENCE.finditer(text):
        kind, code = match.group(1), match.group(2)
        if code.lstrip().startswith("# doctest: skip"):
            continue
        line = text.count("\n", 0, match.start()) + 2
        out.append((kind, line, code))
    return out


def _sessions(code: str) -> list[tuple[str, list[str]]]:
    """Split a console block into (command, expected output lines)."""
    out: list[tuple[str, list[str]]] = []
    for line in code.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line.rstrip())
    return out


def _run_console(page: Path, line: int, code: str, cwd: Path) -> None:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    env["PYTHONWARNINGS"] = "ignore"  # the commands' own notes go to stderr; warnings are tested elsewhere
    for command, expected in _sessions(code):
        result = subprocess.run(
            ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, check=False
        )
        where = f"{page.relative_to(ROOT)} block at line {line}: $ {command}"
        assert result.returncode in (0, 1), f"{where} exited {result.returncode}: {result.stderr}"
        shown = [x for x in expected if x.strip()]
        if shown:
            actual = [x.rstrip() for x in result.stdout.splitlines() if x.strip()]
            assert actual == shown, f"{where}: output differs from the page"


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if needs := REQUIRES.match(page.read_text(encoding="utf-8")):
        for module in needs.group(1).split(","):
            pytest.importorskip(module.strip())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("ZWGK_LANG", page_language(page))
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    try:
        for kind, line, code in _blocks(page):
            if kind == "console":
                _run_console(page, line, code, tmp_path)
                continue
            try:
                # dont_inherit: the page runs as a reader's script, without this module's __future__ imports
                exec(compile(code, f"{page}:{line}", "exec", dont_inherit=True), namespace)
            except Exception as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"{page.relative_to(ROOT)} block at line {line} failed: {exc!r}")
    finally:
        zwgk.set_language(None)


def test_docs_exist() -> None:
    assert any(_blocks(p) for p in PAGES), "no executable examples found in docs/"
    assert (ROOT / "mkdocs.yml").exists()
