# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # An analyst's notebook: one district's transparency work in 2025–2026
#
# Stored in jupytext "percent" format so that diffs stay readable; open it in Jupyter with
# `jupytext --to notebook analyst.py`, or run it as a script.  The test suite executes it
# end to end (`tests/test_notebook.py`).
#
# It walks through a year of an imagined district office:
#
# 1. the working-day calendar it counts on;
# 2. its disclosure catalog and whether publications kept to their time limits;
# 3. its request ledger: due dates and lateness;
# 4. scoring departments with the 开福区 2013 scorecard;
# 5. the annual report's table 3, built from the ledger and checked;
# 6. plots.

# %%
import datetime as dt
import json
from decimal import Decimal

import pandas as pd

import zwgk.calendar
from zwgk import catalog, reports, requests, scoring

cal = zwgk.calendar.default_calendar()
cov = cal.coverage()
print(f"holiday notices recorded {cov.first} – {cov.last}, data version {cov.data_version}")
assert cov.last == dt.date(2026, 12, 31)

# %% [markdown]
# ## 1. The calendar
#
# Which days of the 2026 Spring Festival period are working days?  (Two Saturdays are.)

# %%
spring = cal.to_frame(dt.date(2026, 2, 13), dt.date(2026, 3, 1))
print(spring[["date", "kind", "working", "notice"]].to_string(index=False))
assert spring.loc[spring.date == dt.date(2026, 2, 28), "working"].item()

# %% [markdown]
# ## 2. The disclosure catalog and its publication log
#
# The sample catalog (an employment and social-insurance catalog with a few deliberate
# defects) and a publication log.

# %%
cat = catalog.sample_catalog()
check = catalog.check_catalog(cat)
findings = pd.DataFrame(
    [{"code": f.code.name, "row": f.sequence, "message": f.message} for f in check.findings]
)
print(f"{len(cat.items)} items, {len(check.findings)} findings")
print(findings.groupby("code").size().sort_values(ascending=False).to_string())
assert len(check.findings) > 0

# %%
log = catalog.sample_publication_log()
compliance = catalog.check_compliance(cat, log, as_of=dt.date(2026, 6, 30))
frame = compliance.to_frame()
print(frame.head(10).to_string(index=False))
print(f"on-time rate: {compliance.on_time_rate}")

# %% [markdown]
# ## 3. The request ledger: due dates and lateness

# %%
LEDGER_CSV = """id,申请人,申请人类型,收到日期,申请方式,办理结果,办结日期
R01,张三,自然人,2025-01-06,当面,予以公开,2025-01-24
R02,李四,自然人,2025-01-20,网上,部分公开,2025-02-28
R03,某科技公司,商业企业,2025-03-03,邮寄,属于国家秘密,2025-03-28
R04,王五,自然人,2025-04-28,网上,本机关不掌握相关政府信息,2025-05-20
R05,某律所,法律服务机构,2025-06-09,网上,予以公开,2025-07-15
R06,赵六,自然人,2025-09-22,当面,重复申请,2025-10-09
R07,某研究院,科研机构,2025-09-29,网上,予以公开,2025-11-05
R08,张三,自然人,2025-12-15,网上,予以公开,2026-01-09
R09,某公益组织,社会公益组织,2025-12-26,邮寄,,
"""
with open("ledger.csv", "w", encoding="utf-8") as f:
    f.write(LEDGER_CSV)
ledger = requests.read_ledger("ledger.csv")
print(f"{len(ledger.requests)} requests")

# %%
rows = []
for r in ledger.requests:
    d = r.deadline()
    late = None
    if r.closed is not None:
        late = max(0, cal.working_days_between(d.due, r.closed)) if d.due else None
    rows.append({"id": r.id, "received": r.received, "due": d.due, "closed": r.closed, "late_wd": late})
