"""Shared pytest configuration: Hypothesis profiles and the CJK font fixtures.

``HYPOTHESIS_PROFILE=dev`` runs more examples locally; CI uses ``ci`` (the default).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=500, deadline=None)
# A manual fuzzing run (tests/hostile/test_fuzz.py): ZWGK_FUZZ_EXAMPLES inputs per parser.
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("ZWGK_FUZZ_EXAMPLES", "100000")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# ----------------------------------------------------------------------------- CJK fonts
#
# Whether a CJK font is installed must not decide whether the suite passes.  Tests that
# depend on it ask for ``no_cjk_font`` (zwgk's detection finds nothing, as on a bare CI
# image) or ``cjk_font`` (a real CJK font file is used; skipped without one, except on CI,
# where that is a failure).  ``cjk_labels`` runs a test both ways.  ``ZWGK_TEST_NO_CJK=1``
# hides CJK fonts from the whole run (``.ci/run`` proves both paths with it).

NO_CJK = os.environ.get("ZWGK_TEST_NO_CJK", "") not in ("", "0")


def _hide_cjk_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    import zwgk._display

    monkeypatch.setattr(zwgk._display, "find_cjk_font", lambda: None)
    monkeypatch.setattr(zwgk._display, "_warned_missing_font", False)  # each test sees the first warning


@pytest.fixture(autouse=NO_CJK)
def _no_cjk_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """With ``ZWGK_TEST_NO_CJK=1`` every test runs as on a machine without CJK fonts."""
    if NO_CJK:
        _hide_cjk_fonts(monkeypatch)


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """zwgk finds no CJK font (matplotlib's other fonts are untouched)."""
    _hide_cjk_fonts(monkeypatch)


@pytest.fixture
def cjk_font(monkeypatch: pytest.MonkeyPatch) -> str:
    """The family of the installed CJK font zwgk detects; skipped (failed on CI) without one."""
    pytest.importorskip("matplotlib")
    import zwgk._display

    if NO_CJK:
        pytest.skip("ZWGK_TEST_NO_CJK=1 hides CJK fonts for this run")
    font = zwgk._display.find_cjk_font()
    if font is None:
        reason = (
            "no CJK font known to matplotlib (install fonts-noto-cjk or fonts-wqy-microhei "
            "and delete ~/.cache/matplotlib)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must test the CJK font path: {reason}")
        pytest.skip(reason)
    monkeypatch.setattr(zwgk._display, "_warned_missing_font", False)
    return font


@pytest.fixture(params=["zh", "en"], ids=["cjk-font", "no-cjk-font"])
def cjk_labels(request: pytest.FixtureRequest) -> str:
    """Run a test with a CJK font (``"zh"``: auto labels are Chinese) and without (``"en"``)."""
    pytest.importorskip("matplotlib")
    request.getfixturevalue("cjk_font" if request.param == "zh" else "no_cjk_font")
    return str(request.param)


@pytest.fixture(autouse=True)
def _english_whatever_the_locale(monkeypatch: pytest.MonkeyPatch) -> object:
    """Every test starts in zwgk's default language, whatever the developer's locale and
    ``ZWGK_LANG`` (the CLI's default follows the locale: zh for zh_*), and leaves no process
    default behind (issue 13)."""
    import zwgk

    monkeypatch.delenv("ZWGK_LANG", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    zwgk.set_language(None)
