"""One language per output (issue 13): scoring results, reports and ``zwgk score``/``cards``/
``card-template`` in zh and in en.

The scans (tests.support): a Chinese output holds no Latin words except the identifiers a user
types or reads in their own files (card ids, evidence keys, item ids, class names of a repr);
an English output holds Chinese only inside citations and inside the card's own texts — the
titles, criteria-derived reasons, option and grade labels of the seed documents, which are
data and quoted as they are in both languages.  The golden Chinese texts below are written
from the terms of the 考核细则 (起评分, 扣分不超过分值, 不得分, 按0分计, 折算) and of
国办秘函〔2019〕19号 (扣分指标得分高于80分的，加分指标方计入), not from the code's output.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests.scoring.helpers import WEBSITE_CARD, WEBSITE_CLEAN, case_evidence, golden
from tests.support import assert_one_language

import zwgk
from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.errors import EvidenceError, UnknownLanguageError
from zwgk.scoring import (
    Card,
    Group,
    ScoreResult,
    Tiers,
    apply_combination,
    load_card,
    load_combination,
    rank,
    rankings_html,
    render_markdown,
    render_text,
    score,
    what_if,
)
from zwgk.scoring._render import verdict_text
from zwgk.scoring.io import card_from_dict

# --------------------------------------------------------------------------- what is allowed


def _rule_texts(rules: tuple[Any, ...]) -> Iterator[str]:
    for rule in rules:
        if isinstance(rule, Group):
            yield rule.label
            yield from _rule_texts(rule.rules)
            continue
        yield rule.reason
        if isinstance(rule, Tiers):
            yield from (t.label for t in rule.tiers)


def card_texts(card: Card) -> list[str]:
    """The card's own (Chinese) texts, longest first (so no shorter one splits a longer one)."""
    texts = {card.title, card.veto_grade or ""}
    texts.update(g.label for g in card.grades)
    texts.update(v.reason for v in card.vetoes)
    for section in card.sections:
        texts.add(section.title)
        for item in section.items:
            texts.add(item.title)
            texts.update(_rule_texts(item.rules))
            texts.update(o.label for f in item.evidence for o in f.options)
            texts.update(f.description for f in item.evidence)
    texts.update(o.label for f in card.evidence for o in f.options)
    return sorted((t for t in texts if t), key=len, reverse=True)


def identifiers(card: Card) -> list[str]:
    """What a Chinese output may show in Latin letters: the card id, its evidence keys and item ids."""
    ids = {card.name, *card.fields, *(d.key for d in card.derived)}
    ids.update(i.id for _, i in card.items)
    ids.update(s.id for s in card.sections)
    return sorted(ids, key=len, reverse=True)


# --------------------------------------------------------------------------- the results


def _kaifu(name: str, case: str, unit: str = "") -> ScoreResult:
    data = golden(name)
    chosen = next(c for c in data["cases"] if c["name"] == case)
    return score(load_card(name), case_evidence(data, chosen), unit=unit)


def _website(**changes: object) -> ScoreResult:
    return score(load_card(WEBSITE_CARD), {**WEBSITE_CLEAN, **changes}, unit="某县政府网站")


def _results() -> list[tuple[str, ScoreResult]]:
    streets = load_card("kaifu-2013-streets")
    return [
        ("streets-half-points", _kaifu("kaifu-2013-streets", "half-point-windows-facilities", "东风路街道")),
        ("windows-bonus-capped", _kaifu("kaifu-2013-windows", "bonus-capped")),
        ("windows-attendance", _kaifu("kaifu-2013-windows", "attendance-and-leadership")),
        ("departments", _kaifu("kaifu-2013-departments", "organisation-lapses", "区人社局")),
        (
            "demonstration",
            _kaifu(
                "demonstration-site-standards", golden("demonstration-site-standards")["cases"][0]["name"]
            ),
        ),
        (
            "lenient",
            score(streets, {"period_start": "2026-01-01", "period_end": "2026-03-31"}, lenient=True),
        ),
        ("website-clean", _website(innovations=["8"])),
        ("website-vetoed", _website(site_unreachable=True)),
        ("website-rescaled", _website(has_services=False, stale_columns=1)),
        ("website-bonus-gated", _website(stale_columns=5, innovations=["10"])),
    ]


