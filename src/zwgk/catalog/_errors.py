"""The catalog area's warning; its errors, MissingFileError included, come from :mod:`zwgk.errors`."""

from __future__ import annotations

from collections.abc import Sequence

from zwgk.errors import MissingFileError, ZwgkWarning

__all__ = ["MissingFileError", "UnparsedTimeLimitWarning"]


class UnparsedTimeLimitWarning(ZwgkWarning):
    """A 公开时限 phrase (or part of one) was not recognised.

    The phrase is kept verbatim as an :class:`~zwgk.catalog.UnparsedLimit`; zwgk never
    guesses a period from text it does not understand.  ``text`` is the whole phrase and
    ``clauses`` the parts that were not recognised.
    """

    def __init__(self, text: str, clauses: Sequence[str]) -> None:
        self.text = text
        self.clauses = tuple(clauses)
        shown = "; ".join(repr(c) for c in self.clauses)
        super().__init__(
            f"time limit {text!r}: not recognised: {shown}; kept as unparsed text "
            "(expected a period such as 自信息形成或者变更之日起20个工作日内, an annual date "
            "such as 每年1月31日前, 每月/每季度/每年, 实时/及时/长期/常态化, or 公示期5个工作日)"
        )
