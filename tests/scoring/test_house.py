"""The shape of zwgk.scoring: an explicit compile step, immutable constants, a light import,
one presentation module, no import cycles, small files and a static, grouped façade."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from tests.scoring.helpers import case_evidence, golden

import zwgk.scoring
from zwgk.errors import InvalidTypeError
from zwgk.scoring import CompiledCard, compile_card, load_card, score, what_if
from zwgk.scoring._derived import DERIVATIONS
from zwgk.scoring._evidence import BOOLEAN_WORDS

PACKAGE = Path(zwgk.scoring.__file__).parent
VALUE_MODULES = ("_model", "_result", "_plan", "_derived", "_conditions", "_compile", "_evidence")


def _imports(module: str) -> set[str]:
    """The zwgk.scoring modules ``module`` imports anywhere (also inside functions)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("zwgk.scoring."):
            out.add(node.module.removeprefix("zwgk.scoring."))
        elif isinstance(node, ast.Import):
            out.update(
                a.name.removeprefix("zwgk.scoring.") for a in node.names if a.name.startswith("zwgk.scoring.")
            )
    return out


@pytest.fixture
def streets_evidence() -> dict[str, object]:
    data = golden("kaifu-2013-streets")
    return dict(case_evidence(data, data["cases"][0]))


MODULES = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")


# --- the compile step ------------------------------------------------------------------


def test_a_compiled_card_scores_as_its_card(streets_evidence: dict[str, object]) -> None:
    card = load_card("kaifu-2013-streets")
    plan = compile_card(card)
    assert isinstance(plan, CompiledCard)
    assert plan.card is card
    assert score(plan, streets_evidence) == score(card, streets_evidence)
    assert score(plan, streets_evidence) == score(compile_card(card), streets_evidence)
    assert what_if(plan, streets_evidence, "petitions", True) == what_if(
        card, streets_evidence, "petitions", True
    )


def test_the_plan_and_the_card_are_frozen_and_hold_no_memo() -> None:
    card = load_card("kaifu-2013-streets")
    plan = compile_card(card)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.card = card  # type: ignore[misc]
    assert not hasattr(card, "__dict__")  # slotted: nothing can be hung on a card
    assert [f.name for f in attrs.fields(type(card))] == [
        a for a in type(card).__slots__ if not a.startswith("__")
    ]
    for field in attrs.fields(CompiledCard):
        assert not isinstance(getattr(plan, field.name), dict | list | set), field.name


def test_a_card_name_is_refused_with_a_type_error() -> None:
    hint = r"load_card\('kaifu-2013-streets'\)"
    with pytest.raises(InvalidTypeError, match=hint):
        score("kaifu-2013-streets", {})  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match=hint):
        compile_card("kaifu-2013-streets")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        what_if(42, {}, "petitions", True)  # type: ignore[arg-type]


def test_no_object_setattr_in_the_package() -> None:
    for module in MODULES:
        assert "object.__setattr__" not in (PACKAGE / f"{module}.py").read_text(encoding="utf-8"), module


# --- constants -------------------------------------------------------------------------


def test_boolean_words_and_derivations_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        BOOLEAN_WORDS["vielleicht"] = True  # type: ignore[index]
    with pytest.raises(TypeError):
        DERIVATIONS["x"] = DERIVATIONS["updates_in_period"]  # type: ignore[index]
    assert "vielleicht" not in BOOLEAN_WORDS


def test_no_mutable_module_constants() -> None:
    """Module-level names bound to a dict, list or set literal (the caches of _memo excepted)."""
    for module in MODULES:
        tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if isinstance(value, ast.Dict | ast.List | ast.Set | ast.DictComp | ast.ListComp | ast.SetComp):
                target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                name = getattr(target, "id", "?")
                allowed = name == "__all__" or (module, name) == ("_memo", "_recent")
                assert allowed, f"{module}.{name} is a mutable constant"


# --- imports ---------------------------------------------------------------------------


def test_import_is_light() -> None:
    heavy = ("pydantic", "pandas", "numpy", "openpyxl", "matplotlib")
    code = f"import sys, zwgk.scoring\nprint(','.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_value_modules_never_import_the_display_module() -> None:
    for module in VALUE_MODULES:
        assert "_display" not in _imports(module), module
        assert "io" not in _imports(module), module


def test_no_two_modules_import_each_other() -> None:
    graph = {m: _imports(m) & set(MODULES) for m in MODULES}
    pairs = sorted((a, b) for a in graph for b in graph[a] if a < b and a in graph.get(b, set()))
    assert not pairs


def test_every_module_is_small() -> None:
    sizes = {m: len((PACKAGE / f"{m}.py").read_text(encoding="utf-8").splitlines()) for m in MODULES}
    assert {m: n for m, n in sizes.items() if n > 350} == {}


def test_the_facade_is_static_grouped_and_small() -> None:
    assert len(zwgk.scoring.__all__) <= 40
    assert len(set(zwgk.scoring.__all__)) == len(zwgk.scoring.__all__)
    for name in zwgk.scoring.__all__:
        assert hasattr(zwgk.scoring, name), name
    io = importlib.import_module("zwgk.scoring.io")
    for name in io.__all__:
        assert hasattr(io, name), name
