"""What every package's notebook displays share: optional imports, CJK labels, tables and frames.

Private.  pandas and matplotlib are imported only inside these functions (extras
``zwgk[pandas]`` and ``zwgk[plot]``); missing ones raise [`MissingExtraError`][zwgk.errors.MissingExtraError].

Fonts and the label language are decided here and nowhere else:

- `find_cjk_font` is the one detection: the first of `CJK_FONTS` that matplotlib's
  font manager knows and whose file really has Chinese glyphs, or ``None``.
- `use_chinese` turns ``labels="auto"|"zh"|"en"`` into the language: ``"auto"`` is
  Chinese when a CJK font is found; ``"zh"`` without one warns once per process
  ([`CJKFontMissingWarning`][zwgk.errors.CJKFontMissingWarning]) and falls back to English, never boxes.
- `figure_class` gives figures that draw every text holding CJK characters in the
  detected font (set on those texts when the figure is drawn or saved: no rcParams, no global
  state), so a detected font is always the font matplotlib uses.
"""

from __future__ import annotations

import functools
import html
import re
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from zwgk import _lang
from zwgk._i18n import N_, Message, gettext, msg_n, resolve
from zwgk._i18n import text as word
from zwgk._optional import import_extra
from zwgk.errors import CJKFontMissingWarning, InvalidInputError, UnknownNameError

__all__ = [
    "CJK_FONTS",
    "HTML_ROWS",
    "Labels",
    "cjk_fonts",
    "figure_class",
    "find_cjk_font",
    "has_cjk",
    "html_table",
    "integer_axis",
    "labels_chinese",
    "legend_outside",
    "md_cell",
    "pandas_module",
    "present_by_type",
    "records_frame",
    "use_chinese",
    "use_cjk_font",
]

Labels = Literal["auto", "zh", "en"]

#: How many rows an HTML display shows before "… and N more".
HTML_ROWS = 20

#: CJK font families zwgk looks for, in order of preference (Simplified Chinese first).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "SimSun",
    "AR PL UMing CN",
    "Droid Sans Fallback",
)

#: Characters a font must have to count as a CJK font (中文, and 分 of the score axis).
_PROBE = "中文分"

