"""``st.from_type`` for every public value type: a strategy per type, from real data and real runs.

`zwgk._hypothesis_plugin` registers each public attrs class of every façade with a
resolver that calls `value_strategy` the first time ``st.from_type`` asks for it.  The
strategies build their values the way users get them:

* **data** — the recorded holiday notices, the bundled holiday rules, regimes, fee schedules,
  report formats, cards, combinations, designation rules, the sample catalog, publication log
  and plan;
* **runs** — a [`Deadline`][zwgk.deadlines.Deadline] comes from running the clock on a drawn
  request, a [`ScoreResult`][zwgk.scoring.ScoreResult] from scoring drawn evidence on a bundled card,
  a [`CheckReport`][zwgk.catalog.CheckReport] from checking a catalog, an
  [`AnnualReport`][zwgk.reports.AnnualReport] from building one from a drawn ledger, and so on;
* **parts** — a value that only exists inside another (a [`Step`][zwgk.deadlines.Step], a
  scorecard [`Item`][zwgk.scoring.Item], a [`Task`][zwgk.plans.Task]) is drawn from inside a
  drawn whole (`parts_of`).

Every date stays inside the settled calendar (the strategies of `zwgk.testing._requests`
and `covered_dates`), so no
[`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning] is raised.  Enums are not listed:
Hypothesis samples their members, which is their whole value space.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from zwgk._i18n import gettext
from zwgk.errors import InvalidInputError, UnknownNameError

__all__ = ["parts_of", "registered_types", "value_strategy"]

_T = TypeVar("_T")
_Builder = Callable[[], st.SearchStrategy[Any]]


# ----------------------------------------------------------------------------- parts


def _opaque(value: object) -> bool:
    """Values `parts_of` does not look inside: calendars and their tables (thousands of
    days, no part anyone draws), text and numbers."""
    from zwgk.calendar import CalendarKernel, ChinaCalendar

    return isinstance(value, str | bytes | int | float | Decimal | dt.date | ChinaCalendar | CalendarKernel)


def _walk(value: object, depth: int = 0) -> Iterator[object]:
    if depth > 12 or _opaque(value):
        return
    yield value
    if attrs.has(kind := type(value)):
        for field in attrs.fields(kind):
            yield from _walk(getattr(value, field.name), depth + 1)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _walk(item, depth + 1)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _walk(item, depth + 1)


def parts_of(whole: st.SearchStrategy[Any], kind: type[_T]) -> st.SearchStrategy[_T]:
    """One value of type ``kind`` found inside a value drawn from ``whole`` (its attrs fields,
    tuples and mappings, recursively); wholes without one are rejected."""

    def found(value: object) -> tuple[_T, ...]:
        seen: dict[int, _T] = {}
        for part in _walk(value):
            if type(part) is kind:
                seen.setdefault(id(part), part)
        return tuple(seen.values())

    return whole.map(found).filter(bool).flatmap(st.sampled_from)


# ----------------------------------------------------------------------------- calendar


def _calendar_values() -> Mapping[str, _Builder]:
    from zwgk.calendar import ChinaCalendar, default_calendar, holiday_rules
    from zwgk.testing._dates import added_notices, calendars, covered_dates, holiday_periods

    def day_infos() -> st.SearchStrategy[Any]:
        return st.tuples(calendars(), covered_dates()).map(lambda c: c[0].day_kind(c[1]))

    def holidays() -> st.SearchStrategy[Any]:
        cov = default_calendar().coverage()
        years = st.integers(cov.first.year, cov.settled_until.year)
        return years.map(default_calendar().holidays).filter(bool).flatmap(st.sampled_from)

    def rules() -> st.SearchStrategy[Any]:
        return st.sampled_from(holiday_rules())

    return {
        "ChinaCalendar": calendars,
        "Coverage": lambda: calendars().map(lambda c: c.coverage()),
        "DayInfo": day_infos,
        "Holiday": holidays,
        "Notice": lambda: st.one_of(st.sampled_from(default_calendar().notices), added_notices()),
        "HolidayPeriod": holiday_periods,
        "HolidayRules": rules,
        "FestivalRule": lambda: parts_of(rules(), type(holiday_rules()[0].festivals[0])),
        "CalendarKernel": lambda: st.sampled_from(
            [default_calendar().kernel, ChinaCalendar(beyond="raise").kernel]
        ),
    }


# ----------------------------------------------------------------------------- deadlines


def _all_deadlines() -> st.SearchStrategy[Any]:
    """Reply deadlines of drawn requests, and the other statutory deadlines from drawn days."""
    from zwgk import deadlines as d
    from zwgk.testing._requests import FIRST_RECEIVED, LAST_RECEIVED, deadlines, received_dates

    others = st.one_of(
        received_dates().map(d.proactive_deadline),
        received_dates().map(d.review_deadline),
        received_dates().map(d.litigation_deadline),
        received_dates().map(d.litigation_after_review_deadline),
        st.builds(
            d.annual_report_due,
            st.integers(FIRST_RECEIVED.year, LAST_RECEIVED.year - 1),
            st.sampled_from(list(d.BodyLevel)),
        ),
    )
    return st.one_of(deadlines(), deadlines(), others)


def _deadline_values() -> Mapping[str, _Builder]:
    from zwgk import deadlines as d
    from zwgk.calendar import default_calendar
    from zwgk.testing._requests import _EVENT_KINDS, events, received_dates

    def receipts() -> st.SearchStrategy[Any]:
        # the day each channel's rule starts from (条例第三十一条): handed in, signed for, confirmed
        word = {
            d.Channel.SIGNED_POST: "signed",
            d.Channel.IN_PERSON: "submitted",
            d.Channel.OTHER: "submitted",
        }
        return st.builds(
            lambda channel, day: d.receipt_date(channel, **{word.get(channel, "confirmed"): day}),
            st.sampled_from(list(d.Channel)),
            received_dates(),
        )

    def statuses() -> st.SearchStrategy[Any]:
        settled = default_calendar().coverage().settled_until

        def on_days(deadline: d.Deadline) -> st.SearchStrategy[Any]:
            last = max([deadline.start, *(s.on for s in deadline.steps), deadline.due or deadline.start])
            return st.dates(deadline.start, min(last + dt.timedelta(days=30), settled)).map(deadline.status)

        return _all_deadlines().flatmap(on_days)

    def policies() -> st.SearchStrategy[Any]:
        # the documented interpretive switches; the windows stay the statutory ones (data)
        return st.builds(
            lambda fee, late, open_end: attrs.evolve(
                d.ClockPolicy(),
                fee_pauses_clock=fee,
                late_correction_restarts=late,
                consultation_open_end=open_end,
            ),
            st.booleans(),
            st.booleans(),
            st.sampled_from(["answer_window", "open"]),
        )

    regimes = st.sampled_from(d.regimes())
    values: dict[str, _Builder] = {
        "Regime": lambda: regimes,
        "Period": lambda: parts_of(regimes, d.Period),
        "Receipt": receipts,
        "ClockPolicy": policies,
        "Deadline": _all_deadlines,
        "Step": lambda: (
            _all_deadlines().map(lambda deadline: deadline.steps).filter(bool).flatmap(st.sampled_from)
        ),
        "Status": statuses,
    }
    for kind in _EVENT_KINDS:
        values[kind.__name__] = lambda kind=kind: events(kind)  # type: ignore[misc]
    return values


# ----------------------------------------------------------------------------- requests


def _request_values() -> Mapping[str, _Builder]:
    from zwgk import requests as r
    from zwgk.testing._requests import disclosure_requests, ledgers

    schedules = st.sampled_from([r.fee_schedule("per_request"), r.fee_schedule("per_volume")])

    def monthly_fees() -> st.SearchStrategy[Any]:
        # one applicant's requests in one month, as 按件 counts them
        def fees(requests: list[r.DisclosureRequest], already: int) -> tuple[Any, ...]:
            first = requests[0]
            month = [
                q
                for q in requests
                if (q.received.year, q.received.month) == (first.received.year, first.received.month)
            ]
            same = [attrs.evolve(q, applicant=first.applicant) for q in month]
            return r.monthly_request_fees(same, already_counted=already)

        since = r.fees_effective()
        recent = ledgers(max_size=12).map(lambda ledger: [q for q in ledger.requests if q.received >= since])
        return st.builds(fees, recent.filter(bool), st.integers(0, 30)).filter(bool).flatmap(st.sampled_from)

    return {
        "DisclosureRequest": disclosure_requests,
        "Ledger": ledgers,
        "OutcomeBasis": lambda: st.sampled_from(list(r.Outcome)).map(r.outcome_basis),
        "FeeSchedule": lambda: schedules,
        "FeeTier": lambda: parts_of(schedules, r.FeeTier),
        "FeeStep": lambda: st.integers(1, 60).map(r.per_request_fee),
        "VolumeFee": lambda: st.integers(0, 5000).map(r.per_volume_fee),
        "RequestFee": monthly_fees,
    }


# ----------------------------------------------------------------------------- catalog


def _catalog_values() -> Mapping[str, _Builder]:
    from zwgk import catalog as c
    from zwgk.calendar import default_calendar
    from zwgk.testing._catalog import (
        catalogs,
        disclosure_items,
        legal_bases,
        noisy_time_limit_texts,
        time_limits,
    )

    def checked() -> st.SearchStrategy[Any]:
        return st.one_of(st.builds(c.sample_catalog), catalogs()).map(c.check_catalog)

    def compliance() -> st.SearchStrategy[Any]:
        catalog, log = c.sample_catalog(), c.sample_publication_log()
        settled = default_calendar().coverage().settled_until
        latest = max(p.published_on or p.formed_on for p in log)
        return st.builds(
            lambda kept, as_of, gap: c.check_compliance(catalog, kept, as_of=as_of, max_gap=gap),
            st.lists(st.sampled_from(log), unique_by=id, min_size=1),
            st.dates(latest, settled),
            st.none() | st.integers(5, 60),
        )

    def part(kind: type) -> _Builder:
        # a phrase of that kind (the clause builders of time_limit_phrases), as the parser reads it
        from zwgk.testing import _catalog as tc

        clauses = {
            c.AnnualDeadline: tc._annual(),
            c.DisplayPeriod: tc._display(),
            c.PeriodLimit: tc._period(),
            c.PeriodicLimit: tc._periodic(),
            c.QualitativeLimit: tc._qualitative(),
        }
        others = {
            c.SameAsAbove: st.sampled_from(["同上", "同上栏", "同 上", "同上。"]),
            # what catalogs write when they state no limit the parser can read
            c.UnparsedLimit: st.one_of(
                st.sampled_from(["按上级要求", "视情况而定", "长期", "另行通知", "根据工作需要", "—"]),
                noisy_time_limit_texts(),
            ),
        }
        texts = clauses[kind].map(lambda clause: "".join(clause[0])) if kind in clauses else others[kind]
        return lambda: parts_of(texts.map(lambda text: c.parse_time_limit(text, warn=False)), kind)

    return {
        "Catalog": catalogs,
        "DisclosureItem": disclosure_items,
        "LegalBasis": legal_bases,
        "TimeLimit": time_limits,
        "AnnualDeadline": part(c.AnnualDeadline),
        "DisplayPeriod": part(c.DisplayPeriod),
        "PeriodLimit": part(c.PeriodLimit),
        "PeriodicLimit": part(c.PeriodicLimit),
        "QualitativeLimit": part(c.QualitativeLimit),
        "SameAsAbove": part(c.SameAsAbove),
        "UnparsedLimit": part(c.UnparsedLimit),
        "CheckReport": checked,
        "Finding": lambda: parts_of(checked(), c.Finding),
        "ComplianceReport": compliance,
        "ItemCompliance": lambda: parts_of(compliance(), c.ItemCompliance),
        "Publication": lambda: st.sampled_from(c.sample_publication_log()),
        "PublicationResult": lambda: parts_of(compliance(), c.PublicationResult),
    }


# ----------------------------------------------------------------------------- scoring


def _scored(card_names: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Any]:
    """Score results of drawn evidence on bundled cards."""
    from zwgk import scoring as s
    from zwgk.testing._scoring import evidence_for

    names = st.sampled_from(s.list_cards()) if card_names is None else card_names

    def run(name: str) -> st.SearchStrategy[Any]:
        card = s.load_card(name)
        units = st.sampled_from(["甲", "乙", "丙", "丁", "某区政府办"])
        return st.builds(lambda ev, unit: s.score(card, ev, unit=unit), evidence_for(card), units)

    return names.flatmap(run)


def _scoring_values() -> Mapping[str, _Builder]:
    from zwgk import scoring as s
    from zwgk.scoring._derived import DERIVATIONS
    from zwgk.testing._scoring import builtin_cards, cards, evidence_for

    combinations = st.sampled_from(s.list_combinations()).map(s.load_combination)

    def combined() -> st.SearchStrategy[Any]:
        def run(combination: s.Combination) -> st.SearchStrategy[Any]:
            names = [p.card for p in combination.parts]
            return st.tuples(*(_scored(st.just(n)) for n in names)).map(
                lambda results: s.apply_combination(combination, results)
            )

        return combinations.flatmap(run)

    def rankings() -> st.SearchStrategy[Any]:
        one_card = st.sampled_from(s.list_cards()).flatmap(
            lambda name: st.lists(_scored(st.just(name)), min_size=1, max_size=5)
        )
        return one_card.map(s.rank).flatmap(st.sampled_from)

    def what_ifs() -> st.SearchStrategy[Any]:
        def run(card: s.Card) -> st.SearchStrategy[Any]:
            from zwgk.testing._scoring import _ranges, evidence_values

            bounds = _ranges(card)

            def change(evidence: dict[str, Any]) -> st.SearchStrategy[Any]:
                key_st = st.sampled_from(sorted(card.fields))
                return key_st.flatmap(
                    lambda key: evidence_values(card.fields[key], bounds=bounds.get(key)).map(
                        lambda value: s.what_if(card, evidence, key, value)
                    )
                )

            return evidence_for(card).flatmap(change)

        return builtin_cards().filter(lambda card: bool(card.fields)).flatmap(run)

    def part(kind: type) -> _Builder:
        return lambda: parts_of(cards(), kind)

    return {
        "Card": cards,
        "Combination": lambda: combinations,
        "CompiledCard": lambda: cards().map(s.compile_card),
        "Condition": part(s.Condition),
        "Derivation": part(s.Derivation),
        "DerivationFunction": lambda: st.sampled_from(list(DERIVATIONS.values())),
        "EvidenceField": part(s.EvidenceField),
        "Item": part(s.Item),
        "Section": part(s.Section),
        "AllOrNothing": part(s.AllOrNothing),
        "Check": part(s.Check),
        "Discretionary": part(s.Discretionary),
        "Group": part(s.Group),
        "PerMissing": part(s.PerMissing),
        "PerOccurrence": part(s.PerOccurrence),
        "Tiers": part(s.Tiers),
        "ZeroIf": part(s.ZeroIf),
        "ScoreResult": _scored,
        "CombinedResult": combined,
        "Ranking": rankings,
        "WhatIf": what_ifs,
    }


# ----------------------------------------------------------------------------- reports


def _reports(with_counts: bool = True) -> st.SearchStrategy[Any]:
    """Annual reports built from drawn ledgers, with drawn table 2 and table 4 counts (as an
    office fills the counts template: some blank, some inconsistent)."""
    from zwgk import reports as rp
    from zwgk.reports.io import counts_template
    from zwgk.testing._requests import ledgers

    rows, columns = rp.table4_layout()
    table4_keys = [f"{r}.{col}" for r, _ in rows for col, _ in columns]
    counts = st.none() | st.integers(0, 30)
    table4 = st.fixed_dictionaries(dict.fromkeys(table4_keys, counts))

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        year = draw(st.integers(2019, 2025))
        table2 = None
        if with_counts and draw(st.booleans()):
            keys = counts_template(rp.format_for_year(year))["table2"]
            table2 = {k: draw(counts) for k in keys}
        t4 = draw(table4) if with_counts and draw(st.booleans()) else None
        return rp.build_report(draw(ledgers(max_size=15)), year, agency="某市某局", table2=table2, table4=t4)

    return build()


def _shares() -> st.SearchStrategy[Any]:
    """Share findings of drawn parts against percentages as a report prints them, some off."""
    from zwgk.services import check_shares, percent

    @st.composite
    def run(draw: st.DrawFn) -> tuple[Any, ...]:
        parts = draw(st.lists(st.integers(0, 500), min_size=2, max_size=6).filter(sum))
        total = sum(parts)
        reported = [
            percent(p, total).quantize(Decimal("0.01"))
            + draw(st.sampled_from([Decimal(0), Decimal("0.01"), Decimal(1), Decimal(-2)]))
            for p in parts
        ]
        return tuple(check_shares(parts, total, reported))

    return run().filter(bool).flatmap(st.sampled_from)


def _report_values() -> Mapping[str, _Builder]:
    from zwgk import reports as rp

    formats = st.sampled_from(rp.report_formats())

    def checks() -> st.SearchStrategy[Any]:
        return _reports().map(rp.check_report)

    def counts() -> st.SearchStrategy[Any]:
        # a counts file as an office fills the template: some cells blank, totals left out
        import json

        from zwgk.reports.io import counts_from_json, counts_template

        def run(fmt: rp.ReportFormat, data: st.DataObject) -> Any:
            filled = counts_template(fmt)
            for table in ("table2", "table4"):
                for key in filled.get(table) or {}:
                    if table == "table4" and key.endswith(".total"):
                        continue
                    filled[table][key] = data.draw(st.none() | st.integers(0, 50))
            return counts_from_json(json.dumps(filled), fmt)

        def has_template(fmt: rp.ReportFormat) -> bool:
            try:
                counts_template(fmt)
            except InvalidInputError:  # the 2008 format: no tables to count
                return False
            return True

        return st.builds(run, st.sampled_from([f for f in rp.report_formats() if has_template(f)]), st.data())

    def part(kind: type, whole: Callable[[], st.SearchStrategy[Any]] = _reports) -> _Builder:
        return lambda: parts_of(whole(), kind)

    return {
        "ReportFormat": lambda: formats,
        "Table2Block": lambda: parts_of(formats, rp.Table2Block),
        "Table3Row": lambda: parts_of(formats, rp.Table3Row),
        "AnnualReport": _reports,
        "CellRef": part(rp.CellRef, checks),
        "Table2": part(rp.Table2),
        "Table3": part(rp.Table3),
        "Table4": part(rp.Table4),
        "ReportCounts": counts,
        "Finding": part(rp.Finding, checks),
        "ReportCheck": checks,
        "Culprit": part(rp.Culprit, checks),
        "ShareFinding": _shares,
    }


def _narrated() -> st.SearchStrategy[Any]:
    """Reports whose section 三 says, as reports write it, how many requests came in and what
    share was disclosed — counts and shares drawn, so some agree with table 3 and some do not."""
    from zwgk import reports as rp
    from zwgk.testing._requests import ledgers

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        year = draw(st.integers(2019, 2025))
        ledger = draw(ledgers(max_size=15))
        new = sum(1 for q in ledger.requests if q.received.year == year) + draw(st.sampled_from([0, 0, 1, 3]))
        disclosed = draw(st.integers(0, new))
        sentence = f"{year}年共收到政府信息公开申请{new}件"
        if new:
            share = (Decimal(100) * disclosed / new).quantize(Decimal("0.01"))
            share += draw(st.sampled_from([Decimal(0), Decimal(0), Decimal("0.01"), Decimal(-1)]))
            sentence += f"，其中予以公开{disclosed}件，占{share}%"
        heading = rp.format_for_year(year).sections[2]
        return rp.build_report(ledger, year, agency="某市某局", sections=[(heading, sentence + "。")])

    return build()


def _read_values() -> Mapping[str, _Builder]:
    """What ``read_report`` returns for pages rendered from built reports, some with a cell of
    表四 written as a Chinese numeral (that table is then skipped and reported)."""
    from zwgk import reports as rp
    from zwgk.reports.io import read_report

    @st.composite
    def results(draw: st.DrawFn) -> Any:
        page = rp.render_html(draw(_reports()))
        head, marker, rest = page.partition("行政复议")
        if marker and draw(st.booleans()):
            page = head + marker + re.sub(r"<td>\d+</td>", "<td>两</td>", rest, count=1)
        return read_report(page.encode(), source=draw(st.sampled_from(["a.shtml", "view.jsp", "<bytes>"])))

    problems = results().map(lambda r: r.problems).filter(bool).flatmap(st.sampled_from)
    return {"ReadResult": results, "TableProblem": lambda: problems}


def _narrative_values() -> Mapping[str, _Builder]:
    from zwgk.reports import narrative as n

    def statements() -> st.SearchStrategy[Any]:
        def of(report: Any) -> tuple[Any, ...]:
            return tuple(
                s for heading, text in report.sections for s in n.extract_statements(text, heading=heading)
            )

        return _narrated().map(of).filter(bool).flatmap(st.sampled_from)

    findings = _narrated().map(n.check_narrative).filter(bool).flatmap(st.sampled_from)
    return {"NarrativeFinding": lambda: findings, "Statement": statements}


# ----------------------------------------------------------------------------- audit


def _audit_values() -> Mapping[str, _Builder]:
    """What an audit of built reports finds: per file (as ``audit_paths`` runs it on each
    readable file) and over one agency's years (``check_series``)."""
    from zwgk import audit as a
    from zwgk.audit._report import audited_file

    files = st.sampled_from(["reports/2024.html", "某区/某局2023年年报.htm", "2025.json"])
    base = a.series_thresholds()
    thresholds = st.one_of(
        st.just(base),
        st.builds(
            lambda factor, change: attrs.evolve(base, factor=factor, min_change=change),
            st.sampled_from([Decimal("1.5"), Decimal(2), Decimal(3), Decimal(5)]),
            st.integers(1, 50),
        ),
    )

    @st.composite
    def series(draw: st.DrawFn) -> Any:
        reports = draw(st.lists(_reports(), min_size=2, max_size=4, unique_by=lambda r: r.year))
        return a.check_series(reports, thresholds=draw(thresholds))

    audited = st.builds(audited_file, _reports(), files)
    return {
        "AuditFinding": lambda: st.one_of(
            st.builds(a.audit_report, _reports(), files).filter(bool).flatmap(st.sampled_from),
            parts_of(series(), a.AuditFinding),
        ),
        "AuditTable": series,
        "AuditedFile": lambda: audited.map(lambda pair: pair[0]),
        "SeriesThresholds": lambda: thresholds,
    }