lateness = pd.DataFrame(rows).astype({"late_wd": "Int64"})
print(lateness.to_string(index=False))
# R02: received Monday 2025-01-20.  Working days: 1/21–24 (4), Sunday 1/26 is a working day (5), 1/27 (6),
# 1/28–2/4 Spring Festival, 2/5–7 (9), Saturday 2/8 working (10), 2/10–14 (15), 2/17–21 (20) → due 2025-02-21.
# Replied 2025-02-28: 2/24–28, five working days late.
by_id = lateness.set_index("id")
assert by_id.loc["R02", "due"] == dt.date(2025, 2, 21)
assert by_id.loc["R02", "late_wd"] == 5
# R01's due date is Saturday 2025-02-08, a working day (调休上班).
assert by_id.loc["R01", "due"] == dt.date(2025, 2, 8)

# %% [markdown]
# ## 4. Scoring departments (表一, 区直部门)

# %%
card = scoring.load_card("kaifu-2013-departments")
base = dict.fromkeys(scoring.card_template(card))
good = {
    "period_start": "2026-01-01",
    "period_end": "2026-03-31",
    "leading_group_sound": True,
    "leading_group_adjusted_timely": True,
    "work_documents": ["计划", "部署", "总结", "业务报表"],
    "tasks_late": False,
    "work_completed_timely": True,
    "coordination_inadequate": False,
    "window_complaints": False,
    "rules_established": True,
    "catalog_and_guide_ok": True,
    "update_dates": ["2026-01-15", "2026-02-05", "2026-02-27", "2026-03-20"],
    "powers_cleared": True,
    "powers_catalog_compiled": True,
    "powers_flowcharts_drawn": True,
    "online_approval_completed": True,
    "mass_petitions": False,
    "contact_elements": ["name", "address", "hours", "phone", "fax", "email"],
    "request_handling": "compliant",
    "replies_late": False,
    "abuse_of_power": False,
    "complaints_received": False,
    "complaint_channels_missing": False,
    "complaints_resolved": False,
    "complaints_ignored": False,
    "innovation_recognition": "只有群众反映好",
    "innovation_complaints": False,
}
assert set(good) == set(base)
departments = {
    "区民政局": good,
    "区人社局": {**good, "contact_elements": ["name", "phone"], "update_dates": ["2026-01-15"]},
    "区教育局": {**good, "tasks_late": True},
}
results = [scoring.score(card, ev, unit=name) for name, ev in departments.items()]
ranking = scoring.rank(results)
for r in ranking:
    print(r.rank, r.result.unit, r.result.total)
assert ranking[0].result.unit == "区民政局"

# %% [markdown]
# What would 区人社局 gain by publishing its fax number and e-mail?

# %%
people = departments["区人社局"]
change = scoring.what_if(card, people, "contact_elements", [*people["contact_elements"], "fax", "email"])
print(f"{change.before.total} → {change.after.total} ({change.delta:+})")
assert change.delta == Decimal(2)

# %% [markdown]
# ## 5. The annual report for 2025: table 3 from the ledger, then its checks

# %%
report = reports.build_report(ledger, 2025, agency="示例区政务公开办")
print(reports.render_markdown(report)[:1200])
result = reports.check_report(report)
assert result.ok, result
t3 = reports.table3_frame(report)
print(t3.tail(3).to_string())

# %% [markdown]
# The same report as a careless office might publish it: one request too many in the
# natural-person column of row 一.  `check_report` names the identity, the cells and the
# amount it is off by.

# %%
data = json.loads(reports.io.report_to_json(report))
data["table3"]["new"]["natural_person"] += 1
broken = reports.io.report_from_json(json.dumps(data, ensure_ascii=False))
findings = reports.check_report(broken)
assert not findings.ok
for finding in findings.violations:
    print(finding)

# %% [markdown]
# ## 6. Plots

# %%
fig = cal.plot_year(2026, labels="en")
fig.savefig("calendar-2026.png", dpi=80)
fig = requests.DisclosureRequest.deadline(ledger.requests[1]).plot(labels="en")
fig.savefig("deadline-R02.png", dpi=80)
fig = reports.plot_outcomes([report, reports.build_report(ledger, 2026)])
fig.savefig("outcomes.png", dpi=80)
print("figures written")
