"""One language per output (issue 13): the 通报, designation decisions and ``zwgk rounds``.

Golden Chinese texts are the terms of the seed 通报 and of seed 000 (考核结果, 失分项目, 动态管理,
取消资格, 推荐, 名次/单位/得分/等次/结论/较上期).  The units, the card's title and the rules' own
labels (quoted from seed 000) are data and may appear in either language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.support import assert_one_language, without_options

import zwgk
from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.errors import InvalidRecordsError, UnknownLanguageError
from zwgk.rounds import Rounds, designate, score_rounds
from zwgk.rounds._bulletin import period_text
from zwgk.rounds.io import load_designations, read_evidence_table
from zwgk.scoring import load_card

SITES = Path(__file__).parent / "golden" / "sites.csv"
CARD = "demonstration-site-standards"
RULES = load_designations("demonstration-sites")


@pytest.fixture(scope="module")
def rounds() -> Rounds:
    return score_rounds(load_card(CARD), read_evidence_table(SITES))


def _data(rounds: Rounds) -> list[str]:
    tokens = [rounds.card_title, rounds.card, *rounds.units, *rounds.periods]
    tokens += [r.label for r in RULES.rules] + [r.id for r in RULES.rules]
    return sorted(set(tokens), key=len, reverse=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bulletin_and_decisions_in_one_language(rounds: Rounds, lang: Language) -> None:
    decisions = designate(rounds, RULES)
    with zwgk.language(lang):
        html = re.sub(r"<[^>]+>", " ", rounds._repr_html_())
        texts = [rounds.bulletin_markdown(decisions=decisions), html, *(d.explanation for d in decisions)]
        texts += [rounds.bulletin_markdown(p) for p in rounds.periods]
    assert_one_language("\n".join(texts), lang, *_data(rounds))


def test_golden_chinese_terms(rounds: Rounds) -> None:
    decisions = designate(rounds, RULES)
    text = rounds.bulletin_markdown(decisions=decisions, lang="zh")
    assert text.startswith("# 2026年政务公开考核结果通报\n")
    for heading in ("## 考核结果", "## 失分项目", "## 动态管理"):
        assert heading in text
    assert "| 名次 | 单位 | 得分 | 等次 | 结论 | 较上期 |" in text
    assert [period_text(p, "zh") for p in ("2026Q1", "2026H1")] == ["2026年第一季度", "2026年上半年"]
    assert [period_text(p, "en") for p in ("2026Q1", "2026H1")] == [
        "first quarter of 2026",
        "first half of 2026",
    ]
    assert {d.action.label_in("zh") for d in decisions} == {"取消资格", "推荐"}


def test_one_decision_worded_in_both_languages(rounds: Rounds) -> None:
    last = designate(rounds, RULES)[-1]
    zh, en = last.explanation_in("zh"), last.explanation_in("en")
    assert zh.startswith("丙：推荐。规则 recommend-province（")
    assert en.startswith("丙: recommended. Rule recommend-province (")
    assert en.endswith("2026 total 6 (rank 1 of 5).")
    assert last.explanation == en  # the default language
    with zwgk.language("zh"):
        assert last.explanation == zh


def test_unknown_language_refused(rounds: Rounds) -> None:
    with pytest.raises(UnknownLanguageError):
        rounds.bulletin_markdown(lang="fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_in_one_language(lang: Language, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--lang", lang, "rounds", CARD, str(SITES), "--designations", "demonstration-sites"]
    assert main(args) == 0
    assert_one_language(
        capsys.readouterr().out, lang, *_data(score_rounds(load_card(CARD), read_evidence_table(SITES)))
    )
    with pytest.raises(SystemExit):
        main(["--lang", lang, "rounds", "--help"])
    help_text = capsys.readouterr().out
    if lang == "zh":
        help_text = without_options(help_text)
    typed = [
        "JSON",
        "zwgk",
        "rounds",
        "CARD",
        "TABLE",
        "UNIT_COLUMN",
        "PERIOD_COLUMN",
        "PERIOD",
        "DESIGNATIONS",
        "FILE",
    ]
    typed += [
        "FORMAT",
        "SUFFIX",
        "csv",
        "xlsx",
        "json",
        "toml",
        "html",
        "txt",
        "docx",
        "md",
        "TOML",
        "Markdown",
    ]
    typed += ["ZWGK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "zh_*", "zh", "en", "unit", "period"]
    assert_one_language(help_text, lang, *typed, "单位", "考核期")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_table_errors_in_one_language(lang: Language) -> None:
    rows = [
        {"单位": "甲", "考核期": "2026"},
        {"单位": "甲", "考核期": "2026"},
        {"单位": "", "考核期": "2026"},
    ]
    with zwgk.language(lang), pytest.raises(InvalidRecordsError) as caught:
        score_rounds(load_card(CARD), rows, lenient=True)
    problems = "\n".join(f"{p.location} {p.message} {p.expected}" for p in caught.value.problems)
    assert_one_language(problems, lang, "甲", "单位")


def test_plot_labels_follow_the_language(rounds: Rounds) -> None:
    pytest.importorskip("matplotlib")
    with zwgk.language("en"):
        ax = rounds.plot().axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Period", "Total")
    assert [t.get_text() for t in ax.get_legend().get_texts()][:2] == ["unit 1", "unit 2"]
    ax = rounds.plot(labels="en").axes[0]
    assert ax.get_title() == CARD