RESULTS = _results()


def _views(result: ScoreResult, lang: Language) -> str:
    """Every text view of a result in ``lang``, HTML tags taken out (markup, not words)."""
    with zwgk.language(lang):
        page = result._repr_html_()
        texts = [render_text(result), render_markdown(result), repr(result), page]
    return re.sub(r"<[^>]+>", "\n", "\n".join(texts))


def _card_of(result: ScoreResult) -> Card:
    return (
        load_card(WEBSITE_CARD) if result.card == "website-inspection-structure" else load_card(result.card)
    )


_REPR_WORDS = ("ScoreResult", "CombinedResult", "Ranking", "WhatIf", "True", "False")


@pytest.mark.parametrize(("name", "result"), RESULTS, ids=[n for n, _ in RESULTS])
def test_zh_views_have_no_english_words(name: str, result: ScoreResult) -> None:
    assert_one_language(_views(result, "zh"), "zh", *identifiers(_card_of(result)), *_REPR_WORDS)


@pytest.mark.parametrize(("name", "result"), RESULTS, ids=[n for n, _ in RESULTS])
def test_en_views_quote_only_the_cards_texts(name: str, result: ScoreResult) -> None:
    assert_one_language(_views(result, "en"), "en", *card_texts(_card_of(result)), result.unit)


def test_the_scans_catch_a_mixed_report() -> None:
    # the report as it was before issue 13: Chinese headings in otherwise English output
    result = RESULTS[0][1]
    mixed = render_text(result, "en") + "\n结论 无及格线\n"
    with pytest.raises(AssertionError, match="Chinese outside citations"):
        assert_one_language(mixed, "en", *card_texts(_card_of(result)), result.unit)
    with pytest.raises(AssertionError, match="English words"):
        assert_one_language(render_text(result, "zh") + "verdict", "zh", *identifiers(_card_of(result)))


def _combined_and_ranked() -> tuple[Any, Any, Any]:
    windows = _kaifu("kaifu-2013-windows", "attendance-and-leadership")
    departments = _kaifu("kaifu-2013-departments", "organisation-lapses")
    combined = attrs.evolve(
        apply_combination(load_combination("kaifu-2013-department-with-window"), [departments, windows]),
        unit="区人社局",
    )
    places = rank([departments, attrs.evolve(departments, unit="区民政局"), _website(stale_columns=2)])
    data = golden("kaifu-2013-windows")
    card = load_card("kaifu-2013-windows")
    change = what_if(card, case_evidence(data, data["cases"][0]), "praise_banners", 2)
    return combined, places, change


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_combinations_rankings_and_what_ifs_in_one_language(lang: Language) -> None:
    combined, places, change = _combined_and_ranked()
    with zwgk.language(lang):
        texts = [
            render_text(combined),
            render_markdown(combined),
            repr(combined),
            combined._repr_html_(),
            rankings_html(places),
            *(repr(p) for p in places),
            repr(change),
            change._repr_html_(),
        ]
    text = re.sub(r"<[^>]+>", "\n", "\n".join(texts))
    cards = [load_card("kaifu-2013-departments"), load_card("kaifu-2013-windows"), load_card(WEBSITE_CARD)]
    if lang == "zh":
        ids = [i for c in cards for i in identifiers(c)] + ["kaifu-2013-department-with-window"]
        assert_one_language(text, "zh", *sorted(ids, key=len, reverse=True), *_REPR_WORDS)
    else:
        quoted = [combined.title, "区人社局", "区民政局", "某县政府网站"] + [
            t for c in cards for t in card_texts(c)
        ]
        assert_one_language(text, "en", *sorted(quoted, key=len, reverse=True))


