"""The command reference of ``docs/reference/cli.md``, generated from the parser itself.

The page's part between `BEGIN` and `END` is `reference_markdown`;
``tests/test_cli_convention.py`` checks that it matches, and `update_page` rewrites it
(``python -c "from zwgk._cli._reference import update_page; update_page('docs/reference/cli.md')"``).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

__all__ = ["BEGIN", "END", "commands", "reference_markdown", "update_page"]

BEGIN = "<!-- begin generated: zwgk._cli._reference -->"
END = "<!-- end generated -->"
_WIDTH = 100


def commands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Every command and subcommand below ``parser``, depth first, as ``(prog, parser)``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield sub.prog, sub
                yield from commands(sub)


def _help(parser: argparse.ArgumentParser) -> str:
    """``parser``'s ``--help`` at a fixed width, without the shared exit-code epilog."""
    original, epilog = parser.formatter_class, parser.epilog

    def fixed(prog: str) -> argparse.HelpFormatter:
        formatter: type[argparse.HelpFormatter] = original  # type: ignore[assignment]  # a class here
        return formatter(prog, width=_WIDTH)

    parser.formatter_class, parser.epilog = fixed, None
    try:
        return parser.format_help().rstrip() + "\n"
    finally:
        parser.formatter_class, parser.epilog = original, epilog


def reference_markdown() -> str:
    """One section per command: its ``--help`` (the exit codes are on the page once, above)."""
    from zwgk._cli import build_parser

    out = [BEGIN, ""]
    for prog, sub in commands(build_parser()):
        out += [f"### `{prog}`", "", "```text", _help(sub).rstrip(), "```", ""]
    out.append(END)
    return "\n".join(out) + "\n"


def update_page(path: str | Path) -> None:
    """Rewrite the generated part of the page at ``path``."""
    page = Path(path)
    text = page.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    page.write_text(head + reference_markdown().rstrip("\n") + tail, encoding="utf-8")
