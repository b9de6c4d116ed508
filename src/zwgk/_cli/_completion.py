"""``zwgk completion bash|zsh|tcsh``: the shell-completion script (extra ``zwgk[completion]``).

The script is generated from the parser itself by shtab, so it always knows every command
and option; file arguments complete file names.
"""

from __future__ import annotations

import argparse
import sys

from zwgk._i18n import gettext
from zwgk._lang import N_
from zwgk._optional import import_extra

__all__ = ["SHELLS", "register"]

SHELLS = ("bash", "zsh", "tcsh")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``zwgk completion``."""
    p = subparsers.add_parser(
        "completion",
        help=gettext("print the shell-completion script for bash, zsh or tcsh"),
        description=gettext(
            "Print zwgk's tab-completion script for SHELL (needs the extra zwgk[completion], that is "
            'shtab). For bash: eval "$(zwgk completion bash)", or save it under '
            "~/.local/share/bash-completion/completions/zwgk."
        ),
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help=gettext("bash, zsh or tcsh"))
    p.set_defaults(handler=_completion)


def _completion(args: argparse.Namespace) -> int:
    shtab = import_extra("shtab", "completion", N_("shell completion"))
    from zwgk._cli import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell))
    return 0