# ----------------------------------------------------------------------------- powers


def _power_lists(min_size: int = 1) -> st.SearchStrategy[Any]:
    """Power lists (权责清单) of the categories, legal bases and time limits real lists use."""
    from zwgk.powers import PowerCategory, PowerItem, PowerList
    from zwgk.testing._catalog import legal_bases, time_limits

    names = st.sampled_from(
        [
            "对违法排污的处罚",
            "建设工程规划许可",
            "特种设备使用登记",
            "最低生活保障审批",
            "户外广告设置许可",
            "企业登记",
        ]
    )
    units = st.sampled_from(["审批科", "执法大队", "综合科", "行政服务中心"])

    @st.composite
    def item(draw: st.DrawFn, row: int) -> PowerItem:
        return PowerItem(
            f"{draw(names)}{row}",
            draw(st.sampled_from(list(PowerCategory))),
            legal_bases=tuple(draw(st.lists(legal_bases(), max_size=3))),
            unit=draw(units),
            time_limit=draw(time_limits()),
            sequence=str(row),
            row=row + 1,
        )

    @st.composite
    def build(draw: st.DrawFn) -> PowerList:
        n = draw(st.integers(min_size, 6))
        return PowerList(tuple(draw(item(i)) for i in range(n)), title="某局权责清单", source="strategy")

    return build()