#: Code point ranges of CJK text: radicals … CJK symbols and punctuation (、〔〕) … unified
#: ideographs, Hangul, compatibility ideographs and forms, full-width forms, extension planes.
_CJK_RANGES = (
    (0x2E80, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)

_MISSING_FONT_MESSAGE = N_(
    "labels='zh' needs a CJK font and matplotlib finds none of: {fonts}; drawing English labels "
    "instead. Install one, e.g. Noto Sans CJK SC (Debian/Ubuntu: apt-get install fonts-noto-cjk; "
    "Fedora: google-noto-sans-cjk-fonts; or fonts-wqy-microhei), then delete matplotlib's font "
    "cache (~/.cache/matplotlib) so it sees the new font."
)

#: Whether `CJKFontMissingWarning` was issued in this process (it is issued once).
_warned_missing_font = False


def pandas_module() -> Any:
    """``pandas``, or [`MissingExtraError`][zwgk.errors.MissingExtraError] naming the extra to install."""
    return import_extra("pandas", "pandas", N_("DataFrame output"))


_MD_PIPE = re.compile(r"(\\*)\|")
_MD_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def md_cell(text: object) -> str:
    """``text`` safe inside one cell of a Markdown (GFM) table, or a heading or list line.

    Data from the public (a unit called ``A|B``, a title with a line break) must not break
    the table it is shown in.  Each pipe becomes a backslash and a pipe, and backslashes
    right before a pipe are doubled first, so a backslash-pipe in the data stays a visible
    backslash and a pipe.  Every line break (LF, CRLF, CR, vertical tab, form feed and the
    Unicode line and paragraph separators) becomes one space.  Other text is unchanged.
    """
    flat = _MD_BREAK.sub(" ", str(text))
    return _MD_PIPE.sub(lambda m: m.group(1) * 2 + "\\|", flat)


def find_cjk_font() -> str | None:
    """The family name of an installed CJK font that matplotlib will use, or ``None``.

    The first of `CJK_FONTS` known to matplotlib's font manager whose file has the
    glyphs of ``中文分`` (a name alone is not enough: a broken or Latin-only file of that
    name would still draw boxes).
    """
    font_manager = import_extra("matplotlib.font_manager", "plot", N_("plots"))
    files: dict[str, list[str]] = {}
    for entry in font_manager.fontManager.ttflist:
        files.setdefault(entry.name, []).append(entry.fname)
    for name in CJK_FONTS:
        if any(_has_probe_glyphs(path) for path in files.get(name, ())):
            return name
    return None


def _has_probe_glyphs(path: str) -> bool:
    font_manager = import_extra("matplotlib.font_manager", "plot", N_("plots"))

    try:
        font = font_manager.get_font(path)
        return all(font.get_char_index(ord(c)) for c in _PROBE)
    except (OSError, RuntimeError, ValueError):  # unreadable or unsupported file
        return False


def cjk_fonts() -> list[str]:
    """The font family list for Chinese text: the detected CJK font, then DejaVu Sans."""
    font = find_cjk_font()
    return ([font] if font is not None else []) + ["DejaVu Sans"]


def legend_outside(ax: Any, *, family: Sequence[str] | None = None, **options: Any) -> Any:
    """A legend to the right of ``ax``, outside the plotting area, so it never covers data.

    ``loc="best"`` still lands on tall bars; outside the axes nothing can be hidden.  The
    figure should use ``layout="constrained"`` so the legend gets its room.
    """
    handles, names = ax.get_legend_handles_labels()
    if not handles:
        return None
    prop = {"family": list(family)} if family else None
    return ax.legend(
        handles,
        names,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
        fontsize=8,
        prop=prop,
        **options,
    )


def integer_axis(axis: Any) -> None:
    """Ticks only at whole numbers on ``axis`` (``ax.yaxis``): for counts, never 2.5 requests."""
    ticker = import_extra("matplotlib.ticker", "plot", N_("plots"))
    axis.set_major_locator(ticker.MaxNLocator(integer=True))


def use_chinese(labels: Labels) -> bool:
    """Whether to draw Chinese labels for ``labels`` (``"auto"``, ``"zh"`` or ``"en"``).

    ``"auto"`` is Chinese when `find_cjk_font` finds a font.  ``"zh"`` without one
    issues [`CJKFontMissingWarning`][zwgk.errors.CJKFontMissingWarning] (once per process) and returns
    ``False``: English labels, not boxes.

    Raises:
        InvalidInputError: ``labels`` is none of the three.
    """
    global _warned_missing_font
    if labels not in ("auto", "zh", "en"):
        raise InvalidInputError("labels", labels, gettext("'auto', 'zh' or 'en'"))
    if labels == "en":
        return False
    if find_cjk_font() is not None:
        return True
    if labels == "zh" and not _warned_missing_font:
        _warned_missing_font = True
        message = gettext(_MISSING_FONT_MESSAGE).format(fonts=", ".join(CJK_FONTS))
        warnings.warn(CJKFontMissingWarning(message), stacklevel=2)
    return False


def labels_chinese(labels: Labels) -> bool:
    """Whether a plot draws Chinese labels: ``labels="auto"`` follows the language set
    (``zwgk.language``, ``zwgk.set_language``, ``ZWGK_LANG``; with none set, Chinese, as every
    plot always did), Chinese only when a CJK font can draw it; ``"zh"``/``"en"`` choose
    (`use_chinese`).

    Raises:
        InvalidInputError: ``labels`` is none of the three.
    """
    if labels == "auto" and _lang.requested()[1] != "default" and resolve(None) == "en":
        return False
    return use_chinese(labels)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a character only a CJK font draws (汉字, 、〔〕, full-width forms)."""
    return any(lo <= ord(c) <= hi for c in text for lo, hi in _CJK_RANGES)


def use_cjk_font(figure: Any) -> None:
    """Give every text of ``figure`` that holds CJK characters the detected CJK font.

    The font is put first in the text's own family list (the rest stays as the fallback);
    texts that already name a CJK font are left alone.  Tick labels are realised first, so
    their text is known.  Without a CJK font this does nothing.
    """
    font = find_cjk_font()
    if font is None:
        return
    text_class = import_extra("matplotlib.text", "plot", N_("plots")).Text
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis, getattr(ax, "zaxis", None)):
            if axis is not None:
                axis.get_ticklabels(which="both")
    for text in figure.findobj(text_class):
        family = list(text.get_fontfamily())
        if has_cjk(text.get_text()) and not any(f in CJK_FONTS for f in family):
            text.set_fontfamily([font, *family])


def figure_class() -> Any:
    """zwgk's ``matplotlib.figure.Figure`` (figures are built without pyplot: no global state).

    A subclass whose ``draw`` (also run by ``savefig`` and notebook display) first calls
    `use_cjk_font`, so Chinese text is drawn in the detected CJK font.
    """
    return _cjk_figure(import_extra("matplotlib.figure", "plot", N_("plots")).Figure)


@functools.cache
def _cjk_figure(base: type) -> type:
    class CJKFigure(base):  # type: ignore[misc]
        """A matplotlib ``Figure`` that draws CJK text in the detected CJK font."""

        def draw(self, renderer: Any) -> None:
            use_cjk_font(self)
            super().draw(renderer)

    CJKFigure.__module__ = __name__
    CJKFigure.__qualname__ = "CJKFigure"
    return CJKFigure


def __getattr__(name: str) -> Any:
    """``CJKFigure`` by name, so pickled figures load (the class is made on first use)."""
    if name == "CJKFigure":
        return figure_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def records_frame(records: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Any:
    """A DataFrame of ``records`` with exactly ``columns`` (empty input keeps the columns)."""
    return pandas_module().DataFrame(list(records), columns=list(columns))


def html_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    css_class: str,
    heading: str = "",
    noun: str | Message = "",
    limit: int = HTML_ROWS,
) -> str:
    """An HTML table of the first ``limit`` rows, then "… and N more {noun}".

    ``headers``, ``heading`` and every cell are plain text and are escaped here; ``noun``
    (default: rows) is worded in the current language.
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
        + (f"<p>{esc(_more_rows(more, noun)).replace(_CODE, f'<code>{_CODE}</code>')}</p>" if more else "")
        + "</div>"
    )


_CODE = "to_frame()"


def _more_rows(more: int, noun: str | Message) -> str:
    if noun == "":
        template = msg_n(
            "… and {n} more row (to_frame() shows all)",
            "… and {n} more rows (to_frame() shows all)",
            "n",
            n=more,
        )
        return template.render()
    return gettext("… and {n} more {noun} (to_frame() shows all)").format(n=more, noun=word(noun))


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
        kind = gettext("presentation of {type}").format(type=type(value).__name__)
        raise UnknownNameError(kind, what, kinds)
    return presenter(value, **options)
