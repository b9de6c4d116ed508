"""The narrative audit: count–share statements and restated counts in a report's text sections.

A report's text sections (`sections`) repeat its figures in
words: "全年共收到政府信息公开申请1453件 … 其中,予以公开966件,占66.48%".  This module reads
those sentences and checks them:

- **count–share statements** ("N件 … 占X%" and the variants 占比, 所占比例为, 比例为, 比重,
  "(X%)" right after the count, 百分之X, full-width digits and ％, Chinese numerals for the
  count): each share is checked against its count and its whole **at the precision it is
  written with** ("33%" at 0 decimals, "32.9%" at 1); a share that is the exact share
  truncated instead of rounded is its own kind (``share_truncated``).  Changes and rates —
  "同比增长12%", "下降3个百分点", "回复率100%" — are not shares of a whole and are not read.
- **restated counts** ("上年结转N件", "予以公开N件", "行政复议N件", "制发规范性文件N件" …):
  each is compared with the table cell it restates, using the cell's effective value
  (a blank total is the sum of its parts).

Which phrase restates which cell, what introduces a share and what names its whole are
package data (``reports/data/narrative.toml``), each entry citing the row and column of the
published format it restates.

**The whole of a share** is, in this order: the table cell the share names ("占收到申请总数的
40%" → 表三 本年新收 × 总计, when the report has table 3); else the total stated in the same
sentence — the count just before a "其中" that precedes the share, else the one share-less
count marked as a total (共, 合计, 总计, 累计, 全年 …), else the one share-less count large
enough to hold the part; else, when the sentence states no count of its own (it opens with
"其中," or continues a list of shares after a full stop), the whole of the previous sentence
of the same paragraph.  Counts and wholes must share their counting word (件, 条, 笔 …) when
both have one.  When none of these determines the whole, or several counts could be it, the
statement is reported as ``share_unchecked`` and nothing is guessed.

Lists of shares are not summed: narratives name a few outcomes of many, so neither "the parts
add up" nor "the shares add up to 100" is a claim the text makes.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import attrs

from zwgk._i18n import Language, Message, msg
from zwgk._i18n import text as worded
from zwgk._json_out import fields_dict, pydantic_core_schema
from zwgk._text import chinese_number, compact, fold_width
from zwgk.reports._check import share_findings, written_decimals
from zwgk.reports._formats import Table3Column
from zwgk.reports._model import AnnualReport, CellRef

__all__ = ["NarrativeFinding", "Statement", "check_narrative", "extract_statements", "narrative_data_version"]

Text = str | Message

_CN_DIGITS = "零〇一二两三四五六七八九十百"
_CN_DECIMAL = "〇一二三四五六七八九"  # digit by digit after 点 (百分之十二点五); 零 folds to 〇
_NUM = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d.]|,\d)"
_CN = rf"(?<![第{_CN_DIGITS}])[{_CN_DIGITS}]+"


def _pct(tag: str) -> str:
    """A percentage: "12.22%" (after width folding) or "百分之十二点五"; groups named by ``tag``."""
    return rf"(?:(?P<pct{tag}>\d+(?:\.\d+)?)%|百分之(?P<cnpct{tag}>[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?))"


_SENTENCE = re.compile(r"[^。!?]+[。!?]*")
_CLAUSE_BREAK = re.compile(r"[,;:]")
#: Three numbers separated only by spaces: a table row extracted as text (PDF, Word), not prose.
_TABLE_ROW = re.compile(r"\d\s+\d+\s+\d")
#: Longest quote of a sentence in a finding (characters); longer sentences are cut around the count.
_QUOTE = 48
#: How far before a count (characters, within its clause) a total marker such as 共 is looked for.
_MARKER_REACH = 32


@attrs.frozen
class _Whole:
    id: str
    pattern: re.Pattern[str]
    rows: tuple[str, ...]
    column: str
    cites: str


@attrs.frozen
class _Restate:
    id: str
    label: str
    table: int
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (format id or "", rows)
    column: str | None
    cites: str
    context: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    part_of: str | None = None

    def rows_for(self, format_id: str) -> tuple[str, ...]:
        for fmt, rows in self.rows:
            if fmt in ("", format_id):
                return rows
        return ()


@attrs.frozen
class _Rules:
    version: str
    count: re.Pattern[str]
    unit: re.Pattern[str]
    share: re.Pattern[str]
    loose_share: re.Pattern[str]
    not_shares: tuple[str, ...]
    other_period: tuple[str, ...]
    total_marker: re.Pattern[str]
    of_which: str
    wholes: tuple[_Whole, ...]
    restates: tuple[_Restate, ...]


@cache
def _rules() -> _Rules:
    raw = tomllib.loads(resources.files("zwgk.reports").joinpath("data/narrative.toml").read_text("utf-8"))
    counts, shares = raw["counts"], raw["shares"]
    guard = "|".join(re.escape(w) for w in counts["not_after_unit"])
    units = "|".join(re.escape(u) for u in counts["units"])
    unit = rf"(?:{units})(?!{guard})"
    markers = "|".join(re.escape(m) for m in shares["markers"])
    number = rf"(?:(?P<n>{_NUM})|(?P<cn>{_CN})(?=(?:{unit})))(?P<u>{unit})?"
    restates = []
    for entry in raw["restates"]:
        given = entry.get("rows", ())
        rows = (
            tuple((fmt, tuple(keys)) for fmt, keys in given.items())
            if isinstance(given, Mapping)
            else (("", tuple(given)),)
        )
        restates.append(
            _Restate(
                id=entry["id"],
                label=entry["label"],
                table=entry["table"],
                rows=rows,
                column=entry.get("column"),
                cites=entry["cites"],
                context=tuple(entry.get("context", ())),
                part_of=entry.get("part_of"),
                patterns=tuple(re.compile(p.replace("{N}", number)) for p in entry["patterns"]),
            )
        )
    return _Rules(
        version=raw["version"],
        count=re.compile(rf"(?P<n>{_NUM})|(?P<cn>{_CN})(?=(?:{unit}))"),
        unit=re.compile(unit),
        share=re.compile(
            rf"[,、(]?所?(?:{markers})(?P<whole>[^\d%,;:。()!?]{{0,16}}?的)?(?:为|达|约为|约)?{_pct('a')}\)?|\({_pct('b')}\)"
        ),
        loose_share=re.compile(rf"(?P<marker>(?:{markers})[^\d%,;:。()!?]{{0,16}}?)?{_pct('')}(?P<of>的)?"),
        not_shares=tuple(shares["not_shares"]),
        other_period=tuple(counts["other_period"]),
        total_marker=re.compile("|".join(shares["total_markers"])),
        of_which=shares["of_which"],
        wholes=tuple(
            _Whole(w["id"], re.compile(w["pattern"]), tuple(w["rows"]), w["column"], w["cites"])
            for w in raw["wholes"]
        ),
        restates=tuple(restates),
    )


def narrative_data_version() -> str:
    """The version string of ``reports/data/narrative.toml`` (the phrases read)."""
    return _rules().version


@attrs.frozen
class Statement:
    """One count (and/or share) read from a sentence of a report's text.

    - ``count`` and ``unit`` (量词: 件, 条, 笔 …; ``None`` when the text gives none, as in
      "部分公开67,占4.61%"); ``count`` is ``None`` for a share stated without a count
      ("全县60%的村").
    - ``share`` (``Decimal`` percentage as written) and ``decimals`` (its written precision).
    - ``whole`` / ``whole_unit``: the whole the share is of, as stated in the text, or
      ``whole_cell``: the id of the table cell the share names ("new" = 表三 本年新收 × 总计,
      "total" = （七）总计 × 总计); ``note`` says why the whole is undetermined when it is (in
      the current language; `note_in` chooses).
    - ``restates`` / ``restates_label``: the id and label of the table cell the count restates
      (an entry of ``narrative.toml``), else ``None``.
    - ``sentence``: the sentence (width-folded, spaces removed) and ``quote``: a short quote of it.
    """

    sentence: str
    quote: str
    count: int | None
    unit: str | None
    share: Decimal | None = None
    decimals: int | None = None
    whole: int | None = None
    whole_unit: str | None = None
    whole_cell: str | None = None
    _note: Text = attrs.field(default="", alias="note")
    restates: str | None = None
    restates_label: str | None = None

    @property
    def note(self) -> str:
        """Why the whole is undetermined (``""`` when it is not), in the current language."""
        return worded(self._note)

    def note_in(self, lang: Language | None = None) -> str:
        """`note` in ``lang`` (default: the current language).

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"``, ``"en"`` or ``None``.
        """
        return worded(self._note, lang)

    @property
    def is_share(self) -> bool:
        """True for a count–share statement (a count and a share of a whole)."""
        return self.count is not None and self.share is not None


@attrs.frozen
class NarrativeFinding:
    """A sentence whose figure does not match its count, its whole or its table cell.

    ``kind``: ``narrative_count`` (a restated count differs from its table cell), ``share``
    (a share is not its exact value rounded at its written precision), ``share_truncated``
    (it is the exact value truncated, not rounded), ``share_range`` (above 100% or below 0),
    ``part_range`` (a count above its whole) or ``share_unchecked`` (the whole cannot be
    determined; informational, [`problem`][zwgk.reports.narrative.NarrativeFinding.problem] is False).
    ``section`` is the heading, ``quote`` a short quote of the sentence, ``cells`` the table cells involved,
    ``expected`` the table's (or the exact share's) value, ``reported`` the text's; ``message``
    says it in the current language (`message_in` chooses: one finding, both languages).
    """

    kind: str
    section: str
    quote: str
    cells: tuple[CellRef, ...]
    expected: int | Decimal | None
    reported: int | Decimal | None
    _message: Text = attrs.field(alias="message")

    @property
    def message(self) -> str:
        """The finding in one sentence, in the current language."""
        return worded(self._message)

    def message_in(self, lang: Language | None = None) -> str:
        """The finding in one sentence, in ``lang`` (default: the current language).

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"``, ``"en"`` or ``None``.
        """
        return worded(self._message, lang)

    @property
    def problem(self) -> bool:
        """False only for ``share_unchecked`` (a statement that could not be checked)."""
        return self.kind != "share_unchecked"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data: ``kind``, ``section``, ``quote``, ``cells`` (each
        [`to_dict`][zwgk.reports.CellRef.to_dict]), ``expected``, ``reported`` (integers, decimal
        strings for shares, or null), ``message`` and ``problem``."""
        return fields_dict(self) | {"problem": self.problem}

    def __str__(self) -> str:
        return self.message