def _diffs(*, merge: bool | None = None) -> st.SearchStrategy[Any]:
    """Diffs of a drawn list against a new version: some items kept, some removed, some added,
    and (``merge``: always; ``None``: sometimes) two old ones merged into one new item with a
    合并 note."""
    from zwgk.powers import PowerList, diff_power_lists

    @st.composite
    def run(draw: st.DrawFn) -> Any:
        old = draw(_power_lists(min_size=2 if merge else 1))
        keep = draw(st.lists(st.booleans(), min_size=len(old.items), max_size=len(old.items)))
        merging = len(old.items) >= 2 and (merge if merge is not None else draw(st.booleans()))
        if merging:
            keep[:2] = [False, False]  # the two merged items are not kept under their old names
        new_items = [i for i, k in zip(old.items, keep, strict=True) if k]
        if merging:
            a, b = old.items[0], old.items[1]
            new_items.append(attrs.evolve(a, name=f"{a.name}等事项", remarks=f"由原“{a.name}”“{b.name}”合并"))
        new_items += draw(_power_lists()).items[: draw(st.integers(0, 2))]
        unique = {i.name: i for i in new_items}
        return diff_power_lists(old, PowerList(tuple(unique.values()), title=old.title, source="strategy"))

    return run()


def _flowcharts() -> st.SearchStrategy[Any]:
    from zwgk.powers import Flowchart, FlowStep

    steps = st.builds(
        FlowStep,
        st.sampled_from(["受理", "审查", "决定", "送达", "告知"]),
        st.sampled_from(["", "窗口", "审批科", "分管领导"]),
        st.sampled_from(["", "即时", "5个工作日", "20个工作日"]),
        st.sampled_from(["", "监督电话12345", "纪检监察室"]),
    )
    return st.builds(
        Flowchart,
        st.sampled_from(["建设工程规划许可", "对违法排污的处罚"]),
        st.lists(steps, max_size=5).map(tuple),
        st.sampled_from(["", "《中华人民共和国行政许可法》第三十八条"]),
        st.sampled_from(["", "陈述、申辩"]),
        st.sampled_from(["", "向本级人民政府申请行政复议"]),
    )


