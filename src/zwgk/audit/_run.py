"""Auditing files and folders, in parallel on any ``concurrent.futures.Executor``, with progress.

The work items are file paths (picklable); a worker reads one file with
[`zwgk.reports.load_report`][], runs [`audit_report`][zwgk.audit.audit_report] on it and returns the
file's status line and findings (and, for the series checks, the few figures they compare).
Nothing is skipped silently: a file that cannot be read is a row of check ``unreadable``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import attrs

from zwgk._i18n import Language, gettext, language, resolve
from zwgk._lang import N_
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._optional import import_extra
from zwgk.audit._agencies import by_resolved_path
from zwgk.audit._report import audited_file, unreadable
from zwgk.audit._series import SeriesThresholds, _Point, series_point, series_table, series_thresholds
from zwgk.audit._table import AuditedFile, AuditFinding, AuditTable
from zwgk.errors import InvalidInputError, LimitExceededError, MissingExtraError, ZwgkError

__all__ = ["audit_paths", "collect_files"]

#: Progress as a callable: ``progress(done, total, file)`` after each file.
ProgressFunction = Callable[[int, int, str], object]

#: Errors that make one file unreadable without stopping the audit of the others: zwgk's
#: readers' errors, an unreadable file (permissions), undecodable text, nesting that defeats
#: a parser.
_FILE_ERRORS = (ZwgkError, OSError, UnicodeError, RecursionError)


@attrs.frozen
class _Item:
    """One file to audit, or a path that is not read (``problem``: what was expected instead)."""

    file: str
    problem: str | None = None


def collect_files(
    paths: Iterable[str | Path], *, recursive: bool = True, limits: Limits = DEFAULT_LIMITS
) -> tuple[_Item, ...]:
    """The files to audit: each file as given; of each folder, its own files (by name), then
    each sub-folder's in turn (by name).

    Folders are walked recursively (``recursive=False``: their files only); a link to a
    folder inside a walked folder is not followed and becomes an item with a ``problem``
    (so a loop cannot make the walk endless, and the link is not skipped silently), and so
    does a folder given that holds no file.  A path that does not exist is kept: reading it
    says so.

    Raises:
        LimitExceededError: more than ``limits.max_files`` files.
    """
    items: list[_Item] = []

    def add(item: _Item) -> None:
        items.append(item)
        if len(items) > limits.max_files:
            raise LimitExceededError.too_many(
                "the audit",
                "max_files",
                limits.max_files,
                len(items),
                where="the inputs",
                unit="files or more",
            )

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            add(_Item(str(given)))
            continue
        before = len(items)
        for item in _walk(path, recursive):
            add(item)
        if len(items) == before:
            add(_Item(str(given), gettext("an existing report file, or a folder with files in it")))
    return tuple(items)


def _walk(folder: Path, recursive: bool) -> Iterator[_Item]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        base = Path(root)
        for name in sorted(files):
            yield _Item(str(base / name))
        links = [d for d in dirs if (base / d).is_symlink()]
        for name in links:
            problem = gettext("a report file (links to folders inside a folder are not followed)")
            yield _Item(str(base / name), problem)
        dirs[:] = [d for d in dirs if d not in links] if recursive else []


@attrs.frozen
class _Answer:
    status: AuditedFile
    findings: tuple[AuditFinding, ...]
    point: _Point | None


def _audit_one(item: _Item, limits: Limits, thresholds: SeriesThresholds | None) -> _Answer:
    from zwgk.reports.io import read_report

    if item.problem is not None:
        status, findings = unreadable(item.file, InvalidInputError("path", item.file, item.problem))
        return _Answer(status, findings, None)
    try:
        result = read_report(item.file, limits=limits)
    except _FILE_ERRORS as exc:
        status, findings = unreadable(item.file, exc)
        return _Answer(status, findings, None)
    report = result.report
    status, findings = audited_file(report, item.file, result.problems)
    point = None if thresholds is None else series_point(report, item.file, thresholds)
    return _Answer(status, findings, point)


def _audit_chunk(
    chunk: tuple[_Item, ...], limits: Limits, thresholds: SeriesThresholds | None, lang: Language = "en"
) -> tuple[_Answer, ...]:
    """The worker: audit each file of ``chunk`` in turn (module level, so processes can run it),
    in the caller's language (a worker process does not inherit it): the readers' errors are
    worded where they are raised."""
    with language(lang):
        return tuple(_audit_one(item, limits, thresholds) for item in chunk)


class _Ticker:
    """Progress: a tqdm bar on a terminal, a caller's function, or nothing."""

    def __init__(self, progress: bool | ProgressFunction, total: int) -> None:
        self.total = total
        self.done = 0
        self.bar: Any = None
        self.function: ProgressFunction | None = None
        if callable(progress):
            self.function = progress
        elif progress and sys.stderr.isatty():
            try:
                tqdm = import_extra("tqdm", "progress", N_("a progress bar"))
            except MissingExtraError:  # no bar without tqdm; the audit is the same
                return
            self.bar = tqdm.tqdm(
                total=total,
                desc=gettext("auditing reports"),
                unit=gettext("file"),
                file=sys.stderr,
                leave=False,
            )

    def tick(self, files: Sequence[str]) -> None:
        for file in files:
            self.done += 1
            if self.function is not None:
                self.function(self.done, self.total, file)
        if self.bar is not None:
            self.bar.update(len(files))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _chunks(items: Sequence[_Item], workers: int) -> list[tuple[_Item, ...]]:
    """Batches of files: a few per worker round trip, small enough for the progress to move."""
    size = max(1, min(16, len(items) // (8 * max(1, workers))))
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)]