@attrs.define
class _Token:
    """A count found in a sentence (mutable while the sentence is read; never returned)."""

    start: int
    end: int
    value: int | None
    unit: str | None
    share: Decimal | None = None
    share_end: int = -1
    whole_text: str = ""
    marked: bool = False
    restates: _Restate | None = None


def _number(digits: str | None, chinese: str | None) -> int | None:
    if digits is not None:
        return int(digits.replace(",", ""))
    return None if chinese is None else chinese_number(chinese)


def _percent(match: re.Match[str]) -> Decimal | None:
    """The percentage a `_pct` group matched (``None`` for a non-standard Chinese numeral)."""
    groups = match.groupdict()
    digits = next((v for k, v in groups.items() if k.startswith("pct") and v), None)
    if digits is not None:
        return Decimal(digits)
    chinese = next((v for k, v in groups.items() if k.startswith("cnpct") and v), None)
    if chinese is None:
        return None
    whole, _, fraction = chinese.partition("点")
    integer = 100 if whole == "百" else chinese_number(whole)
    fraction = fraction.replace("零", "〇")
    if integer is None or any(c not in _CN_DECIMAL for c in fraction):
        return None
    return Decimal(
        f"{integer}.{''.join(str(_CN_DECIMAL.index(c)) for c in fraction)}" if fraction else integer
    )


