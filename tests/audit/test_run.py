"""Auditing files and folders: the walk, executors (process pool, threads, Dask), progress, limits."""

from __future__ import annotations

import io
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.audit.helpers import FIXTURES, report, write_json

from zwgk._limits import Limits
from zwgk.audit import audit_paths
from zwgk.errors import InvalidInputError, LimitExceededError


@pytest.fixture
def city(tmp_path: Path) -> Path:
    """A city's folder: two departments' sub-folders, the two fixture pages, a stray note."""
    root = tmp_path / "city"
    shutil.copy(
        FIXTURES / "report_2021.html", (root / "司法局").mkdir(parents=True) or root / "司法局" / "2023.html"
    )
    shutil.copy(FIXTURES / "report_trial.html", (root / "教育局").mkdir() or root / "教育局" / "2020.htm")
    write_json(root / "司法局", "2022.json", report("某市某区司法局", 2022, new=9, carried_forward=2))
    write_json(root / "教育局" / "old", "2021.json", report("某县教育局", 2021, new=3))
    (root / "说明.txt").write_text("这不是年度报告", encoding="utf-8")
    return root


def _names(paths: list[str], root: Path) -> list[str]:
    return [Path(p).relative_to(root).as_posix() for p in paths]


def test_a_folder_is_walked_recursively_in_path_order(city: Path) -> None:
    table = audit_paths([city])
    assert _names([f.file for f in table.files], city) == [
        "说明.txt",
        "司法局/2022.json",
        "司法局/2023.html",
        "教育局/2020.htm",
        "教育局/old/2021.json",
    ]
    assert [f.status for f in table.files] == ["unreadable", "ok", "findings", "findings", "ok"]
    # nothing skipped silently: the note is a row of its own, with the reader's reason
    unread = [f for f in table.findings if f.check == "unreadable"]
    assert _names([f.file for f in unread], city) == ["说明.txt"]
    assert unread[0].message.startswith("cannot be read: ")
    identities = [f.check for f in table.findings if f.check != "section_missing"]
    assert identities == ["unreadable", "identity_1", "identity_3", "identity_4"]


def test_not_recursive_takes_the_folder_s_own_files(city: Path) -> None:
    table = audit_paths([city / "教育局"], recursive=False)
    assert _names([f.file for f in table.files], city) == ["教育局/2020.htm"]


def test_links_to_folders_and_empty_folders_are_rows_not_silence(city: Path, tmp_path: Path) -> None:
    (city / "loop").symlink_to(city, target_is_directory=True)
    empty = tmp_path / "empty"
    empty.mkdir()
    table = audit_paths([city, empty, tmp_path / "gone.html"])
    by_file = {f.file: f for f in table.files}
    assert by_file[str(city / "loop")].status == "unreadable"
    assert "links to folders inside a folder are not followed" in (by_file[str(city / "loop")].error or "")
    assert "a folder with files in it" in (by_file[str(empty)].error or "")
    assert "no such file" in (by_file[str(tmp_path / "gone.html")].error or "")


def test_process_pool_threads_and_serial_agree(city: Path) -> None:
    serial = audit_paths([city], series=True)
    assert audit_paths([city], jobs=2, series=True) == serial
    with ThreadPoolExecutor(2) as pool:
        assert audit_paths([city], executor=pool, series=True) == serial
        assert pool.submit(int, "7").result() == 7  # the caller's executor is not shut down


def test_dask_distributed_executor(city: Path) -> None:
    distributed = pytest.importorskip("distributed")
    serial = audit_paths([city], series=True)
    with (
        distributed.LocalCluster(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert audit_paths([city], executor=client.get_executor(), series=True) == serial


def test_series_across_the_folder(city: Path) -> None:
    table = audit_paths([city], series=True)
    series = [f for f in table.findings if f.check.startswith("series_")]
    # 司法局 2022 carried 2 forward; the 2023 page's 上年结转 says 1 (总计) and 1 (自然人)
    assert [
        (f.check, Path(f.file).name, f.year, Path(f.other_file or "").name, f.other_year) for f in series
    ] == [
        ("series_carry_over", "2023.html", 2023, "2022.json", 2022),
        ("series_carry_over", "2023.html", 2023, "2022.json", 2022),
    ]
    # 教育局: the 2020 page leaves 四、结转下年度继续办理 blank, and 2021 carries nothing over
    assert table.notes == ()


def test_progress_function_sees_every_file(city: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    audit_paths([city], progress=lambda done, total, file: seen.append((done, total, file)))
    assert [d for d, _, _ in seen] == [1, 2, 3, 4, 5]
    assert {t for _, t, _ in seen} == {5}
    seen.clear()
    audit_paths([city], jobs=2, progress=lambda done, total, file: seen.append((done, total, file)))
    assert sorted(d for d, _, _ in seen) == [1, 2, 3, 4, 5]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("tqdm")
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stderr", plain)
    audit_paths([city], progress=True)
    assert plain.getvalue() == ""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    audit_paths([city], progress=True)
    assert "0/5 [" in terminal.getvalue()  # the bar, drawn and then cleared (leave=False)


def test_no_bar_without_tqdm(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support import hide_package

    hide_package(monkeypatch, "tqdm")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert len(audit_paths([city], progress=True).files) == 5
    assert terminal.getvalue() == ""


def test_limits(city: Path) -> None:
    with pytest.raises(LimitExceededError, match="max_files"):
        audit_paths([city], limits=Limits(max_files=4))
    tight = audit_paths([FIXTURES / "report_2021.html"], limits=Limits(max_file_bytes=100))
    assert tight.files[0].status == "unreadable"
    assert "max_file_bytes" in (tight.files[0].error or "")
    with pytest.raises(InvalidInputError, match="jobs"):
        audit_paths([city], jobs=-1)


def test_an_empty_list_is_an_empty_table() -> None:
    table = audit_paths([])
    assert (table.findings, table.files, table.ok) == ((), (), True)