def _workers(jobs: int) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise InvalidInputError("jobs", jobs, gettext("a whole number of 0 (one per core) or more"))
    return jobs or os.cpu_count() or 1


def audit_paths(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    progress: bool | ProgressFunction = False,
    recursive: bool = True,
    series: bool = False,
    agencies: Mapping[str, str] | None = None,
    thresholds: SeriesThresholds | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> AuditTable:
    """Audit report files and folders: every file is read and checked, each in one work item.

    Which files: each file given, and every regular file of each folder given (recursively
    unless ``recursive=False``), whatever its name; the reader decides whether it is a report,
    and a file that is not one is a row of check ``unreadable`` with the reader's message —
    nothing is skipped silently.

    Args:
        paths: files and folders.
        jobs: processes to run when no ``executor`` is given: 1 (default) audits in this
            process; 0 means one per core.
        executor: any `concurrent.futures.Executor` — a process or thread pool, or a
            Dask distributed ``Client.get_executor()``; it is used as given and not shut
            down.  Work items (tuples of paths) and answers are picklable.
        progress: ``True``: a tqdm bar on standard error when it is a terminal (extra
            ``zwgk[progress]``; without tqdm or a terminal, none); or a function called as
            ``progress(done, total, file)`` after each file.
        recursive: walk sub-folders too.
        series: also run [`check_series`][zwgk.audit.check_series] across the readable reports.
        agencies: for the series checks, file → agency (a key matches a file of the table
            when both name one path, e.g. ``city/a.html`` and ``./city/a.html``); see
            [`read_agencies`][zwgk.audit.read_agencies] for a CSV file of them.
        thresholds: for the series checks (default [`series_thresholds`][zwgk.audit.series_thresholds]).
        limits: every reader's bounds (default `DEFAULT_LIMITS`), and
            ``max_files`` for the walk.

    Returns:
        The [`AuditTable`][zwgk.audit.AuditTable]: findings in the order of the files, one status
        per file, then the series findings and notes.

    Raises:
        LimitExceededError: the inputs hold more than ``limits.max_files`` files.
        InvalidInputError: ``jobs`` is negative.
    """
    workers = _workers(jobs)
    lang = resolve(None)
    items = collect_files(paths, recursive=recursive, limits=limits)
    wanted = (thresholds or series_thresholds()) if series else None
    ticker = _Ticker(progress, len(items))
    answers: list[tuple[_Answer, ...]] = []
    try:
        if executor is None and (workers == 1 or len(items) < 2):
            for item in items:
                answers.append(_audit_chunk((item,), limits, wanted, lang))
                ticker.tick((item.file,))
        elif executor is None:
            with ProcessPoolExecutor(max_workers=min(workers, len(items))) as pool:
                answers = _run(
                    pool,
                    items=items,
                    workers=workers,
                    limits=limits,
                    thresholds=wanted,
                    ticker=ticker,
                    lang=lang,
                )
        else:
            answers = _run(
                executor,
                items=items,
                workers=max(workers, 2),
                limits=limits,
                thresholds=wanted,
                ticker=ticker,
                lang=lang,
            )
    finally:
        ticker.close()
    flat = [a for chunk in answers for a in chunk]
    table = AuditTable(tuple(f for a in flat for f in a.findings), tuple(a.status for a in flat), ())
    if series:
        points = [a.point for a in flat if a.point is not None]
        named = by_resolved_path(agencies or {}, (p.file for p in points))
        table = table + series_table(points, agencies=named, thresholds=wanted)
    return table


def _run(
    executor: Executor,
    *,
    items: Sequence[_Item],
    workers: int,
    limits: Limits,
    thresholds: SeriesThresholds | None,
    ticker: _Ticker,
    lang: Language,
) -> list[tuple[_Answer, ...]]:
    chunks = _chunks(items, workers)
    futures = {
        executor.submit(_audit_chunk, chunk, limits, thresholds, lang): i for i, chunk in enumerate(chunks)
    }
    results: list[tuple[_Answer, ...]] = [() for _ in chunks]
    for future in as_completed(futures):
        i = futures[future]
        results[i] = future.result()
        ticker.tick([item.file for item in chunks[i]])
    return results
