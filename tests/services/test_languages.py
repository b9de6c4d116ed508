"""One language per output (issue 13): the findings of service statistics in zh and in en.

The Chinese texts use the terms of the seed statement (seed 002: 即办件, 承办件, 办结, 按时办结率,
提前办结率, 万元), written here by hand, not pasted from the output.
"""

from __future__ import annotations

import pytest
from tests.support import assert_one_language

import zwgk
from zwgk._i18n import Language
from zwgk.errors import UnknownLanguageError
from zwgk.services import ServiceCounts, StatFinding, check_rate, check_service_counts, check_total

BROKEN = ServiceCounts(
    received=11211, immediate=8803, commitment=2400, commitment_done=2353, in_progress=50, immediate_done=8900
)


def _findings() -> tuple[StatFinding, ...]:
    return (
        *check_service_counts(BROKEN),
        *check_rate("按时办结率", 2300, 2353, "100%"),
        *check_rate("按时办结率", 2400, 2353, "100%"),
        *check_total({"到人(户)": "43174.79", "到项目": "4981.89"}, "48295.00"),
    )


def test_the_statement_is_broken_in_four_ways() -> None:
    assert [f.kind for f in check_service_counts(BROKEN)] == ["partition", "partition", "rate_range"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_findings_in_one_language(lang: Language) -> None:
    with zwgk.language(lang):
        text = "\n".join(f.message for f in _findings())
    assert_one_language(text, lang, "按时办结率")  # a label the caller gave is shown as given


def test_golden_chinese_texts() -> None:
    partition, done, immediate = check_service_counts(BROKEN)
    assert partition.message_in("zh") == "受理事项11211件，但即办件8803件 + 承办件2400件 = 11203件"
    assert done.message_in("zh") == "承办件2400件，但已办结2353件 + 正在办理50件 = 2403件"
    assert immediate.message_in("zh") == "即办件办结数8900件，超过即办件8803件"
    (rate,) = check_rate("提前办结率", 986, 1000, "98.7")
    assert rate.message_in("zh") == "提前办结率：986/1000 = 98.600% → 98.6%，公布为98.7%"
    assert rate.message_in("en") == "early completion rate: 986/1000 = 98.600% → 98.6%, reported 98.7%"
    (total,) = check_total({"到人(户)": "43174.79", "到项目": "4981.89"}, "48295.00")
    assert total.message_in("zh").startswith("合计：43174.79 + 4981.89 = 48156.68万元，公布为48295.00万元")


def test_one_finding_in_both_languages() -> None:
    (finding,) = check_service_counts(ServiceCounts(received=11211, immediate=8803, commitment=2400))
    with zwgk.language("zh"):
        assert finding.message.startswith("受理事项11211件")
    assert finding.message.startswith("matters received: 11211")
    with pytest.raises(UnknownLanguageError):
        finding.message_in("fr")  # type: ignore[arg-type]
