"""Service statistics (政务服务): matters by kind, handled, on time, early; rates and totals checked.

Two kinds of matter (seed 002): a 即办件 is settled on the spot; a 承办件 is accepted and
handled within a committed limit.  A statement such as "共接待审批(服务)事项11211件, 其中即办件
8803件, 全部办结; 承办件2408件, 已办结2353件, 55件正在办理之中, 按时办结率100%" is three
identities and one rate:

- received = 即办件 + 承办件 (a partition);
- 承办件 = done + in progress (a partition);
- 按时办结率 = on time ÷ **done** — a ratio to what was handled, *not* a share of a partition
  (the 55 still in progress are neither on time nor late yet); likewise 提前办结率 = early ÷ done.

Rates are exact `Decimal` percentages; a reported rate matches when it is
the exact rate rounded to its own decimals (half a unit either way).  Amounts (万元, 元) are
Decimal throughout; a float is refused.  Shares of a whole are checked by
[`zwgk.reports.check_shares`][] (counts or amounts).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

import attrs

from zwgk._i18n import N_, Language, Message, gettext, msg, text
from zwgk._numbers import parse_percent, quantize
from zwgk.errors import InvalidInputError, InvalidTypeError

__all__ = [
    "ServiceCounts",
    "StatFinding",
    "check_rate",
    "check_service_counts",
    "check_total",
    "percent",
    "reported_percent",
    "rounding_gap",
]


def _count(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInputError(field, value, gettext("a non-negative whole number"))
    return value


def _amount(field: str, value: object) -> Decimal:
    if isinstance(value, float):
        raise InvalidTypeError(
            field, value, gettext("an int, Decimal or decimal text such as '48294.84' (not float)")
        )
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InvalidInputError(field, value, gettext("an exact amount such as '48294.84'")) from None
    if not amount.is_finite():
        raise InvalidInputError(field, value, gettext("a finite amount"))
    return amount


def reported_percent(field: str, value: object) -> Decimal:
    """A published percentage as Decimal: ``"12.22%"``, ``"100﹪"``, ``Decimal("71.1")``; never float.

    Raises:
        InvalidTypeError: a float.
        InvalidInputError: not a number, or more than ``zwgk._numbers.MAX_PERCENT_DECIMALS`` decimals.
    """
    return parse_percent(field, value)


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal:
    """``part / whole × 100``, exact to Decimal's 28 digits (no rounding to display decimals).

    Raises:
        InvalidInputError: ``whole`` is not positive, or ``part`` is negative.
    """
    p, w = _amount("part", part), _amount("whole", whole)
    if w <= 0:
        raise InvalidInputError("whole", whole, gettext("a positive number"))
    if p < 0:
        raise InvalidInputError("part", part, gettext("a non-negative number"))
    return p * 100 / w


@attrs.frozen
class StatFinding:
    """One identity, rate or total that does not match.

    ``kind``: ``"partition"`` (parts do not add up to their whole), ``"rate"`` (a reported
    rate is not the exact one rounded), ``"rate_range"`` (a ratio numerator above its
    denominator), ``"total"`` (amounts do not add up beyond what rounding explains).
    """

    kind: str
    label: str
    expected: Decimal
    reported: Decimal
    _message: str | Message = attrs.field(alias="message")

    @property
    def message(self) -> str:
        """What does not match, naming the numbers, in the current language."""
        return text(self._message)

    def message_in(self, lang: Language | None = None) -> str:
        """`message` in ``lang`` (default: the current language)."""
        return text(self._message, lang)

    @property
    def off_by(self) -> Decimal:
        """Reported minus expected."""
        return self.reported - self.expected


def check_rate(
    label: str, numerator: int, denominator: int, reported: Decimal | int | str
) -> tuple[StatFinding, ...]:
    """Check a reported rate (a ratio, not a share of a partition) against its counts.

    The rate matches when ``|reported − exact| ≤ ½`` unit of the reported value's last
    decimal (``"100"`` → ±0.5, ``"13.22"`` → ±0.005).

    Raises:
        InvalidInputError: negative counts or a zero denominator.
    """
    n, d = _count(f"{label}: numerator", numerator), _count(f"{label}: denominator", denominator)
    shown = reported_percent(label, reported)
    exact = percent(n, d)
    findings: list[StatFinding] = []
    if n > d:
        findings.append(
            StatFinding(
                "rate_range",
                label,
                Decimal(d),
                Decimal(n),
                msg("{label}: {n} is above its denominator {d}", label=_label(label), n=n, d=d),
            )
        )
    exponent = shown.as_tuple().exponent
    unit = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    if abs(shown - exact) > unit / 2:
        rounded = quantize(exact, unit)
        findings.append(
            StatFinding(
                "rate",
                label,
                rounded,
                shown,
                msg(
                    "{label}: {n}/{d} = {exact}% → {rounded}%, reported {shown}%",
                    label=_label(label),
                    n=n,
                    d=d,
                    exact=quantize(exact, unit / 100),
                    rounded=rounded,
                    shown=shown,
                ),
            )
        )
    return tuple(findings)


@attrs.frozen
class ServiceCounts:
    """The counts of a service centre's statement (seed 002 layout).

    Attributes:
        received: matters received (接待/受理), ``None`` if not stated.
        immediate: 即办件.
        immediate_done: 即办件 done (``None``: not stated; "全部办结" = ``immediate``).
        commitment: 承办件.
        commitment_done: 承办件 done (已办结).
        in_progress: 承办件 still in progress (正在办理).
        on_time: done within the limit (按时办结), ``None`` if only the rate is stated.
        early: done before the limit (提前办结), ``None`` if not stated.
    """

    received: int | None = None
    immediate: int | None = None
    immediate_done: int | None = None
    commitment: int | None = None
    commitment_done: int | None = None
    in_progress: int | None = None
    on_time: int | None = None
    early: int | None = None

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(type(self)):
            value = getattr(self, field.name)
            if value is not None:
                _count(field.name, value)

    @property
    def done(self) -> int | None:
        """承办件 done (the denominator of 按时办结率 and 提前办结率: what was handled within a limit)."""
        return self.commitment_done

    def on_time_rate(self) -> Decimal | None:
        """按时办结率 = on time ÷ done (``None`` when either is unknown or nothing is done)."""
        if self.on_time is None or not self.done:
            return None
        return percent(self.on_time, self.done)

    def early_rate(self) -> Decimal | None:
        """提前办结率 = early ÷ done (``None`` when either is unknown or nothing is done)."""
        if self.early is None or not self.done:
            return None
        return percent(self.early, self.done)


#: The worded names of the statement's own labels (the values of ``StatFinding.label``); a
#: label the caller gives (``check_rate``, ``check_total``) is shown as given.
_LABELS = MappingProxyType(
    {
        "received": N_("matters received"),
        "即办件": N_("immediate matters"),
        "承办件": N_("commitment matters"),
        "done": N_("completed"),
        "in progress": N_("in progress"),
        "即办件 done": N_("immediate matters completed"),
        "按时办结率": N_("on-time completion rate"),
        "提前办结率": N_("early completion rate"),
        "total": N_("total"),
    }
)
_UNITS = MappingProxyType({"万元": N_("10,000 yuan")})


def _label(label: str) -> str | Message:
    return Message(_LABELS[label]) if label in _LABELS else label


def _unit(unit: str) -> str | Message:
    return Message(_UNITS[unit]) if unit in _UNITS else unit


def _partition(label: str, whole: int | None, parts: Mapping[str, int | None]) -> list[StatFinding]:
    if whole is None or any(v is None for v in parts.values()):
        return []
    total = sum(v for v in parts.values() if v is not None)
    if total == whole:
        return []
    (first, a), (second, b) = parts.items()
    message = msg(
        "{label}: {whole}, but {first} {a} + {second} {b} = {total}",
        label=_label(label),
        whole=whole,
        first=_label(first),
        a=a,
        second=_label(second),
        b=b,
        total=total,
    )
    return [StatFinding("partition", label, Decimal(total), Decimal(whole), message)]


def check_service_counts(
    counts: ServiceCounts,
    *,
    on_time_rate: Decimal | int | str | None = None,
    early_rate: Decimal | int | str | None = None,
) -> tuple[StatFinding, ...]:
    """Check the identities of a statement and its reported rates.

    Identities: received = 即办件 + 承办件; 承办件 = done + in progress; 即办件 done ≤ 即办件.
    Rates (when reported and the counts are known): 按时办结率 = on time ÷ done; 提前办结率 =
    early ÷ done.  A reported 按时办结率 with ``on_time`` unknown is read as a claim and not
    checked (it cannot be, from the statement alone).

    Returns:
        The findings (empty when the statement is consistent).
    """
    c = counts
    findings = _partition("received", c.received, {"即办件": c.immediate, "承办件": c.commitment})
    findings += _partition("承办件", c.commitment, {"done": c.commitment_done, "in progress": c.in_progress})
    if c.immediate is not None and c.immediate_done is not None and c.immediate_done > c.immediate:
        findings.append(
            StatFinding(
                "rate_range",
                "即办件 done",
                Decimal(c.immediate),
                Decimal(c.immediate_done),
                msg(
                    "{label} {done} is above {whole} {n}",
                    label=_label("即办件 done"),
                    done=c.immediate_done,
                    whole=_label("即办件"),
                    n=c.immediate,
                ),
            )
        )
    for label, numerator, reported in (
        ("按时办结率", c.on_time, on_time_rate),
        ("提前办结率", c.early, early_rate),
    ):
        if reported is not None and numerator is not None and c.done is not None:
            findings += check_rate(label, numerator, c.done, reported)
    return tuple(findings)


def check_total(
    parts: Mapping[str, Decimal | int | str],
    reported_total: Decimal | int | str,
    *,
    label: str = "total",
    unit: str = "万元",
) -> tuple[StatFinding, ...]:
    """Check that amounts add up to their reported total, exactly (Decimal).

    Each amount is read as published, rounded to its own last decimal; so ``n`` parts and
    a total, each rounded to ``q``, may differ by up to ``(n + 1) × q/2`` without error.  A
    difference within that bound is not a finding (the docs show the seed's 0.01 万元 case);
    a larger one is ``"total"``.

    Raises:
        InvalidTypeError: a float amount.
        InvalidInputError: an amount that is not a number.
    """
    amounts = {k: _amount(f"parts[{k}]", v) for k, v in parts.items()}
    total = _amount(label, reported_total)
    exact = sum(amounts.values(), Decimal(0))
    values = [*amounts.values(), total]
    exponents = [e for e in (v.as_tuple().exponent for v in values) if isinstance(e, int)]
    quantum = Decimal(1).scaleb(min(exponents, default=0))
    slack = quantum / 2 * len(values)
    if abs(exact - total) <= slack:
        return ()
    shown = " + ".join(str(v) for v in amounts.values())
    return (
        StatFinding(
            "total",
            label,
            exact,
            total,
            msg(
                "{label}: {parts} = {exact} {unit}, reported {total} {unit} (off by {off}; "
                "rounding explains at most ±{slack})",
                label=_label(label),
                parts=shown,
                exact=exact,
                unit=_unit(unit),
                total=total,
                off=total - exact,
                slack=slack,
            ),
        ),
    )


def rounding_gap(parts: Mapping[str, Decimal | int | str], reported_total: Decimal | int | str) -> Decimal:
    """Reported total minus the exact sum of the parts (Decimal; 0 when they agree)."""
    return _amount("total", reported_total) - sum((_amount(k, v) for k, v in parts.items()), Decimal(0))