def _power_values() -> Mapping[str, _Builder]:
    from zwgk import powers as p

    def findings() -> st.SearchStrategy[Any]:
        return _flowcharts().map(p.check_flowchart).filter(bool).flatmap(st.sampled_from)

    def claims() -> st.SearchStrategy[Any]:
        return st.builds(
            lambda diff, off: diff.check_claim(len(diff.old.items) + off, len(diff.new.items)),
            _diffs(),
            st.integers(-2, 2),
        )

    return {
        "PowerItem": lambda: parts_of(_power_lists(), p.PowerItem),
        "PowerList": _power_lists,
        "PowerListDiff": _diffs,
        "Merger": lambda: parts_of(_diffs(merge=True), p.Merger),
        "ClaimCheck": claims,
        "Flowchart": _flowcharts,
        "FlowStep": lambda: parts_of(_flowcharts(), p.FlowStep),
        "FlowFinding": findings,
    }


# ----------------------------------------------------------------------------- services


def _service_values() -> Mapping[str, _Builder]:
    from zwgk.services import ServiceCounts, check_service_counts, percent

    @st.composite
    def counts(draw: st.DrawFn) -> ServiceCounts:
        # 办件量 as a 政务服务 report states them: immediate and commitment cases, done and in
        # progress; a count may be left blank; some reports' totals do not add up
        immediate = draw(st.integers(0, 400))
        commitment = draw(st.integers(0, 400))
        commitment_done = draw(st.integers(0, commitment))
        on_time = draw(st.integers(0, commitment_done))
        slack = draw(st.sampled_from([0, 0, 0, 1, -3]))
        values = {
            "received": max(0, immediate + commitment + slack),
            "immediate": immediate,
            "immediate_done": immediate,
            "commitment": commitment,
            "commitment_done": commitment_done,
            "in_progress": commitment - commitment_done,
            "on_time": on_time,
            "early": draw(st.integers(0, on_time)),
        }
        blank = draw(st.sets(st.sampled_from(sorted(values)), max_size=2))
        return ServiceCounts(**{k: None if k in blank else v for k, v in values.items()})

    def findings() -> st.SearchStrategy[Any]:
        def run(c: ServiceCounts, off: Decimal) -> tuple[Any, ...]:
            # the rate as a report prints it: two decimals, sometimes off
            done = c.done
            rate = None
            if c.on_time is not None and done:
                rate = percent(c.on_time, done).quantize(Decimal("0.01")) + off
            return tuple(check_service_counts(c, on_time_rate=rate))

        offsets = st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(3)])
        return st.builds(run, counts(), offsets).filter(bool).flatmap(st.sampled_from)

    return {"ServiceCounts": counts, "StatFinding": findings, "ShareFinding": _shares}