# --------------------------------------------------------------------------- golden texts


def _synthetic() -> Card:
    """A card with every engine-worded reason: a group with its start, floor, ceiling, a
    capped per-occurrence rule, a per-missing rule with none present."""
    return card_from_dict(
        {
            "name": "language-test",
            "title": "语言测试卡",
            "source": "tests",
            "maximum": 20,
            "sections": [
                {
                    "id": "s",
                    "title": "测试部分",
                    "items": [
                        {
                            "id": "1",
                            "title": "投诉处理",
                            "criteria": "测试",
                            "maximum": 10,
                            "start": 0,
                            "rules": [
                                {
                                    "kind": "group",
                                    "label": "渠道",
                                    "start": 5,
                                    "maximum": 5,
                                    "rules": [
                                        {
                                            "kind": "check",
                                            "when": "a",
                                            "points": -8,
                                            "reason": "无投诉渠道扣8分",
                                        }
                                    ],
                                },
                                {"kind": "check", "when": "b", "points": 7, "reason": "处理及时得7分"},
                            ],
                            "evidence": [
                                {"key": "a", "type": "boolean", "description": "甲"},
                                {"key": "b", "type": "boolean", "description": "乙"},
                            ],
                        },
                        {
                            "id": "2",
                            "title": "信息要素",
                            "criteria": "测试",
                            "maximum": 5,
                            "rules": [
                                {
                                    "kind": "per_missing",
                                    "field": "parts",
                                    "points": -1,
                                    "reason": "缺一项扣1分",
                                    "none_zero": True,
                                }
                            ],
                            "evidence": [
                                {
                                    "key": "parts",
                                    "type": "elements",
                                    "description": "要素",
                                    "options": [{"key": "x", "label": "名称"}, {"key": "y", "label": "地址"}],
                                }
                            ],
                        },
                        {
                            "id": "3",
                            "title": "更新",
                            "criteria": "测试",
                            "maximum": 5,
                            "rules": [
                                {
                                    "kind": "per_occurrence",
                                    "field": "n",
                                    "points": -2,
                                    "reason": "每次扣2分",
                                    "cap": 4,
                                }
                            ],
                            "evidence": [{"key": "n", "type": "count", "description": "次数"}],
                        },
                    ],
                }
            ],
        }
    )


def _reasons(result: ScoreResult, item: str, lang: Language) -> list[str]:
    return [a.reason_in(lang) for a in result.item(item).adjustments]


def test_golden_chinese_reasons_in_the_terms_of_the_scorecards() -> None:
    result = score(_synthetic(), {"a": True, "b": True, "parts": [], "n": 3})
    assert _reasons(result, "1", "zh") == [
        "【渠道】起评5分",
        "【渠道】无投诉渠道扣8分",
        "【渠道】扣分不超过分值，最低0分",
        "处理及时得7分",
    ]
    assert _reasons(result, "2", "zh") == [
        "起评5分",
        "缺一项扣1分（缺：名称、地址）",
        "缺一项扣1分：全部缺失，不得分",
    ]
    assert _reasons(result, "3", "zh") == ["起评5分", "每次扣2分（3次），累计以4分为限"]


def test_the_same_result_in_english() -> None:
    result = score(_synthetic(), {"a": True, "b": True, "parts": [], "n": 3})
    assert _reasons(result, "1", "en") == [
        "[渠道] starting points 5",
        "[渠道] 无投诉渠道扣8分",
        "[渠道] deductions limited to the item's value: at least 0 points",
        "处理及时得7分",
    ]
    assert _reasons(result, "2", "en") == [
        "starting points 5",
        "缺一项扣1分 (missing: 名称, 地址)",
        "缺一项扣1分: none present, no points",
    ]
    assert _reasons(result, "3", "en") == [
        "starting points 5",
        "每次扣2分 (3 times), limited to 4 points in all",
    ]
    one = score(_synthetic(), {"a": False, "b": False, "parts": ["x"], "n": 1})
    assert _reasons(one, "3", "en") == ["starting points 5", "每次扣2分 (1 time)"]


