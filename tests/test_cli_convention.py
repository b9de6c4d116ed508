"""One CLI convention (issue 18, item 3), checked over the whole command tree.

The walk builds the parser and visits every command and subcommand: a description; help
without raw markup; the exit-code epilog; ``--json`` wherever a result is printed;
``--force`` beside every ``--output``; ``-`` accepted by every file positional; no
``--format``.  Then ``-`` on standard input end to end, the exit-1 line, and the reference
page against the parser.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from zwgk._cli import build_parser
from zwgk._cli._common import EXIT_EPILOG, InputPath
from zwgk._cli._reference import BEGIN, END, commands, reference_markdown

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = dict(commands(build_parser()))
LEAVES = {
    prog: p
    for prog, p in COMMANDS.items()
    if not any(isinstance(a, argparse._SubParsersAction) for a in p._actions)
}
# Commands whose standard output is not a result to parse: a file's own content, or one
# acknowledgement line about what was written to the register.
NO_JSON = {
    "zwgk plan sample": "prints the sample plan's TOML",
    "zwgk report sample": "prints the sample ledger's CSV",
    "zwgk plan ical": "prints iCalendar",
    "zwgk completion": "prints a shell script",
    "zwgk register init": "acknowledgement",
    "zwgk register add": "acknowledgement",
    "zwgk register event": "acknowledgement",
    "zwgk register import": "acknowledgement",
    "zwgk register export": "acknowledgement (the ledger goes to --output)",
    "zwgk register purge": "acknowledgement",
}
MARKUP = ("::", "``", "%%")
# Options whose value names a file but that do not read one as a stream, so ``-`` has no
# meaning for them: files written (the result, a record folder) and the register database,
# which is opened, queried and written in place (a SQLite file or a database URL).
NOT_READ = {
    "--output": "a file written",
    "--write": "a folder written",
    "--db": "the register database, opened and written in place",
    "--register": "the register database, by URL",
    "--stdin-as": "the kind of standard input, not a file",
}
# A value that names a file: FILE/PATH metavars, or help saying "file".
_FILE_VALUED = re.compile(r"\bfiles?\b", re.IGNORECASE)


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings}


def test_the_tree_is_walked() -> None:
    assert {"zwgk catalog check", "zwgk report build", "zwgk score", "zwgk completion"} <= set(LEAVES)
    assert set(NO_JSON) <= set(LEAVES)


@pytest.mark.parametrize("prog", sorted(COMMANDS))
def test_description_and_clean_help(prog: str) -> None:
    parser = COMMANDS[prog]
    assert parser.description, f"{prog} has no description"
    assert parser.description.strip(), f"{prog} has an empty description"
    text = parser.format_help()
    for mark in MARKUP:
        assert mark not in text, f"{prog} --help shows raw markup {mark!r}"
    assert EXIT_EPILOG.strip() in text, f"{prog} --help does not name the exit codes"
    for code in ("0  success", "1  the command ran and found problems", "2  bad usage", "3  internal error"):
        assert code in text


@pytest.mark.parametrize("prog", sorted(LEAVES))
def test_options_follow_the_convention(prog: str) -> None:
    parser = LEAVES[prog]
    options = _options(parser)
    assert "--format" not in options, f"{prog}: --format is gone (--as for files, --layout for reports)"
    if prog not in NO_JSON:
        assert "--json" in options, f"{prog} prints a result but has no --json"
    if "--output" in options:
        assert "--force" in options, f"{prog}: --output without --force"
    for action in parser._actions:
        if action.option_strings or not re.search(r"\bfile\b", action.help or ""):
            continue
        assert isinstance(action.type, InputPath), f"{prog} {action.dest}: a file positional must accept -"
        assert "--stdin-as" in options
    for action in _file_options(parser):
        assert isinstance(action.type, InputPath), f"{prog} {action.option_strings[-1]}: must accept -"
        assert "--stdin-as" in options


def _file_options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The options of ``parser`` whose value is a file (or folder) to read."""
    return [
        action
        for action in parser._actions
        if action.option_strings
        and action.nargs != 0
        and not set(action.option_strings) & set(NOT_READ)
        and (
            str(action.metavar or "").split(".")[0] in ("FILE", "PATH")
            or bool(_FILE_VALUED.search(action.help or ""))
        )
    ]


def test_the_file_options_are_found() -> None:
    # the walk finds every kind of file-valued option the tree has (a rename cannot hide one)
    found = {(prog, a.option_strings[-1]) for prog, p in LEAVES.items() for a in _file_options(p)}
    assert {
        ("zwgk calendar", "--notices"),
        ("zwgk workdays add", "--notices"),
        ("zwgk report build", "--counts"),
        ("zwgk fees per-request", "--ledger"),
        ("zwgk rounds", "--designations"),
    } <= found
    assert not {o for _, o in found} & set(NOT_READ)


def _zwgk(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "zwgk", *args], input=stdin, capture_output=True, check=False, timeout=120
    )


def _sample(*args: str) -> bytes:
    return _zwgk(*args).stdout


