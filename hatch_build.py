"""Hatch build hook: compile zwgk's message catalogs (``.po`` → ``.mo``) into the wheel.

Runs for every wheel build, the editable install (``pip install -e .``) included, so a fresh
clone speaks Chinese after its first install; the ``.mo`` files are build products (ignored by
git, listed as artifacts so that hatch ships them).  Fuzzy entries are left out: an
unreviewed translation never reaches a user.  Babel is a build requirement
(``[build-system] requires``); see docs/explanation/languages.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src", "zwgk", "locale")


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``src/zwgk/locale/<locale>/LC_MESSAGES/*.po`` beside itself."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po in sorted((root / LOCALE).glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as f:
                catalog = read_po(f)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as f:
                write_mo(f, catalog, use_fuzzy=False)
            build_data["artifacts"].append(mo.relative_to(root).as_posix())
