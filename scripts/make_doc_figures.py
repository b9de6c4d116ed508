"""Render the figures shown in the docs into ``docs/images/`` (run by hand after a plot changes).

``python scripts/make_doc_figures.py [OUTDIR]`` — every figure in both label languages:
``NAME.zh.png`` (Chinese labels; needs a CJK font such as Noto Sans CJK SC, else zwgk warns and
the script stops) and ``NAME.en.png``.  The test suite runs it into a temporary folder to prove
it still works; the committed PNGs are what the docs site shows.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from zwgk import calendar, deadlines, reports, requests, scoring

OUT = Path(__file__).resolve().parent.parent / "docs" / "images"

# 区民政局, 2026 Q1: the evidence of docs/tutorial/scoring.md.
TUTORIAL_EVIDENCE = {
    "period_start": "2026-01-01",
    "period_end": "2026-03-31",
    "leading_group_sound": True,
    "leading_group_adjusted_timely": "否",
    "work_documents": ["计划", "部署", "总结"],
    "tasks_late": False,
    "work_completed_timely": True,
    "coordination_inadequate": False,
    "window_complaints": False,
    "rules_established": True,
    "catalog_and_guide_ok": True,
    "update_dates": ["2026-01-15", "2026-02-05", "2026-02-27"],
    "powers_cleared": True,
    "powers_catalog_compiled": True,
    "powers_flowcharts_drawn": False,
    "online_approval_completed": True,
    "mass_petitions": False,
    "contact_elements": ["name", "address", "hours", "phone", "email"],
    "request_handling": "compliant",
    "replies_late": False,
    "abuse_of_power": False,
    "complaints_received": True,
    "complaint_channels_missing": False,
    "complaints_resolved": True,
    "complaints_ignored": False,
    "innovation_recognition": "只有群众反映好",
    "innovation_complaints": False,
}


LANGUAGES = ("zh", "en")


def main(out: Path = OUT, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    written = []
    for labels in languages:
        written += _figures(out, labels)
    return written


def _figures(out: Path, labels: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def save(fig: object, name: str) -> None:
        path = out / f"{name}.{labels}.png"
        fig.savefig(path, dpi=80)  # type: ignore[attr-defined]
        written.append(path)

    cal = calendar.default_calendar()
    save(cal.plot_year(2026, labels=labels), "calendar-2026")

    d = dt.date
    deadline = deadlines.reply_deadline(
        d(2026, 9, 28),
        [
            deadlines.ConsultationStarted(d(2026, 10, 9)),
            deadlines.ConsultationEnded(d(2026, 10, 20)),
            deadlines.ExtensionGranted(d(2026, 11, 2), 10),
            deadlines.Replied(d(2026, 11, 20)),
        ],
    )
    save(deadline.plot(labels=labels), "deadline-timeline")

    card = scoring.load_card("kaifu-2013-departments")
    unit = "区民政局" if labels == "zh" else "Civil Affairs Bureau"
    result = scoring.score(card, TUTORIAL_EVIDENCE, unit=unit)
    save(result.plot(labels=labels), "score-breakdown")

    ledger = requests.Ledger(
        (
            requests.DisclosureRequest(
                "A1", "张三", "自然人", d(2025, 3, 3), outcome="予以公开", closed=d(2025, 3, 20)
            ),
            requests.DisclosureRequest(
                "A2", "某公司", "商业企业", d(2025, 6, 2), outcome="部分公开", closed=d(2025, 6, 25)
            ),
            requests.DisclosureRequest(
                "A3",
                "李四",
                "自然人",
                d(2025, 9, 1),
                outcome="本机关不掌握相关政府信息",
                closed=d(2025, 9, 20),
            ),
            requests.DisclosureRequest(
                "B1", "王五", "自然人", d(2026, 2, 2), outcome="予以公开", closed=d(2026, 3, 2)
            ),
            requests.DisclosureRequest(
                "B2", "某律所", "法律服务机构", d(2026, 4, 1), outcome="重复申请", closed=d(2026, 4, 10)
            ),
        )
    )
    save(
        reports.plot_outcomes(
            [reports.build_report(ledger, 2025), reports.build_report(ledger, 2026)], labels=labels
        ),
        "outcomes-by-year",
    )
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(path)