# ----------------------------------------------------------------------------- plans


def _plans() -> st.SearchStrategy[Any]:
    """The bundled sample plan (楚雄 2018, fixed due dates), and the same plan with drawn tasks
    of the other two kinds added: due within a period after another task (``after`` and
    ``within``) and recurring (``every``), as plans write them."""
    import tomllib

    from zwgk.plans.io import plan_from_dict, sample_plan_text

    base = tomllib.loads(sample_plan_text())
    first = base["tasks"][0]["id"]
    year = min(t["due"] for t in base["tasks"] if isinstance(t.get("due"), dt.date)).year

    @st.composite
    def extended(draw: st.DrawFn) -> Any:
        within = f"{draw(st.integers(1, 30))}{draw(st.sampled_from(['个工作日', '日', '天']))}"
        every = draw(st.sampled_from(["每月", "每季度", "每半年", "每年1月31日前"]))
        tasks = [
            *base["tasks"],
            {"id": "r1", "title": "报送任务分解表", "owners": "各科室", "after": first, "within": within},
            {
                "id": "e1",
                "title": "更新政府信息公开目录",
                "owners": "办公室",
                "every": every,
                "start": dt.date(year, 1, 1),
                "end": dt.date(year, 12, 31),
            },
        ]
        return plan_from_dict({**base, "tasks": tasks}, source="strategy")

    return st.one_of(st.just(plan_from_dict(base, source="sample")), extended())


