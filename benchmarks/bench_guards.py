"""Benchmark (issue 11): ``inspect_xlsx`` against openpyxl's own read-only pass over the same file.

Writes a realistic 5,000-row, 10-column catalog-like workbook (Chinese text, dates, numbers,
one merged banner) with openpyxl in a temporary directory, then times, best of 5:

- ``inspect_xlsx(path, DEFAULT_LIMITS, name)`` — the check every reader will run first;
- ``load_workbook(path, read_only=True, data_only=True)`` and iterating every row with
  ``values_only=True`` — the cheapest way openpyxl reads the file.

Run ``python benchmarks/bench_guards.py``; it prints both times and their ratio (the
guard's cost as a fraction of openpyxl's cheapest read).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROWS, COLUMNS, REPEAT = 5_000, 10, 5


def _write(path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["某市人力资源和社会保障局政务公开事项目录"] + [None] * (COLUMNS - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=COLUMNS)
    ws.append(
        [
            "序号",
            "一级事项",
            "二级事项",
            "公开内容",
            "公开依据",
            "公开时限",
            "公开主体",
            "公开渠道",
            "公开对象",
            "日期",
        ]
    )
    day = dt.date(2026, 1, 1)
    for i in range(ROWS - 2):
        ws.append(
            [
                i + 1,
                f"就业创业{i % 12}",
                f"职业技能培训补贴申领{i}",
                "补贴标准、申领条件、办理流程",
                "《中华人民共和国政府信息公开条例》第二十条",
                "信息形成或变更之日起20个工作日内",
                "市人力资源和社会保障局",
                "政府网站、政务新媒体",
                "全社会",
                day + dt.timedelta(days=i % 365),
            ]
        )
    book.save(path)


def _openpyxl_read(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in book.active.iter_rows(values_only=True))
    finally:
        book.close()


def _best(call: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    from zwgk._limits import DEFAULT_LIMITS
    from zwgk._xlsx_guard import inspect_xlsx

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.xlsx"
        _write(path)
        shape = inspect_xlsx(path, DEFAULT_LIMITS, path.name)
        sheet = shape.sheets[0]
        assert (sheet.rows, sheet.columns) == (ROWS, COLUMNS), sheet
        guard = _best(lambda: inspect_xlsx(path, DEFAULT_LIMITS, path.name))
        read = _best(lambda: _openpyxl_read(path))
        size = path.stat().st_size
    print(f"workbook: {ROWS} rows × {COLUMNS} columns, {size / 1024:.0f} KiB, {sheet.cells} stored cells")
    print(f"inspect_xlsx:                          {guard * 1000:8.1f} ms")
    print(f"openpyxl read_only load + iter_rows:   {read * 1000:8.1f} ms")
    print(f"ratio guard / openpyxl:                {guard / read:8.2f}")


if __name__ == "__main__":
    main()
