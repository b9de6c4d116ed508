"""The architecture is checked by tools, not hopes.

- import-linter's contracts in ``pyproject.toml`` (layers, the pure cores' forbidden
  imports, no cycles between the modules of a package) are kept;
- the version has one source (``zwgk.__version__``, read by the build backend);
- every module that value types use for display is reached only through
  :func:`zwgk._present.present`.
"""

from __future__ import annotations

import ast
import importlib.metadata
from pathlib import Path

import pytest

import zwgk

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "zwgk"


def test_import_linter_contracts_are_kept() -> None:
    importlinter_cli = pytest.importorskip("importlinter.cli")
    # lint_imports returns 0 when every contract is kept; it prints the report.
    assert importlinter_cli.lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def test_version_is_single_sourced() -> None:
    assert importlib.metadata.version("zwgk") == zwgk.__version__
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert "\nversion =" not in pyproject


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_only_display_modules_import_display_modules() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        # the façades (__init__) may re-export display verbs; the CLI and strategies are shells
        if path.name in ("_display.py", "__init__.py") or "_cli" in path.parts or "testing" in path.parts:
            continue
        package = ".".join(path.relative_to(SRC.parent).with_suffix("").parts[:-1])
        if f"{package}._display" in _imported_modules(path):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == [], f"value modules importing their package's _display: {offenders}"


def test_architecture_page_shows_the_contracts_in_force() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    contracts = pyproject[pyproject.index("[tool.importlinter]") :].strip()
    for name in ("architecture.md", "architecture.zh.md"):
        page = (ROOT / "docs" / "explanation" / name).read_text(encoding="utf-8")
        assert f"```toml\n{contracts}\n```" in page, f"copy the [tool.importlinter] section into {name}"


PACKAGES = (
    "calendar",
    "deadlines",
    "scoring",
    "catalog",
    "requests",
    "reports",
    "powers",
    "services",
    "plans",
    "rounds",
    "register",
    "audit",
    "testing",
)


@pytest.mark.parametrize("name", PACKAGES)
def test_every_facade_lists_at_most_40_names(name: str) -> None:
    import importlib

    module = importlib.import_module(f"zwgk.{name}")
    assert len(module.__all__) <= 40, f"zwgk.{name} exports {len(module.__all__)} names"
    assert len(set(module.__all__)) == len(module.__all__)