def _plan_values() -> Mapping[str, _Builder]:
    from zwgk import plans as p
    from zwgk.calendar import default_calendar

    cal = default_calendar()
    settled = cal.coverage().settled_until

    def on_days(plan: p.Plan) -> st.SearchStrategy[dt.date]:
        dues = [d.due for d in p.due_dates(plan, until=settled) if d.due is not None]
        return st.dates(min(dues) - dt.timedelta(days=60), min(max(dues) + dt.timedelta(days=60), settled))

    statuses = _plans().flatmap(lambda plan: on_days(plan).map(lambda on: p.plan_status(plan, on)))
    dues = _plans().flatmap(lambda plan: on_days(plan).map(lambda until: p.due_dates(plan, until=until)))

    def occurrences() -> st.SearchStrategy[Any]:
        def run(rec: p.Recurrence, months: int) -> tuple[Any, ...]:
            until = min(rec.start + dt.timedelta(days=31 * months), settled)
            return p.occurrences(rec, until, cal)

        recurrences = parts_of(_plans(), p.Recurrence)
        return st.builds(run, recurrences, st.integers(1, 24)).filter(bool).flatmap(st.sampled_from)

    return {
        "Plan": _plans,
        "Phase": lambda: parts_of(_plans(), p.Phase),
        "Task": lambda: parts_of(_plans(), p.Task),
        "FixedDue": lambda: parts_of(_plans(), p.FixedDue),
        "RelativeDue": lambda: parts_of(_plans(), p.RelativeDue),
        "Recurrence": lambda: parts_of(_plans(), p.Recurrence),
        "Occurrence": occurrences,
        "PlanStatus": lambda: statuses,
        "TaskStatus": lambda: parts_of(statuses, p.TaskStatus),
        "Summary": lambda: parts_of(statuses, p.Summary),
        "DueDate": lambda: dues.filter(bool).flatmap(st.sampled_from),
    }


