"""The documentation site builds with strict warnings and its reference renders.

One strict build of the whole site (broken links, unresolved cross-references and docstrings
griffe cannot parse all fail it), then checks on the HTML it wrote: no raw Sphinx role
(``:func:`` …) anywhere, and Returns/Raises sections rendered as tables of one row per value.
A second, tiny build plants an unresolved cross-reference to show the configuration refuses it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Raw roles as mkdocstrings prints them: ``:func:`x``` becomes ``:func:<code>x</code>``.
RAW_ROLE = re.compile(
    r":(?:py:)?(func|class|meth|data|mod|attr|exc|obj|const):(?:<code>([^<]*)</code>|`([^`]*)`)"
)


def _build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    out = tmp_path_factory.mktemp("site")
    result = _build(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _section(page: str, anchor: str) -> str:
    """The HTML of one documented object: from its heading to the next object heading."""
    start = page.index(f'id="{anchor}"')
    following = re.compile(r'<h[1-6] id="[^"]+" class="doc doc-heading"')
    match = following.search(page, start + 1)
    return page[start : match.start() if match else len(page)]


def _table_rows(section: str, title: str) -> int:
    """How many rows the table of a docstring section (``Returns:``, ``Raises:``) has."""
    match = re.search(
        rf'<span class="doc-section-title">{title}:</span></p>\s*<table>(.*?)</table>', section, re.S
    )
    assert match, f"no {title} table"
    return match.group(1).count('<tr class="doc-section-item">')


@pytest.mark.slow
def test_site_builds_strictly(site: Path) -> None:
    assert (site / "index.html").exists()
    assert (site / "reference" / "errors" / "index.html").exists()


@pytest.mark.slow
def test_no_raw_sphinx_role_in_the_html(site: Path) -> None:
    raw = []
    for page in sorted(site.rglob("*.html")):
        raw.extend(
            f"{page.relative_to(site)}: {m.group(0)}"
            for m in RAW_ROLE.finditer(page.read_text(encoding="utf-8"))
        )
    assert raw == [], "\n".join(raw)


@pytest.mark.slow
def test_cross_references_are_links(site: Path) -> None:
    page = (site / "reference" / "deadlines" / "index.html").read_text(encoding="utf-8")
    reply_due = _section(page, "zwgk.deadlines.reply_due")
    # "Whole columns: [`reply_due_array`][zwgk.deadlines.reply_due_array]" in reply_due's docstring.
    assert 'href="#zwgk.deadlines.reply_due_array"' in reply_due
    # A name in a Raises table links to another page: the errors reference.
    assert 'href="../errors/#zwgk.errors.InvalidEventSequence"' in reply_due


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "anchor", "returns", "raises"),
    [
        ("deadlines", "zwgk.deadlines.reply_deadline", True, 3),
        ("deadlines", "zwgk.deadlines.reply_due", True, 3),
        ("catalog", "zwgk.catalog.check_compliance", True, None),
        ("plans", "zwgk.plans.io.load_plan", False, 6),
    ],
)
def test_returns_and_raises_render_as_tables(
    site: Path, page: str, anchor: str, *, returns: bool, raises: int | None
) -> None:
    html = (site / "reference" / page / "index.html").read_text(encoding="utf-8")
    section = _section(html, anchor)
    if returns:
        assert _table_rows(section, "Returns") == 1  # one value, however many lines describe it
    if raises is not None:
        assert _table_rows(section, "Raises") == raises


@pytest.mark.slow
def test_multi_line_returns_is_one_row(site: Path) -> None:
    """reply_due_array's six-line Returns description once rendered as six rows of a table."""
    html = (site / "reference" / "deadlines" / "index.html").read_text(encoding="utf-8")
    assert _table_rows(_section(html, "zwgk.deadlines.reply_due_array"), "Returns") == 1


@pytest.mark.slow
def test_an_unresolved_cross_reference_fails_the_build(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    pytest.importorskip("mkdocstrings")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav")
    config["docs_dir"] = str(tmp_path / "docs")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "mkdocstrings" in plugin:
            plugin["mkdocstrings"]["handlers"]["python"]["paths"] = [str(ROOT / "src")]
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    page = tmp_path / "docs" / "index.md"

    page.write_text("# Home\n\nSee [`cut`][zwgk.errors.cut].\n\n::: zwgk.errors.cut\n", encoding="utf-8")
    good = _build(tmp_path / "mkdocs.yml", tmp_path / "good")
    assert good.returncode == 0, good.stdout + good.stderr

    planted = "# Home\n\nSee [`nothing`][zwgk.errors.nothing].\n\n::: zwgk.errors.cut\n"
    page.write_text(planted, encoding="utf-8")
    bad = _build(tmp_path / "mkdocs.yml", tmp_path / "bad")
    assert bad.returncode != 0
    assert "zwgk.errors.nothing" in bad.stdout + bad.stderr


@pytest.mark.slow
def test_the_chinese_site_is_chinese(site: Path) -> None:
    """Each ``NAME.zh.md`` is built under ``zh/`` with the theme in Chinese (``<html lang="zh">``,
    the search and navigation labels of the theme's Chinese), its own text, and links into the
    Chinese site; the English site keeps ``lang="en"``."""
    docs = ROOT / "docs"
    pages = sorted(docs.rglob("*.zh.md"))
    assert pages, "no Chinese page"
    for source in pages:
        rel = source.relative_to(docs).as_posix().removesuffix(".zh.md")
        built = site / "zh" / ("index.html" if rel == "index" else f"{rel}/index.html")
        html = built.read_text(encoding="utf-8")
        assert '<html lang="zh"' in html, built
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert heading, built
        assert re.search(r"[\u4e00-\u9fff]", heading.group(1)), f"{built}: no Chinese title"
        english = site / ("index.html" if rel == "index" else f"{rel}/index.html")
        assert '<html lang="en"' in english.read_text(encoding="utf-8"), english