def test_golden_rescale_and_bonus_gate_texts() -> None:
    rescaled = _website(has_services=False, stale_columns=1)
    assert [a.reason_in("zh") for a in rescaled.adjustments] == ["部分指标不适用，按70×100/75折算"]
    gated = _website(stale_columns=5, innovations=["10"])  # 扣分指标 75, not above 80: 加分不计
    assert [a.reason_in("zh") for a in gated.adjustments] == ["基础得分75分未超过80分，加分不计"]
    assert [a.reason_in("en") for a in gated.adjustments] == [
        "base score 75 not above 80: the bonus does not count"
    ]
    text = render_text(gated, "zh")
    assert "总分 75 / 100（其中加分 10，不计入）" in text
    assert "总分调整 -10 基础得分75分未超过80分，加分不计" in text
    assert "结论 通过；等次 合格" in text
    assert "total 75 / 100 (bonus 10, not counted)" in render_text(gated, "en")


def test_verdicts_in_both_languages() -> None:
    vetoed = _website(site_unreachable=True)
    assert (verdict_text(vetoed, "zh"), verdict_text(vetoed, "en")) == ("否决（不合格）", "vetoed (failed)")
    failing = _website(stale_columns=8, uninterpreted_policies=8)
    assert (verdict_text(failing, "zh"), verdict_text(failing, "en")) == ("未通过", "not passed")
    no_mark = RESULTS[0][1]
    assert (verdict_text(no_mark, "zh"), verdict_text(no_mark, "en")) == ("无及格线", "no pass mark")


def test_one_computed_result_is_worded_in_either_language() -> None:
    result = RESULTS[0][1]
    zh, en = render_text(result, "zh"), render_text(result, "en")
    with zwgk.language("zh"):
        assert render_text(result) == zh
        assert result.item("9").adjustments[-1].reason == result.item("9").adjustments[-1].reason_in("zh")
        assert result.to_dict()["items"][8]["adjustments"][-1]["reason"] == "窗口缺一项扣0.5分（3次）"
    assert render_text(result) == en  # the library's default is English
    assert result.to_dict()["items"][8]["adjustments"][-1]["reason"] == "窗口缺一项扣0.5分 (3 times)"


@pytest.mark.parametrize(
    "call",
    [
        lambda r: render_text(r, "fr"),  # type: ignore[arg-type]
        lambda r: render_markdown(r, "fr"),  # type: ignore[arg-type]
        lambda r: verdict_text(r, "fr"),  # type: ignore[arg-type]
        lambda r: r.items[0].adjustments[0].reason_in("fr"),
    ],
)
def test_an_unknown_language_is_refused(call: Any) -> None:
    result = RESULTS[0][1]
    with pytest.raises(UnknownLanguageError, match="'fr'"):
        call(result)


def test_evidence_errors_in_chinese() -> None:
    card = load_card("kaifu-2013-streets")
    with zwgk.language("zh"), pytest.raises(EvidenceError) as info:
        score(card, {"period_start": "2026-01-01", "period_end": "2026-03-31", "abuse_of_power": "也许"})
    messages = [(p.message, p.expected) for p in info.value.problems]
    assert (
        "证据类型不符",
        "true/false（或 是/否、有/无） (" + card.fields["abuse_of_power"].description + ")",
    ) in messages
    assert any(m == "缺少证据" for m, _ in messages)


# --------------------------------------------------------------------------- the commands