def test_catalog_check_from_stdin_says_what_exit_1_means() -> None:
    from zwgk.catalog.io import sample_catalog_path

    result = _zwgk("catalog", "check", "-", stdin=sample_catalog_path().read_bytes())
    assert result.returncode == 1
    assert "7 defects" in result.stdout.decode()
    assert result.stderr.decode().splitlines()[-1] == "zwgk: 7 findings (exit code 1)"
    named = _zwgk("catalog", "check", "-", "--stdin-as", "csv", stdin=sample_catalog_path().read_bytes())
    assert named.returncode == 1
    assert named.stdout == result.stdout


def test_score_evidence_from_stdin() -> None:
    template = _sample("card-template", "kaifu-2013-windows")
    result = _zwgk("score", "kaifu-2013-windows", "-", "--lenient", "--json", stdin=template)
    assert result.returncode == 0, result.stderr
    assert b'"card": "kaifu-2013-windows"' in result.stdout


def test_plan_status_from_stdin_and_json() -> None:
    plan = _sample("plan", "sample")
    result = _zwgk("plan", "status", "-", "--as-of", "2018-03-01", "--json", stdin=plan)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.lstrip().startswith(b"[")


def test_publication_log_from_stdin_as_second_argument() -> None:
    from zwgk.catalog.io import sample_catalog_path, sample_publication_log_path

    log = sample_publication_log_path()
    args = ("catalog", "compliance", str(sample_catalog_path()))
    from_file = _zwgk(*args, str(log), "--as-of", "2026-06-30", "--json")
    from_stdin = _zwgk(*args, "-", "--as-of", "2026-06-30", "--json", stdin=log.read_bytes())
    assert from_stdin.returncode == from_file.returncode, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_one_stdin_at_most() -> None:
    result = _zwgk("catalog", "compliance", "-", "-", stdin=b"x")
    assert result.returncode == 2
    assert b"standard input for one file at most" in result.stderr


def test_success_prints_no_exit_line() -> None:
    result = _zwgk("workdays", "add", "2026-09-28", "20")
    assert result.returncode == 0
    assert b"exit code" not in result.stderr


def test_completion_scripts() -> None:
    pytest.importorskip("shtab")
    for shell in ("bash", "zsh", "tcsh"):
        result = _zwgk("completion", shell)
        assert result.returncode == 0, shell
        assert b"catalog" in result.stdout, shell


def test_reference_page_matches_the_parser() -> None:
    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    generated = page[page.index(BEGIN) : page.index(END) + len(END)] + "\n"
    assert generated == reference_markdown(), (
        "docs/reference/cli.md is out of date: run "
        "python -c \"from zwgk._cli._reference import update_page; update_page('docs/reference/cli.md')\""
    )
    for prog in COMMANDS:
        assert f"### `{prog}`" in page


def test_notices_option_from_stdin(tmp_path: Path) -> None:
    from tests.calendar.helpers import NOTICE_2027_TOML

    path = tmp_path / "2027.toml"
    path.write_text(NOTICE_2027_TOML, encoding="utf-8")
    args = ("workdays", "kind", "2027-01-31", "--beyond", "raise", "--json")
    from_file = _zwgk(*args, "--notices", str(path))
    from_stdin = _zwgk(*args, "--notices", "-", stdin=NOTICE_2027_TOML.encode("utf-8"))
    assert from_file.returncode == 0, from_file.stderr
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout
    assert "国办发明电〔2026〕99号" in from_stdin.stdout.decode("utf-8")


def test_designations_option_from_stdin() -> None:
    rules = (ROOT / "src" / "zwgk" / "rounds" / "data" / "demonstration-sites.toml").read_bytes()
    sites = str(ROOT / "tests" / "rounds" / "golden" / "sites.csv")
    args = ("rounds", "demonstration-site-standards", sites, "--json")
    by_name = _zwgk(*args, "--designations", "demonstration-sites")
    from_stdin = _zwgk(*args, "--designations", "-", stdin=rules)
    assert by_name.returncode == 0, by_name.stderr
    assert from_stdin.returncode == by_name.returncode, from_stdin.stderr
    assert json.loads(from_stdin.stdout)["decisions"] == json.loads(by_name.stdout)["decisions"]
    assert json.loads(by_name.stdout)["decisions"]


def test_a_stdin_option_and_a_stdin_positional_at_once_is_bad_input() -> None:
    result = _zwgk("calendar", "parse-notice", "-", "--notices", "-", stdin=b"x")
    assert result.returncode == 2
    assert b"standard input for one file at most" in result.stderr


# --------------------------------------------------------------- one language per --help (issue 13)

