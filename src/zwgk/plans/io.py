"""Reading work plans: TOML, JSON and XLSX files in, [`Plan`][zwgk.plans.Plan] out.

The file shape (TOML shown; JSON is the same with dates as ``"YYYY-MM-DD"`` text):

```toml
name = "chuxiong-2018"
title = "楚雄市人社局基层政务公开标准化规范化试点工作实施方案"
source = "…"
roll_forward = true          # optional, default true (see zwgk.plans.Plan)

[[phases]]
id = "implement"
title = "实施阶段"
end = 2018-04-30             # start and end optional

[[tasks]]
id = "1"
title = "梳理政务公开事项"
owners = "局办公室、信息中心"  # or a list; split on 、，, /
due = 2018-04-30             # a date, or:
# after = "1", within = "10个工作日"          (counted from task 1's completion day, else its due)
# every = "每季度", start = 2025-01-01, end = 2025-12-31
phase = "implement"
done = 2018-04-27            # recurring: done = { "2025Q1" = 2025-03-28, … }
notes = "…"
```

The XLSX layout is the one offices use: a header row with 序号, 工作任务, 责任单位, 完成时限,
备注 and optionally 编号 (the id; default 序号), 阶段, 前置任务 (after), 开始日期, 结束日期 and
完成日期.  完成时限 holds a date (2018年4月30日前), a recurrence (每季度; needs 开始日期), or a
period (10个工作日; needs 前置任务).  For a recurring row, 完成日期 lists
``2025Q1=2025-03-28；2025Q2=2025-06-30``.

Every structural problem of a file is listed in one [`InvalidRecordsError`][zwgk.errors.InvalidRecordsError];
bad phrases raise [`PlanRuleError`][zwgk.errors.PlanRuleError], bad references
[`PlanReferenceError`][zwgk.errors.PlanReferenceError] and cycles
[`PlanCycleError`][zwgk.errors.PlanCycleError].
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from zwgk._dates import DATE_FORMS, parse_date
from zwgk._files import default_sheet, existing_file, load_workbook, read_input_text, sheet_rows, sheet_shape
from zwgk._i18n import N_, Message, gettext, msg
from zwgk._json_guard import load_json, load_toml
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._optional import import_extra
from zwgk.errors import InvalidInputError, InvalidRecordsError, InvalidTypeError, Problem
from zwgk.plans._model import FixedDue, Phase, Plan, RelativeDue, Task, split_owners
from zwgk.plans._rules import parse_every, parse_within

__all__ = [
    "load_plan",
    "plan_from_dict",
    "plan_from_rows",
    "sample_plan",
    "sample_plan_path",
    "sample_plan_text",
]

_SAMPLE = "chuxiong-2018.toml"
_TASK_KEYS = frozenset(
    {
        "id",
        "title",
        "owners",
        "due",
        "after",
        "within",
        "every",
        "start",
        "end",
        "phase",
        "done",
        "notes",
        "source",
    }
)
_PLAN_KEYS = frozenset({"name", "title", "source", "roll_forward", "notes", "phases", "tasks"})
_PHASE_KEYS = frozenset({"id", "title", "start", "end"})


_PLAN = N_("plan")  # where a problem of the plan's own keys is


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self, where: str, message: str, field: str | None, value: object, expected: str | Message
    ) -> None:
        """Record a problem; ``message`` is a msgid (marked with ``N_``), worded now."""
        worded = expected.render() if isinstance(expected, Message) else gettext(expected)
        self.problems.append(Problem(gettext(where), gettext(message), field, value, worded))

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(where, N_("missing"), key, None, N_("text"))
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            self.add(where, N_("not text"), key, value, N_("text"))
            return ""
        return value.strip()

    def date(self, data: Mapping[str, Any], key: str, where: str) -> dt.date | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        try:
            return parse_date(value, key, datetimes=False)
        except (InvalidInputError, InvalidTypeError):
            self.add(where, N_("not a date"), key, value, msg("a date {forms}", forms=msg(DATE_FORMS)))
            return None


def plan_from_dict(data: Mapping[str, Any], *, source: str = "<dict>", name: str | None = None) -> Plan:
    """Build a plan from a mapping shaped like a plan file (see the module docstring).

    Raises:
        InvalidRecordsError: lists every structural problem.
        PlanRuleError: a task's due rule cannot be read (see [`Plan`][zwgk.plans.Plan]).
        PlanReferenceError: a task names a task or phase the plan lacks.
        PlanCycleError: tasks depend on each other in a circle (``after`` links).
    """
    c = _Collector()
    for key in sorted(set(data) - _PLAN_KEYS):
        c.add(
            _PLAN,
            N_("unknown key"),
            key,
            data[key],
            msg("one of {names}", names=", ".join(sorted(_PLAN_KEYS))),
        )
    plan_name = c.text(data, "name", "plan") or name or Path(source).stem
    phases: list[Phase] = []
    for i, raw in enumerate(_tables(data.get("phases"), "phases", c)):
        where = f"phases[{i}]"
        for key in sorted(set(raw) - _PHASE_KEYS):
            c.add(
                where,
                N_("unknown key"),
                key,
                raw[key],
                msg("one of {names}", names=", ".join(sorted(_PHASE_KEYS))),
            )
        pid = c.text(raw, "id", where, required=True)
        phases.append(
            Phase(
                pid,
                c.text(raw, "title", where) or pid,
                c.date(raw, "start", where),
                c.date(raw, "end", where),
            )
        )
    tasks: list[Task] = []
    raw_tasks = _tables(data.get("tasks"), "tasks", c)
    if not raw_tasks:
        c.add(_PLAN, N_("no tasks"), "tasks", None, N_("at least one [[tasks]] table"))
    pending: list[tuple[int, Mapping[str, Any]]] = []
    for i, raw in enumerate(raw_tasks):
        where = f"tasks[{i}]"
        for key in sorted(set(raw) - _TASK_KEYS):
            c.add(
                where,
                N_("unknown key"),
                key,
                raw[key],
                msg("one of {names}", names=", ".join(sorted(_TASK_KEYS))),
            )
        pending.append((i, raw))
    roll = data.get("roll_forward", True)
    if not isinstance(roll, bool):
        c.add(_PLAN, N_("not a boolean"), "roll_forward", roll, N_("true or false"))
        roll = True
    built = [(i, raw, _task_parts(raw, f"tasks[{i}]", c)) for i, raw in pending]
    if c.problems:
        raise InvalidRecordsError(source, c.problems)
    for _, raw, parts in built:
        tasks.append(_task(plan_name, raw, parts))
    return Plan(
        name=plan_name,
        title=c.text(data, "title", "plan") or plan_name,
        tasks=tuple(tasks),
        phases=tuple(phases),
        source=c.text(data, "source", "plan"),
        roll_forward=roll,
        notes=c.text(data, "notes", "plan"),
    )


def _tables(value: object, key: str, c: _Collector) -> list[Mapping[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        c.add(_PLAN, N_("not a list of tables"), key, value, msg("[[{key}]] tables", key=key))
        return []
    return list(value)


def _task_parts(raw: Mapping[str, Any], where: str, c: _Collector) -> dict[str, Any]:
    parts: dict[str, Any] = {
        "id": c.text(raw, "id", where, required=True),
        "title": c.text(raw, "title", where, required=True),
        "after": c.text(raw, "after", where) or None,
        "within": c.text(raw, "within", where) or None,
        "every": c.text(raw, "every", where) or None,
        "phase": c.text(raw, "phase", where) or None,
        "notes": c.text(raw, "notes", where),
        "source": c.text(raw, "source", where),
        "due": c.date(raw, "due", where),
        "start": c.date(raw, "start", where),
        "end": c.date(raw, "end", where),
    }
    owners = raw.get("owners", [])
    if isinstance(owners, str) or (isinstance(owners, list) and all(isinstance(o, str) for o in owners)):
        parts["owners"] = split_owners(owners)
    else:
        c.add(where, N_("not text or a list of text"), "owners", owners, N_("责任单位 text or a list"))
        parts["owners"] = ()
    done = raw.get("done")
    parts["done"], parts["done_occurrences"] = None, ()
    if isinstance(done, Mapping):
        pairs = []
        for label, day in done.items():
            value = c.date({str(label): day}, str(label), f"{where}.done")
            if value is not None:
                pairs.append((str(label), value))
        parts["done_occurrences"] = tuple(pairs)
    elif done is not None:
        parts["done"] = c.date(raw, "done", where)
    kinds = [k for k in ("due", "within", "every") if parts[k] is not None]
    if len(kinds) > 1:
        c.add(
            where, N_("conflicting due rules"), "+".join(kinds), None, N_("one of due, after + within, every")
        )
    if parts["within"] is not None and parts["after"] is None:
        c.add(
            where, N_("within without after"), "after", None, N_("the id of the task the period counts from")
        )
    if parts["every"] is not None and parts["start"] is None:
        c.add(where, N_("every without start"), "start", None, N_("the first day of the recurrence"))
    if parts["every"] is None and parts["done_occurrences"]:
        c.add(where, N_("per-occurrence done on a one-off task"), "done", done, N_("done = DATE"))
    if parts["every"] is not None and parts["done"] is not None:
        c.add(
            where,
            N_("a single done on a recurring task"),
            "done",
            done,
            N_('done = { "2025Q1" = 2025-03-28, … }'),
        )
    return parts


def _task(plan: str, raw: Mapping[str, Any], p: dict[str, Any]) -> Task:
    due: Any = None
    if p["due"] is not None:
        due = FixedDue(p["due"])
    elif p["within"] is not None:
        due = RelativeDue(p["after"], parse_within(p["within"], plan=plan, task=p["id"]))
    elif p["every"] is not None:
        due = parse_every(p["every"], p["start"], p["end"], plan=plan, task=p["id"])
    return Task(
        id=p["id"],
        title=p["title"],
        owners=p["owners"],
        due=due,
        after=p["after"],
        phase=p["phase"],
        done=p["done"],
        done_occurrences=p["done_occurrences"],
        notes=p["notes"],
        source=p["source"],
    )


# ----------------------------------------------------------------------------- spreadsheets

_XLSX_COLUMNS = "序号, 工作任务, 责任单位, 完成时限, 备注"  # the header row of a plan sheet

_COLUMNS = MappingProxyType(
    {
        "序号": "number",
        "编号": "id",
        "工作任务": "title",
        "任务": "title",
        "责任单位": "owners",
        "完成时限": "limit",
        "备注": "notes",
        "阶段": "phase",
        "前置任务": "after",
        "开始日期": "start",
        "结束日期": "end",
        "完成日期": "done",
    }
)
_REQUIRED = ("title", "owners", "limit")
_DEADLINE_TAIL = re.compile(r"(?:之?前|以前)?(?:完成)?$")
_PERIOD = re.compile(r"\d+\s*个?\s*(?:工作日|日|天|月)")
_PAIR = re.compile(r"\s*([^=＝:：；;，,\s]+)\s*[=＝:：]\s*([^；;，,]+)")


def _cell(value: object) -> object:
    return value.date() if isinstance(value, dt.datetime) else value


def plan_from_rows(
    rows: Sequence[Sequence[object]], *, source: str = "<rows>", name: str | None = None
) -> Plan:
    """Build a plan from spreadsheet rows: the first row holding 工作任务 is the header.

    Raises:
        InvalidRecordsError: no header, or cells that cannot be read (every one listed).
    """
    header_at = next(
        (i for i, row in enumerate(rows) if any(str(v or "").strip() in ("工作任务", "任务") for v in row)),
        None,
    )
    if header_at is None:
        raise InvalidRecordsError(
            source,
            [
                Problem(
                    gettext("header"),
                    gettext("no header row"),
                    "工作任务",
                    None,
                    msg("a row with {columns}", columns=_XLSX_COLUMNS).render(),
                )
            ],
        )
    header = [_COLUMNS.get(str(v or "").strip()) for v in rows[header_at]]
    missing = [k for k in _REQUIRED if k not in header]
    if missing:
        names = {v: k for k, v in _COLUMNS.items()}
        raise InvalidRecordsError(
            source,
            [
                Problem(gettext("header"), gettext("missing column"), names[m], None, _XLSX_COLUMNS)
                for m in missing
            ],
        )
    problems: list[Problem] = []
    tasks: list[dict[str, Any]] = []
    phases: dict[str, None] = {}
    for r, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        cells = {key: _cell(row[i]) for i, key in enumerate(header) if key is not None and i < len(row)}
        if not any(str(v or "").strip() for v in cells.values()):
            continue
        where = msg("row {n}", n=r).render()
        task: dict[str, Any] = {
            "id": str(cells.get("id") or cells.get("number") or r).strip(),
            "title": str(cells.get("title") or "").strip(),
            "owners": str(cells.get("owners") or ""),
            "notes": str(cells.get("notes") or "").strip(),
        }
        for key in ("phase", "after"):
            if str(cells.get(key) or "").strip():
                task[key] = str(cells[key]).strip()
        if "phase" in task:
            phases[task["phase"]] = None
        for key in ("start", "end"):
            if cells.get(key) not in (None, ""):
                task[key] = cells[key]
        limit = cells.get("limit")
        text = str(limit or "").strip()
        if isinstance(limit, dt.date | dt.datetime):
            task["due"] = limit
        elif text.startswith("每"):
            task["every"] = text
        elif "after" in task and _PERIOD.search(text) and "年" not in text:
            task["within"] = _PERIOD.search(text).group(0)  # type: ignore[union-attr]
        elif text:
            task["due"] = _DEADLINE_TAIL.sub("", text).strip()
        else:
            problems.append(
                Problem(
                    where,
                    gettext("empty"),
                    "完成时限",
                    None,
                    gettext("a date, 每… or a period after 前置任务"),
                )
            )
        done = cells.get("done")
        if done not in (None, ""):
            if "every" in task:
                task["done"] = dict(_PAIR.findall(str(done)))
            else:
                task["done"] = done
        tasks.append(task)
    if problems:
        raise InvalidRecordsError(source, problems)
    data: dict[str, Any] = {"tasks": tasks, "phases": [{"id": p} for p in phases]}
    return plan_from_dict(data, source=source, name=name or Path(source).stem)


def _read_xlsx(path: Path, limits: Limits) -> Plan:
    openpyxl = import_extra("openpyxl", "xlsx", gettext("reading XLSX work plans"))
    workbook, shape = load_workbook(openpyxl, path, read_only=True, limits=limits)
    try:
        ws = default_sheet(workbook, path)
        rows = sheet_rows(ws, sheet_shape(shape, ws.title))
    finally:
        workbook.close()
    return plan_from_rows(rows, source=path.name, name=path.stem)


def load_plan(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Plan:
    """Read a plan from a ``.toml``, ``.json`` or ``.xlsx`` file (by suffix).

    Raises:
        MissingFileError: the file does not exist.
        DataFileError: it cannot be parsed, or has an unknown suffix.
        InvalidRecordsError: its content is bad (every problem listed).
        PlanRuleError: a task's due rule cannot be read.
        PlanReferenceError: a task names a task or phase the plan lacks.
        PlanCycleError: tasks depend on each other in a circle (``after`` links).
    """
    target = existing_file(path, gettext("work plan (.toml, .json or .xlsx)"))
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(target, limits)
    if suffix not in (".toml", ".json"):
        from zwgk.errors import DataFileError

        raise DataFileError(
            target.name,
            [
                Problem(
                    str(target),
                    gettext("unknown file type"),
                    "suffix",
                    suffix,
                    gettext(".toml, .json or .xlsx"),
                )
            ],
        )
    _, text = read_input_text(target, gettext("work plan"), limits=limits)
    if suffix == ".toml":
        data: object = load_toml(text, limits=limits, source=target.name)
    else:
        data = load_json(text, limits=limits, source=target.name)
    if not isinstance(data, Mapping):
        raise InvalidRecordsError(
            target.name,
            [Problem(gettext("document"), gettext("not an object"), None, data, gettext("a plan object"))],
        )
    return plan_from_dict(data, source=target.name, name=target.stem)


def sample_plan_path() -> Path:
    """Path of the bundled sample plan (seed 001: 楚雄市人社局 2018 试点实施方案)."""
    return Path(str(importlib.resources.files("zwgk.plans") / "data" / _SAMPLE))


def sample_plan_text() -> str:
    """The bundled sample plan as TOML text (what ``zwgk plan sample`` prints)."""
    return (importlib.resources.files("zwgk.plans") / "data" / _SAMPLE).read_text(encoding="utf-8")


def sample_plan() -> Plan:
    """The bundled sample plan (seed 001's dated tasks, with citations)."""
    return load_plan(sample_plan_path())