# ----------------------------------------------------------------------------- rounds


def _rounds() -> st.SearchStrategy[Any]:
    """Rounds of the demonstration-site card: drawn evidence for a few units over three years."""
    from zwgk.rounds import score_rounds
    from zwgk.scoring import load_card
    from zwgk.testing._scoring import evidence_for

    card = load_card("demonstration-site-standards")
    units = ["甲", "乙", "丙", "丁"]
    periods = ["2024", "2025", "2026"]

    @st.composite
    def rows(draw: st.DrawFn) -> list[dict[str, object]]:
        chosen = draw(st.lists(st.sampled_from(units), min_size=1, max_size=4, unique=True))
        return [
            {"unit": u, "period": period, **draw(evidence_for(card))} for period in periods for u in chosen
        ]

    return rows().map(lambda table: score_rounds(card, table))


def _round_values() -> Mapping[str, _Builder]:
    from zwgk import rounds as o
    from zwgk.rounds.io import list_designations, load_designations

    rules = st.sampled_from(list_designations()).map(load_designations)

    def decisions() -> st.SearchStrategy[Any]:
        return st.builds(o.designate, _rounds(), rules).filter(bool).flatmap(st.sampled_from)

    def trends() -> st.SearchStrategy[Any]:
        return _rounds().map(lambda r: r.trends()).filter(bool).flatmap(st.sampled_from)

    return {
        "Rounds": _rounds,
        "Round": lambda: parts_of(_rounds(), o.Round),
        "UnitTrend": trends,
        "ItemChange": lambda: parts_of(trends(), o.ItemChange),
        "DesignationRules": lambda: rules,
        "DesignationRule": lambda: parts_of(rules, o.DesignationRule),
        "Decision": decisions,
    }