# Commands whose help texts their package's helper has not converted yet (issue 13, session 4):
# the lead empties this set as the branches land.  The commands of zwgk.calendar, zwgk.deadlines,
# zwgk schema and zwgk completion are never in it.
PENDING: set[str] = set()  # every command is converted (issue 13)
# Latin text a Chinese --help may hold besides the parser's own names: environment variables,
# file kinds, the date form and the program's own words.
HELP_TOKENS = (
    # ids and names a help text quotes as the user types or reads them
    "null",
    "iCalendar",
    "Markdown",
    "XLS",
    "SQLAlchemy",
    "ZWGK_DB",
    "zwgk-register",
    "trial",
    "to_dict",
    "result_to_dict",
    "--event",
    "--counts",
    "2019-trial",
    "file,agency",
    "YYYY-MM",
    "db",
    "unit",  # the default column names of an evidence table (rounds)
    "period",
    *sorted({word for prog in COMMANDS for word in prog.split()}),
    # quoted data of the seed documents (a plan's place, a table's default column names, the
    # applicant kinds of table 3), which English help quotes as written
    "楚雄",
    "单位",
    "考核期",
    "表一×60%+表二×40%",
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "ZWGK_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "YYYY-MM-DD",
    "YYYY",
    "zh_*",
    "--debug",
    "Schema",
    "zwgk",
    "zh",
    "en",
    "draft 2020-12",  # the JSON Schema dialect's name
    "schema.json",
    "in_person",  # the --channel values
    "post",
    "letter",
    "internet",
    "fax",
    # zwgk completion's instructions: what the user types
    'eval "$(zwgk completion bash)"',
    "~/.local/share/bash-completion/completions/zwgk",
    "zwgk[completion]",
    "shtab",
    # the --event grammar of zwgk deadline, and a table-3 row label quoted in it
    *("consult", "consult-agency", "correction", "fee", "extend", "delay", "reply", "withdraw", "=予以公开"),
)
_FILE_KINDS = re.compile(
    r"\b(?:JSON|TOML|CSV|XLSX|DOCX|HTML|PDF|TXT|CJK|SQLite|URL|ISO)\b|\.[a-z]{2,5}\b", re.IGNORECASE
)


def _parser_tokens(parser: argparse.ArgumentParser) -> list[str]:
    """What a help text shows as typed: prog, option names, metavars, choices, positional names."""
    tokens = [parser.prog]
    for action in parser._actions:
        tokens += action.option_strings
        metavar = action.metavar
        tokens += list(metavar) if isinstance(metavar, tuple) else (metavar or "").split("|")
        if isinstance(action, argparse._SubParsersAction):  # the group lists its commands' names
            for child in action.choices.values():
                tokens += _parser_tokens(child)
        if not action.option_strings:
            tokens.append(action.dest)
        if action.choices is not None:
            tokens += [str(c) for c in action.choices]
            tokens.append("{" + ",".join(str(c) for c in action.choices) + "}")
        tokens.append(action.dest.upper())
    return sorted({t for t in tokens if t}, key=len, reverse=True)


def _help_in(lang: str) -> dict[str, str]:
    """Every command's ``--help`` as ``zwgk --lang LANG CMD --help`` prints it, with the names the
    user types (prog, options, metavars, choices, positionals) taken out word by word."""
    import zwgk
    from zwgk._cli._argparse_texts import argparse_language

    helps = {}
    with zwgk.language(lang), argparse_language(lang):  # type: ignore[arg-type]
        for prog, p in commands(build_parser()):
            # wide lines: argparse breaks long words at hyphens (a path, an option name)
            p.formatter_class = functools.partial(argparse.HelpFormatter, width=1000)  # type: ignore[assignment]
            text = p.format_help()
            for token in sorted({*_parser_tokens(p), *HELP_TOKENS}, key=len, reverse=True):
                text = re.sub(rf"(?<![\w-]){re.escape(token)}(?![\w-])", " ", text)
            helps[prog] = _FILE_KINDS.sub(" ", text)
    return helps


HELP = {lang: _help_in(lang) for lang in ("zh", "en")}


def test_pending_names_only_commands_that_exist() -> None:
    assert set(PENDING) <= set(COMMANDS)


def test_help_scan_catches_a_mixed_line() -> None:
    from tests.support import chinese_outside_citations, latin_words

    assert latin_words(HELP["zh"]["zwgk workdays add"]) == []
    assert latin_words("起算日期 (start date)") == ["start", "date"]
    assert chinese_outside_citations("--channel  当面提交/in_person") != []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("prog", sorted(COMMANDS))
def test_every_help_is_in_one_language(prog: str, lang: str) -> None:
    from tests.support import assert_one_language, chinese_outside_citations, latin_words

    text = HELP[lang][prog]
    if prog in PENDING:
        bad = latin_words(text) if lang == "zh" else chinese_outside_citations(text)
        if bad:
            pytest.xfail(f"{prog}: help not converted yet (issue 13; PENDING)")
    assert_one_language(text, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_top_level_help_is_in_one_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.support import assert_one_language

    from zwgk._cli import main

    with pytest.raises(SystemExit):
        main(["--lang", lang, "--help"])
    text = capsys.readouterr().out
    names = sorted({word for prog in COMMANDS for word in prog.split()}, key=len, reverse=True)
    tokens = ["-h", "--help", "--version", "--debug", "--lang", "{zh,en}", "COMMAND", *HELP_TOKENS, *names]
    tokens += ["bash", "zsh", "tcsh", "SQLite", "PostgreSQL", "JSON", "Schema", "iCalendar", "zh_*"]
    assert_one_language(text, lang, *sorted(tokens, key=len, reverse=True))
    assert ("用法：" in text) == (lang == "zh")