def _evidence_file(tmp_path: Path) -> Path:
    data = golden("kaifu-2013-streets")
    evidence = case_evidence(
        data, next(c for c in data["cases"] if c["name"] == "half-point-windows-facilities")
    )
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(evidence, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("form", ["text", "md"])
def test_cli_score_prints_one_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, form: str
) -> None:
    path = _evidence_file(tmp_path)
    assert (
        main(["score", "kaifu-2013-streets", str(path), "--as", form, "--unit", "东风路街道", "--lang", lang])
        == 0
    )
    out = re.sub(r"<[^>]+>", " ", capsys.readouterr().out)  # <br> in Markdown cells is markup
    card = load_card("kaifu-2013-streets")
    if lang == "zh":
        assert_one_language(out, "zh", *identifiers(card))
        assert "结论 无及格线" in out
    else:
        assert_one_language(out, "en", *card_texts(card), "东风路街道")
        assert "verdict: no pass mark" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_score_output_file_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    path, target = _evidence_file(tmp_path), tmp_path / "report.md"
    assert (
        main(
            ["score", "kaifu-2013-streets", str(path), "--as", "md", "--output", str(target), "--lang", lang]
        )
        == 0
    )
    line = capsys.readouterr().out.replace(str(target), "FILE")
    assert line == {"zh": "已写出 FILE\n", "en": "wrote FILE\n"}[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_cards_prints_one_language(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    assert main(["cards", "--lang", lang]) == 0
    out = capsys.readouterr().out
    names = [n for line in out.splitlines() for n in line.split()[:1] if n.isascii()]
    if lang == "zh":
        assert out.startswith("考核表：\n")
        assert "加权组合（" in out
        assert_one_language(out, "zh", *sorted(names, key=len, reverse=True))
    else:
        titles = [load_card(n).title for n in zwgk.scoring.list_cards()]
        titles += [load_combination(n).title for n in zwgk.scoring.list_combinations()]
        assert out.startswith("Cards:\n")
        assert_one_language(out, "en", *sorted(titles, key=len, reverse=True))


_SHARED_OPTIONS = ("--json ", "--as ", "--output ", "--force ")  # worded in zwgk._cli._common


@pytest.mark.parametrize(("command", "shared"), [("score", True), ("cards", True), ("card-template", False)])
def test_cli_help_in_chinese(capsys: pytest.CaptureFixture[str], command: str, shared: bool) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh", command, "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：")
    lines = [line for line in out.splitlines() if not (shared and line.strip().startswith(_SHARED_OPTIONS))]
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*|\{zh,en\}", " ", "\n".join(lines))  # the options one types
    allowed = ("CARD", "EVIDENCE.json", "FORMAT", "FILE", "UNIT", "SUFFIX", "JSON", "Schema", "null", "zwgk")
    allowed += (
        "card-template",
        "cards",
        "score",
        "toml",
        "json",
        "result_to_dict",
        "xlsx",
        "csv",
        "html",
        "txt",
    )
    allowed += ("LC_ALL", "LC_MESSAGES", "LANG", "ZWGK_LANG", "zh_", "zh", "en")
    assert_one_language(text, "zh", *sorted(allowed, key=len, reverse=True))


@pytest.mark.parametrize(
    ("lang", "legend", "ylabel"),
    [("zh", ["满分", "得分"], "分"), ("en", ["maximum", "points"], "points scored")],
)
def test_plot_labels_follow_the_language_set(lang: Language, legend: list[str], ylabel: str) -> None:
    pytest.importorskip("matplotlib")
    from zwgk._display import find_cjk_font

    if lang == "zh" and find_cjk_font() is None:
        pytest.skip("Chinese labels need a CJK font")
    with zwgk.language(lang):
        ax = RESULTS[0][1].plot().axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == legend
    assert ax.get_ylabel() == ylabel


def test_evidence_error_locations_in_both_languages() -> None:
    card = load_card("kaifu-2013-streets")
    for lang, where in (("zh", ("考核表", "第1项")), ("en", ("card", "item 1"))):
        with zwgk.language(lang), pytest.raises(EvidenceError) as info:  # type: ignore[arg-type]
            score(card, {})
        locations = {p.location for p in info.value.problems}
        assert set(where) <= locations, locations