def _fold(line: str) -> str:
    """One line as read: width-folded, traditional characters simplified, spaces removed."""
    return compact(line)


def _quote(sentence: str, start: int, end: int) -> str:
    if len(sentence) <= _QUOTE:
        return sentence
    left = max(0, min(start - _QUOTE // 2, len(sentence) - _QUOTE))
    right = min(len(sentence), max(end, left + _QUOTE))
    return ("…" if left else "") + sentence[left:right] + ("…" if right < len(sentence) else "")


def _tokens(rules: _Rules, sentence: str, context: str) -> list[_Token]:
    found: dict[int, _Token] = {}
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(sentence)]

    def clause_start(position: int) -> int:
        index = bisect.bisect_right(breaks, position)
        return breaks[index - 1] if index else 0

    for m in rules.count.finditer(sentence):
        value = _number(m.group("n"), m.group("cn"))
        unit_match = rules.unit.match(sentence, m.end())
        end = unit_match.end() if unit_match else m.end()
        token = _Token(m.start(), end, value, unit_match.group(0) if unit_match else None)
        _attach_share(rules, sentence, token)
        if value is not None and (token.unit is not None or token.share is not None):
            found[m.start()] = token
    for entry in rules.restates:
        if entry.context and not any(word in context for word in entry.context):
            continue
        for pattern in entry.patterns:
            for m in pattern.finditer(sentence):
                lead = sentence[max(clause_start(m.start()), m.start() - _MARKER_REACH) : m.start()]
                if any(word in lead for word in rules.other_period):
                    continue
                group = "n" if m.group("n") is not None else "cn"
                start = m.start(group)
                hit = found.get(start)
                if hit is None:
                    value = _number(m.group("n"), m.group("cn"))
                    if value is None:
                        continue
                    hit = _Token(start, m.end(), value, m.group("u"))
                    _attach_share(rules, sentence, hit)
                    found[start] = hit
                if hit.restates is None:
                    hit.restates = entry
    tokens = sorted(found.values(), key=lambda t: t.start)
    for token in tokens:
        start = max(clause_start(token.start), token.start - _MARKER_REACH)
        token.marked = rules.total_marker.search(sentence, start, token.start) is not None
    return tokens


def _attach_share(rules: _Rules, sentence: str, token: _Token) -> None:
    m = rules.share.match(sentence, token.end)
    if m is None:
        return
    whole = m.group("whole") or ""
    if any(word in whole for word in rules.not_shares):
        return
    share = _percent(m)
    if share is not None:
        token.share, token.share_end, token.whole_text = share, m.end(), whole


def _compatible(whole: _Token, part: _Token) -> bool:
    return whole.unit is None or part.unit is None or whole.unit == part.unit


def _whole_in(
    rules: _Rules, sentence: str, tokens: Sequence[_Token], part: _Token, limit: int
) -> _Token | Message | None:
    """The whole of ``part`` among the counts of ``sentence`` ending before ``limit``.

    Returns the count, a note when several counts could be the whole (or none is large
    enough), or ``None`` when the sentence has no share-less count before ``limit``.
    """
    assert part.value is not None
    before = [t for t in tokens if t.end <= limit and t.share is None and _compatible(t, part)]
    if not before:
        return None
    if part.restates is not None and part.restates.part_of is not None:
        # the count restating the cell this part belongs to ("答复申请805件" for 不予公开35件)
        own = [t for t in before if t.restates is not None and t.restates.id == part.restates.part_of]
        if len(own) == 1:
            return own[0]
    of_which = sentence.rfind(rules.of_which, 0, limit)
    if of_which >= 0:
        preceding = [t for t in tokens if t.end <= of_which]
        if preceding and preceding[-1] in before:
            return preceding[-1]
    marked = [t for t in before if t.marked]
    if len(marked) == 1:
        return marked[0]
    large = [t for t in before if not t.marked and t.value is not None and t.value >= part.value]
    if not marked and len(large) == 1:
        return large[0]
    options = marked or large
    if not options:
        return msg("no count before it is large enough to be its whole")
    return msg(
        "its whole could be any of {counts}",
        counts=", ".join(f"「{t.value}{t.unit or ''}」" for t in options),
    )


def _cites(whole: _Whole) -> Text:
    """The table 3 cell a whole names, as ``table 3 [row] × [column]`` (the official labels of
    its ``cites``: ``表三 一、本年新收政府信息公开申请数量 × 总计``)."""
    table, _, cell = whole.cites.partition(" ")
    row, _, column = cell.partition(" × ")
    if table != "表三" or not column:
        return whole.cites
    return msg("table 3 [{row}] × [{column}]", row=row, column=column)


def _whole_cell(rules: _Rules, text: str) -> _Whole | None:
    return next((w for w in rules.wholes if w.pattern.search(text)), None)


def _paragraph(rules: _Rules, paragraph: str, heading: str) -> Iterator[Statement]:
    previous = ""
    previous_tokens: list[_Token] = []
    previous_wholes: dict[str | None, _Token] = {}
    for sm in _SENTENCE.finditer(paragraph):
        sentence = sm.group(0)
        tokens = _tokens(rules, sentence, heading + previous + sentence)
        wholes: dict[str | None, _Token] = {}
        used: list[tuple[int, int]] = []
        for token in tokens:
            used.append((token.start, max(token.end, token.share_end)))
            whole: _Token | None = None
            note: Text = ""
            cell = None
            if token.share is not None:
                cell = _whole_cell(rules, token.whole_text) if token.whole_text else None
                found = _whole_in(rules, sentence, tokens, token, token.start)
                if found is None:  # no count of its own: the previous sentence's whole or total
                    found = previous_wholes.get(token.unit) or previous_wholes.get(None)
                    if found is None and previous:
                        found = _whole_in(rules, previous, previous_tokens, token, len(previous))
                if isinstance(found, Message):
                    note = found
                elif found is not None:
                    whole = found
                    wholes[token.unit] = wholes[None] = found
                elif cell is None:
                    note = msg("the text states no whole for it")
            yield Statement(
                sentence=sentence,
                quote=_quote(sentence, token.start, max(token.end, token.share_end)),
                count=token.value,
                unit=token.unit,
                share=token.share,
                decimals=None if token.share is None else written_decimals(token.share),
                whole=None if whole is None else whole.value,
                whole_unit=None if whole is None else whole.unit,
                whole_cell=None if cell is None else cell.id,
                note=note,
                restates=None if token.restates is None else token.restates.id,
                restates_label=None if token.restates is None else token.restates.label,
            )
        yield from _loose_shares(rules, sentence, used)
        previous, previous_tokens, previous_wholes = sentence, tokens, wholes


def _loose_shares(rules: _Rules, sentence: str, used: Sequence[tuple[int, int]]) -> Iterator[Statement]:
    """Shares stated without a count: "占60%" after no count, "60%的村"."""
    starts = [a for a, _ in used]
    for m in rules.loose_share.finditer(sentence):
        index = bisect.bisect_right(starts, m.start())
        inside = index > 0 and used[index - 1][1] > m.start()
        if inside or (index < len(starts) and starts[index] < m.end()):
            continue
        marker = m.group("marker")
        if marker is None and m.group("of") is None:
            continue
        if marker is not None and any(word in marker for word in rules.not_shares):
            continue
        share = _percent(m)
        if share is None:
            continue
        yield Statement(
            sentence=sentence,
            quote=_quote(sentence, m.start(), m.end()),
            count=None,
            unit=None,
            share=share,
            decimals=written_decimals(share),
            note=msg("a share stated without its count"),
        )


def extract_statements(text: str, *, heading: str = "") -> tuple[Statement, ...]:
    """Every count–share statement and restated count in ``text`` (one section's text).

    The text is width-folded (full-width digits, ％ and punctuation) and its spaces removed;
    paragraphs are its lines, sentences end at 。, ! or ?.  A line holding three numbers
    separated only by spaces is a table row extracted as text and is not read.  A count is a
    number (Arabic, with or without thousands commas, or a standard Chinese numeral) followed
    by a counting word (件, 条, 个, 项, 笔 …), or a bare number directly followed by a share
    ("67,占4.61%") or by a restating phrase's place.  See the module docstring for what a share is and how its
    whole is found.

    Args:
        text: the section's text.
        heading: the section's heading; restating phrases whose ``context`` it names (e.g.
            申请 for table 3, 行政复议 for table 4) count in the whole section.

    Returns:
        The statements in reading order: one per count that has a share or restates a table
        cell (or both), and one per share stated without a count.
    """
    rules = _rules()
    statements: list[Statement] = []
    for line in text.splitlines():
        if _TABLE_ROW.search(fold_width(line)):  # a table row as text ("数量 8 0 0 0 0 0 8"), not prose
            continue
        statements.extend(
            s for s in _paragraph(rules, _fold(line), _fold(heading)) if s.share is not None or s.restates
        )
    return tuple(statements)


def _sum(values: Sequence[int | Decimal | None]) -> int | Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _restated(
    report: AnnualReport, entry: _Restate
) -> tuple[tuple[CellRef, ...], int | Decimal | None] | None:
    """The cells ``entry`` restates in ``report`` and their effective sum; None if the table is absent."""
    rows = entry.rows_for(report.format.id)
    if not rows:
        return None
    if entry.table == 3:
        t3 = report.table3
        if t3 is None:
            return None
        column = Table3Column.parse(entry.column or Table3Column.TOTAL.key)
        known = [r for r in rows if any(r == row.key for row in t3.format.table3_rows)]
        if not known:
            return None
        return tuple(t3.ref(r, column) for r in known), _sum([t3.effective(r, column) for r in known])
    if entry.table == 4:
        t4 = report.table4
        if t4 is None:
            return None
        key = entry.column or "total"
        cells4 = t4.to_mapping()
        values: list[int | Decimal | None] = []
        for block in rows:
            value: int | Decimal | None = cells4[f"{block}.{key}"]
            if value is None and key == "total":  # a blank total: the sum of its parts
                value = _sum(
                    [v for k, v in cells4.items() if k.startswith(f"{block}.") and k != f"{block}.total"]
                )
            values.append(value)
        return tuple(t4.ref(f"{b}.{key}") for b in rows), _sum(values)
    t2 = report.table2
    if t2 is None:
        return None
    known = [k for k in rows if k in t2.format.table2_keys()]
    if not known:
        return None
    return tuple(t2.ref(k) for k in known), _sum([t2.raw(k) for k in known])


def _message(kind: str, section: str, quote: str, detail: Text) -> Message:
    """One sentence per narrative finding (the single place these messages are built): the
    section and the quote of the report's text, then the detail."""
    where = (
        msg("section [{section}]: 「{quote}」", section=section, quote=quote)
        if section
        else msg("「{quote}」", quote=quote)
    )
    if kind == "share_unchecked":
        return msg("{where}: share not checked, {detail}", where=where, detail=detail)
    return msg("{where}: {detail}", where=where, detail=detail)


def _count_finding(
    section: str, statement: Statement, cells: tuple[CellRef, ...], value: int | Decimal | None
) -> NarrativeFinding | None:
    reported = statement.count
    assert reported is not None
    if value == reported or (value is None and reported == 0):
        return None
    names = " + ".join(str(c) for c in cells)
    detail = (
        msg(
            "the text says [{label}] {reported}, but {cells} is blank",
            label=statement.restates_label,
            reported=reported,
            cells=names,
        )
        if value is None
        else msg(
            "the text says [{label}] {reported}, but {cells} is {value}",
            label=statement.restates_label,
            reported=reported,
            cells=names,
            value=value,
        )
    )
    return NarrativeFinding(
        "narrative_count",
        section,
        statement.quote,
        cells,
        value,
        reported,
        _message("narrative_count", section, statement.quote, detail),
    )


def _share_check(report: AnnualReport, section: str, statement: Statement) -> list[NarrativeFinding]:
    assert statement.count is not None
    assert statement.share is not None
    cells: tuple[CellRef, ...] = ()
    whole: int | None = statement.whole
    label_whole = f"{whole}{statement.whole_unit or ''}"
    note: Text = statement._note
    cell = next((w for w in _rules().wholes if w.id == statement.whole_cell), None)
    if cell is not None and report.table3 is not None:
        t3 = report.table3
        column = Table3Column.parse(cell.column)
        cells = tuple(t3.ref(r, column) for r in cell.rows)
        value = _sum([t3.effective(r, column) for r in cell.rows])
        whole = None if value is None else int(value)
        label_whole = " + ".join(str(c) for c in cells) + f" ({whole})"
        note = "" if whole else msg("the whole it names, {cell}, is blank or 0", cell=_cites(cell))
    elif cell is not None and whole is None:
        note = msg(
            "the whole it names ({cell}) is in table 3, which the report does not have", cell=_cites(cell)
        )
    if whole is None or whole <= 0:
        detail = note or msg("its whole is 0")
        return [
            NarrativeFinding(
                "share_unchecked",
                section,
                statement.quote,
                cells,
                None,
                statement.share,
                _message("share_unchecked", section, statement.quote, detail),
            )
        ]
    label = msg(
        "{count} of {whole}", count=f"{statement.count}{statement.unit or ''}", whole=label_whole
    ).render()
    return [
        NarrativeFinding(
            f.kind,
            section,
            statement.quote,
            cells,
            f.expected,
            f.reported,
            _message(f.kind, section, statement.quote, _text_of(f)),
        )
        for f in share_findings(label, statement.count, whole, statement.share, None)
    ]


def _text_of(finding: object) -> Text:
    """The text of a share finding: its `Message` when it keeps one (worded when read), else its
    worded message."""
    kept = getattr(finding, "_message", None)
    return kept if isinstance(kept, str | Message) else str(getattr(finding, "message", ""))


def check_narrative(report: AnnualReport) -> tuple[NarrativeFinding, ...]:
    """Check every count–share statement and restated count of the report's text sections.

    Each share is checked at its written precision against its count and its whole (see the
    module docstring); each restated count against the effective value of the table cell(s)
    it restates.  Table comparisons need the table: when ``report.table3`` (or table 2 or 4)
    is ``None``, counts restating it are not compared, while shares whose whole the text
    states are still checked.

    Args:
        report: the report; its ``sections`` are read.

    Returns:
        The findings in reading order (``share_unchecked`` ones included, with
        [`NarrativeFinding.problem`][zwgk.reports.narrative.NarrativeFinding.problem] False).
    """
    findings: list[NarrativeFinding] = []
    for heading, text in report.sections:
        for statement in extract_statements(text, heading=heading):
            if statement.restates is not None and statement.count is not None:
                entry = next(e for e in _rules().restates if e.id == statement.restates)
                restated = _restated(report, entry)
                if restated is not None:
                    finding = _count_finding(heading, statement, *restated)
                    if finding is not None:
                        findings.append(finding)
            if statement.is_share:
                findings.extend(_share_check(report, heading, statement))
    return tuple(findings)
