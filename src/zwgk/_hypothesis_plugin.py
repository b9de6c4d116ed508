"""Hypothesis plugin: ``st.from_type`` for zwgk's types, registered lazily.

Hypothesis loads this module through the ``hypothesis`` entry point in ``pyproject.toml`` when
*it* is imported.  Importing it costs nothing of zwgk: it sits outside ``zwgk.testing`` (whose
``__init__`` imports every strategy module) and imports no zwgk package.  Instead it

* registers, right away, the types of every zwgk package that is already imported, and
* watches the import system (a `sys.meta_path` finder) for the others: when a
  package of `_PACKAGES` (``zwgk.calendar``, ``zwgk.deadlines``, … ``zwgk.errors``)
  finishes importing, its types are registered.

Each registration is a resolver function, called when ``st.from_type`` first resolves the
type: only then is `zwgk.testing._values` imported, which builds the type's strategy
from real data and real computations.  The finder removes
itself once every package is registered.  (The types defined in `zwgk.testing` itself,
``RequestCase`` and the like, are registered by that package on import.)
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import threading
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

__all__ = ["_hypothesis_setup_hook"]

# The packages whose public value types (the attrs classes of the façade's ``__all__``) are
# registered; each is drawn by zwgk.testing._values.value_strategy(package, name), which
# holds the one list of what is drawn for each (tests/testing/test_testing_plugin.py walks
# every façade and fails when a type has none).  Enums are left to Hypothesis, which samples
# their members.
_PACKAGES = (
    "zwgk.calendar",
    "zwgk.deadlines",
    "zwgk.requests",
    "zwgk.catalog",
    "zwgk.scoring",
    "zwgk.reports",
    "zwgk.reports.io",
    "zwgk.reports.narrative",
    "zwgk.audit",
    "zwgk.powers",
    "zwgk.services",
    "zwgk.plans",
    "zwgk.rounds",
    "zwgk.register",
    "zwgk.errors",
)
_LOCK = threading.Lock()
_PENDING: set[str] = set()


def _resolver(package: str, name: str) -> Callable[[type], Any]:
    # A function, not a strategy: Hypothesis calls it when st.from_type resolves the type, so
    # zwgk.testing is imported then (a registered st.deferred would be evaluated at once, to
    # check that it is not empty).
    def resolve(thing: type) -> Any:
        return importlib.import_module("zwgk.testing._values").value_strategy(package, name)

    return resolve


def _register(package: str) -> None:
    from hypothesis import strategies as st

    with _LOCK:
        if package not in _PENDING:
            return
        _PENDING.discard(package)
    mod = sys.modules[package]
    for name, kind in _value_types(mod):
        st.register_type_strategy(kind, _resolver(package, name))


def _value_types(module: ModuleType) -> list[tuple[str, type]]:
    """The public value types of a façade: the attrs classes its ``__all__`` names."""
    import attrs  # imported by every zwgk package already

    return [
        (name, kind)
        for name in module.__all__
        if isinstance(kind := getattr(module, name), type) and attrs.has(kind)
    ]


class _RegisteringLoader(importlib.abc.Loader):
    """The package's own loader, registering its types once the package has been executed."""

    def __init__(self, inner: importlib.abc.Loader, package: str) -> None:
        self._inner = inner
        self._package = package

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._inner.exec_module(module)
        _register(self._package)
        if not _PENDING:
            _unwatch()

    def __getattr__(self, name: str) -> Any:  # get_resource_reader, is_package, …
        return getattr(self._inner, name)


class _Watcher(importlib.abc.MetaPathFinder):
    """Finds nothing itself: wraps the loader of a watched zwgk package found by the others."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in _PENDING:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _RegisteringLoader(spec.loader, fullname)
                return spec
        return None


_WATCHER = _Watcher()


def _unwatch() -> None:
    if _WATCHER in sys.meta_path:
        sys.meta_path.remove(_WATCHER)


def _hypothesis_setup_hook() -> None:
    """Register zwgk's types now for the packages already imported, on import for the rest."""
    with _LOCK:
        _PENDING.update(_PACKAGES)
    for package in _PACKAGES:
        if package in sys.modules:
            _register(package)
    if _PENDING and _WATCHER not in sys.meta_path:
        sys.meta_path.insert(0, _WATCHER)
