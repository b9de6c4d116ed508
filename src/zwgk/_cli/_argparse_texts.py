"""argparse's own texts — ``usage:``, the section titles, its error messages — in the run's language.

argparse words them through its module-level ``_``/``ngettext`` (GNU gettext's convention,
looked up at call time), with the msgids listed below.  zwgk's catalog translates the same
msgids; `argparse_language` points argparse at the run's catalog while the parser is built
and arguments are parsed, and puts argparse's own functions back afterwards.  English needs
nothing: argparse's msgids are English.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from zwgk import _lang
from zwgk._i18n import N_, Language

__all__ = ["ARGPARSE_TEXTS", "argparse_language"]

# The msgids of argparse (Python 3.11–3.13) that a user can see; the %-fields are argparse's.
ARGPARSE_TEXTS: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unexpected option string: %s"),
)


@contextlib.contextmanager
def argparse_language(lang: Language) -> Iterator[None]:
    """Inside the block argparse words its texts in ``lang`` (this process: the CLI's ``main``)."""
    if lang == "en":
        yield
        return
    table = _lang.translation(lang)
    saved = (getattr(argparse, "_"), getattr(argparse, "ngettext"))  # noqa: B009
    setattr(argparse, "_", table.gettext)  # noqa: B010
    setattr(argparse, "ngettext", table.ngettext)  # noqa: B010
    try:
        yield
    finally:
        setattr(argparse, "_", saved[0])  # noqa: B010
        setattr(argparse, "ngettext", saved[1])  # noqa: B010
