"""The single lazy hook from value types to their package's presentation module.

Value types (deadlines, score results, catalogs, reports …) offer ``_repr_html_``,
``to_frame()`` and ``plot()``, but the code that draws them lives in one module per
package, ``<package>._display``.  A value reaches it only through `present`, which
imports that module by name on first use.  So no value module imports its package's
display module (and the display module may import the value modules freely): there is no
import cycle, and importing a value type never imports pandas or matplotlib.

Each ``_display`` module defines ``present(value, what, /, **options)``, which dispatches
on the value's type and ``what`` (``"repr"``, ``"html"``, ``"frame"``, ``"plot"`` …).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["present"]


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show ``value`` as ``what`` through the ``_display`` module of the value's package.

    Args:
        value: a zwgk value; its class's module names the package (``zwgk.deadlines._clock``
            → ``zwgk.deadlines._display``).
        what: the kind of presentation, e.g. ``"repr"``, ``"html"``, ``"frame"``, ``"plot"``.
        **options: passed on (``labels=``, ``ax=`` …).

    Returns:
        Whatever the presentation module returns for that kind.
    """
    package = type(value).__module__.rpartition(".")[0]
    module = importlib.import_module(f"{package}._display")
    return module.present(value, what, **options)