# ----------------------------------------------------------------------------- register


def _register_values() -> Mapping[str, _Builder]:
    """The register's rows as it returns them, from drawn ledger requests and their clocks (a
    database is not opened: the values are what its queries compute from the same inputs)."""
    from zwgk.deadlines import Channel
    from zwgk.register import DueItem, HistoryEntry, RequestRecord
    from zwgk.testing._requests import LAST_EVENT, RequestCase, request_cases

    stamps = st.datetimes(dt.datetime(2019, 5, 15), dt.datetime(2026, 6, 30))
    clerks = st.sampled_from(["王芳", "clerk", "李明"])

    @st.composite
    def due_items(draw: st.DrawFn) -> DueItem:
        case = draw(request_cases(close=False))
        deadline = case.deadline()
        as_of = draw(st.dates(case.last_day, LAST_EVENT))
        status = deadline.status(as_of)
        return DueItem(
            f"R{draw(st.integers(1, 999))}",
            case.received,
            status.due,
            status.state.value,
            status.working_days_remaining,
            status.overdue,
        )

    @st.composite
    def history(draw: st.DrawFn) -> HistoryEntry:
        from zwgk.register._register import _event_row  # the row the register writes for an event

        case: RequestCase = draw(request_cases().filter(lambda c: bool(c.events)))
        seq = draw(st.integers(0, len(case.events) - 1))
        kind, on, detail = _event_row(case.events[seq])
        return HistoryEntry(
            seq + 1,
            kind,
            on,
            detail,
            None,
            None,
            None,
            draw(clerks),
            draw(stamps),
        )

    @st.composite
    def records(draw: st.DrawFn) -> RequestRecord:
        from zwgk.testing._requests import disclosure_requests

        request = draw(disclosure_requests(draw(st.integers(1, 999))))
        purged = draw(st.booleans())
        return RequestRecord(
            request.id,
            request.applicant_kind,
            draw(st.sampled_from(list(Channel))),
            request.received,
            None if purged else request.applicant,
            None if purged else "110101********1234",  # as registers print an ID number, masked
            None if purged else "某项目的批复文件",
            draw(st.none() | st.integers(1, 300)),
            purged,
            draw(clerks),
            draw(stamps),
        )

    return {"DueItem": due_items, "HistoryEntry": history, "RequestRecord": records}


# ----------------------------------------------------------------------------- errors


def _error_values() -> Mapping[str, _Builder]:
    """[`Problem`][zwgk.errors.Problem]: the problems real validation reports for bad ledger rows."""
    from zwgk.errors import InvalidRecordsError, Problem

    def problems() -> st.SearchStrategy[Any]:
        from zwgk.requests.io import ledger_from_rows

        bad = st.sampled_from(
            [
                {"id": "R1", "applicant_kind": "外星人", "received": "2024-01-05"},
                {"id": "R2", "applicant_kind": "自然人", "received": "2024-13-05"},
                {"id": "", "applicant_kind": "自然人", "received": "2024-01-05"},
                {"id": "R4", "applicant_kind": "法人", "received": "2024-01-05", "outcome": "办结了"},
            ]
        )

        def run(rows: list[dict[str, str]]) -> tuple[Problem, ...]:
            try:
                ledger_from_rows(rows)
            except InvalidRecordsError as exc:
                return tuple(exc.problems)
            return ()

        return st.lists(bad, min_size=1, max_size=4).map(run).filter(bool).flatmap(st.sampled_from)

    return {"Problem": problems}


# ----------------------------------------------------------------------------- the table

_PACKAGES: Mapping[str, Callable[[], Mapping[str, _Builder]]] = MappingProxyType(
    {
        "zwgk.calendar": _calendar_values,
        "zwgk.deadlines": _deadline_values,
        "zwgk.requests": _request_values,
        "zwgk.catalog": _catalog_values,
        "zwgk.scoring": _scoring_values,
        "zwgk.reports": _report_values,
        "zwgk.reports.io": _read_values,
        "zwgk.reports.narrative": _narrative_values,
        "zwgk.audit": _audit_values,
        "zwgk.powers": _power_values,
        "zwgk.services": _service_values,
        "zwgk.plans": _plan_values,
        "zwgk.rounds": _round_values,
        "zwgk.register": _register_values,
        "zwgk.errors": _error_values,
    }
)


def registered_types(package: str) -> tuple[str, ...]:
    """The names of ``package``'s types `value_strategy` draws."""
    return tuple(_PACKAGES[package]())


def value_strategy(package: str, name: str) -> st.SearchStrategy[Any]:
    """The strategy of the public type ``package.name`` (``"zwgk.deadlines"``, ``"Step"``).

    Raises:
        UnknownNameError: a type without a strategy here.
    """
    builders = _PACKAGES[package]() if package in _PACKAGES else {}
    if name not in builders:
        raise UnknownNameError(gettext("{package} value type").format(package=package), name, tuple(builders))
    return builders[name]()
