"""What every package's notebook displays share: optional imports, CJK labels, tables and frames.

Private.  pandas and matplotlib are imported only inside these functions (extras
``zwgk[pandas]`` and ``zwgk[plot]``); missing ones raise :class:`~zwgk.errors.MissingExtraError`.
Chinese labels need a CJK font: ``labels="auto"`` uses Chinese when matplotlib finds one.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from zwgk._optional import import_extra
from zwgk.errors import InvalidInputError, UnknownNameError

__all__ = [
    "CJK_FONTS",
    "HTML_ROWS",
    "Labels",
    "cjk_fonts",
    "figure_class",
    "html_table",
    "pandas_module",
    "present_by_type",
    "records_frame",
    "use_chinese",
]

Labels = Literal["auto", "zh", "en"]

#: How many rows an HTML display shows before "… and N more".
HTML_ROWS = 20

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
)


def pandas_module() -> Any:
    """``pandas``, or :class:`MissingExtraError` naming the extra to install."""
    return import_extra("pandas", "pandas", "DataFrame output")


def figure_class() -> Any:
    """``matplotlib.figure.Figure`` (figures are built without pyplot: no global state)."""
    return import_extra("matplotlib.figure", "plot", "plots").Figure


def use_chinese(labels: Labels) -> bool:
    """Whether to draw Chinese labels: ``"zh"``, ``"en"``, or ``"auto"`` (a CJK font is installed).

    Raises:
        InvalidInputError: ``labels`` is none of the three.
    """
    if labels not in ("auto", "zh", "en"):
        raise InvalidInputError("labels", labels, "'auto', 'zh' or 'en'")
    if labels != "auto":
        return labels == "zh"
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return any(name in installed for name in CJK_FONTS)


def cjk_fonts() -> list[str]:
    """The installed CJK fonts in order of preference, then DejaVu Sans as the fallback."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [n for n in CJK_FONTS if n in installed] + ["DejaVu Sans"]


def records_frame(records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    """A DataFrame of ``records`` with exactly ``columns`` (empty input keeps the columns)."""
    return pandas_module().DataFrame(list(records), columns=list(columns))


def html_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    css_class: str,
    heading: str = "",
    noun: str = "rows",
    limit: int = HTML_ROWS,
) -> str:
    """An HTML table of the first ``limit`` rows, then "… and N more {noun}".

    ``headers``, ``heading`` and every cell are plain text and are escaped here.
    """
    esc = html.escape
    shown = rows[:limit]
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in shown)
    more = len(rows) - len(shown)
    return (
        f"<div class='{esc(css_class)}'>"
        + (f"<p>{esc(heading)}</p>" if heading else "")
        + f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        + (f"<p>… and {more} more {esc(noun)} (<code>to_frame()</code> shows all)</p>" if more else "")
        + "</div>"
    )


#: What a package's presentation table maps: (value type, kind of presentation) → presenter.
Presenters = Mapping[tuple[type, str], Callable[..., Any]]


def present_by_type(presenters: Presenters, value: object, what: str, options: Mapping[str, Any]) -> Any:
    """Call the presenter registered for ``(type(value), what)`` with ``value`` and ``options``.

    The body of each package's ``_display.present``: one table per package, looked up by the
    value's exact type.

    Raises:
        UnknownNameError: no presenter for this type and kind; the message lists the kinds
            the type has.
    """
    presenter = presenters.get((type(value), what))
    if presenter is None:
        kinds = sorted(kind for cls, kind in presenters if cls is type(value))
        raise UnknownNameError(f"presentation of {type(value).__name__}", what, kinds)
    return presenter(value, **options)
