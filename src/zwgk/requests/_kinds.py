"""Labels of the request register: applicant kinds and the articles behind each outcome row.

The outcome rows ([`zwgk.deadlines.Outcome`][]) and receipt channels
([`zwgk.deadlines.Channel`][]) live in the deadlines core, which validates them on
events; this module adds the applicant kinds of table 3 and the article mapping of
``requests/data/outcomes.toml``.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

import attrs

from zwgk._i18n import gettext
from zwgk._lang import N_
from zwgk._text import lookup_label, normalize_label
from zwgk.deadlines import Outcome, OutcomeGroup
from zwgk.deadlines.io import parse_outcome
from zwgk.errors import DataFileError, Problem

__all__ = [
    "ApplicantKind",
    "OutcomeBasis",
    "outcome_basis",
    "outcome_number",
    "parse_outcome",
]


class ApplicantKind(enum.Enum):
    """Applicant columns of table 3: 自然人 and the five kinds of 法人或其他组织."""

    NATURAL_PERSON = "自然人"
    BUSINESS = "商业企业"
    RESEARCH_INSTITUTION = "科研机构"
    PUBLIC_INTEREST_ORGANIZATION = "社会公益组织"
    LEGAL_SERVICE_ORGANIZATION = "法律服务机构"
    OTHER_ORGANIZATION = "其他"

    @property
    def label(self) -> str:
        """The column header as printed in table 3."""
        return self.value

    @property
    def is_organization(self) -> bool:
        """True for the five 法人或其他组织 columns."""
        return self is not ApplicantKind.NATURAL_PERSON

    @classmethod
    def parse(cls, text: str | ApplicantKind) -> ApplicantKind:
        """Read an applicant kind from its label, English name or a common variant.

        Raises:
            UnknownNameError: the text names no applicant kind.
        """
        if isinstance(text, ApplicantKind):
            return text
        return lookup_label(_APPLICANT_ALIASES, text, gettext("applicant kind"), [k.value for k in cls])


def _applicant_aliases() -> Mapping[str, ApplicantKind]:
    """Folded label, lower-case name and 法人或其他组织… form of each kind, plus common words."""
    aliases: dict[str, ApplicantKind] = {}
    for kind in ApplicantKind:
        aliases[normalize_label(kind.value)] = kind
        aliases[kind.name.lower()] = kind
        aliases[normalize_label(f"法人或其他组织{kind.value}")] = kind
    aliases.update(
        {
            "个人": ApplicantKind.NATURAL_PERSON,
            "公民": ApplicantKind.NATURAL_PERSON,
            "person": ApplicantKind.NATURAL_PERSON,
            "企业": ApplicantKind.BUSINESS,
            "公司": ApplicantKind.BUSINESS,
            "business": ApplicantKind.BUSINESS,
            "律师事务所": ApplicantKind.LEGAL_SERVICE_ORGANIZATION,
            "律所": ApplicantKind.LEGAL_SERVICE_ORGANIZATION,
            "公益组织": ApplicantKind.PUBLIC_INTEREST_ORGANIZATION,
            "其他组织": ApplicantKind.OTHER_ORGANIZATION,
            "其他法人": ApplicantKind.OTHER_ORGANIZATION,
            "other": ApplicantKind.OTHER_ORGANIZATION,
        }
    )
    return MappingProxyType(aliases)


_APPLICANT_ALIASES = _applicant_aliases()


def outcome_number(outcome: Outcome) -> int:
    """The row number inside its group (1-based), 0 for 予以公开 and 部分公开."""
    return parse_outcome(outcome).number


@attrs.frozen
class OutcomeBasis:
    """Where an outcome row comes from: its articles and how sure that mapping is."""

    outcome: Outcome
    group: OutcomeGroup
    number: int
    articles: tuple[str, ...]
    basis: str
    source: str

    @property
    def citation(self) -> str:
        """The articles as one string, e.g. ``《政府信息公开条例》第十四条、第三十六条第（三）项``."""
        if not self.articles:
            return gettext("no article names this case (a category of table 3 of 国办公开办函〔2021〕30号)")
        return "《政府信息公开条例》" + "、".join(self.articles)


@cache
def _outcome_table() -> dict[Outcome, OutcomeBasis]:
    path = "requests/data/outcomes.toml"
    raw = tomllib.loads(resources.files("zwgk.requests").joinpath("data/outcomes.toml").read_text("utf-8"))
    problems: list[Problem] = []
    table: dict[Outcome, OutcomeBasis] = {}
    for index, record in enumerate(raw.get("outcome", [])):
        where = f"outcome[{index}]"
        try:
            outcome = Outcome(record["value"])
            group = OutcomeGroup(record["group"])
        except (KeyError, ValueError):
            problems.append(Problem(where, gettext("unknown outcome or group"), "value", record.get("value")))
            continue
        if int(record.get("number", -1)) != outcome.number:
            problems.append(
                Problem(
                    where,
                    gettext("row number differs from table 3"),
                    "number",
                    record.get("number"),
                    str(outcome.number),
                )
            )
        if record.get("basis") not in {"V", "P", "U"}:
            problems.append(
                Problem(where, gettext("bad basis tag"), "basis", record.get("basis"), N_("V, P or U"))
            )
        table[outcome] = OutcomeBasis(
            outcome,
            group,
            int(record["number"]),
            tuple(record["articles"]),
            str(record["basis"]),
            raw["source"],
        )
    missing = [o.value for o in Outcome if o not in table]
    if missing:
        problems.append(Problem(path, gettext("outcomes without a record"), "value", missing))
    if problems:
        raise DataFileError(path, problems)
    return table


def outcome_basis(outcome: Outcome) -> OutcomeBasis:
    """Return the articles of the 《政府信息公开条例》 behind an outcome row.

    Args:
        outcome: the outcome row.

    Returns:
        The record from the package data file ``requests/data/outcomes.toml``.
    """
    return _outcome_table()[parse_outcome(outcome)]
