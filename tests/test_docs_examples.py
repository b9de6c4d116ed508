"""Every ```python block in docs/ and README.md is executed, file by file, in order.

Blocks of one page share a namespace, so a page reads as one script.  Blocks fenced as
```text, ```console, ```pycon or ```bash are not run.  A block whose first line is
``# doctest: skip`` is not run either (use sparingly: for code that needs a network).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([*ROOT.joinpath("docs").rglob("*.md"), ROOT / "README.md"])
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(page: Path) -> list[tuple[int, str]]:
    text = page.read_text(encoding="utf-8")
    out = []
    for match in FENCE.finditer(text):
        code = match.group(1)
        if code.lstrip().startswith("# doctest: skip"):
            continue
        line = text.count("\n", 0, match.start()) + 2
        out.append((line, code))
    return out


@pytest.mark.parametrize(
    "page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for line, code in _blocks(page):
        try:
            exec(compile(code, f"{page}:{line}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{page.relative_to(ROOT)} block at line {line} failed: {exc!r}")


def test_docs_exist() -> None:
    assert any(_blocks(p) for p in PAGES), "no executable examples found in docs/"
    assert os.path.exists(ROOT / "mkdocs.yml")
