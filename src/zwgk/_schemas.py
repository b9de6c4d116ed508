"""The one table of zwgk's JSON Schemas: file formats and boundary models, by name.

Used by ``zwgk schema`` and by the test that keeps ``docs/schemas/`` equal to the code.
Every schema comes from the function or pydantic model that owns the format; this
module only names them.  Schemas that do not state a dialect get
``"$schema": "https://json-schema.org/draft/2020-12/schema"`` (pydantic's output is
draft 2020-12).  Imports are lazy: pydantic is loaded only when a schema is built.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from zwgk._i18n import N_, gettext
from zwgk.errors import UnknownNameError

__all__ = [
    "DRAFT_2020_12",
    "REGENERATE",
    "SCHEMA_BASE",
    "all_schemas",
    "get_schema",
    "schema_descriptions",
    "schema_text",
]

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

_Builder = Callable[[], dict[str, Any]]


def _notice() -> dict[str, Any]:
    from zwgk.calendar.io import notice_json_schema

    return notice_json_schema()


def _card() -> dict[str, Any]:
    from zwgk.scoring.io import card_json_schema

    return card_json_schema()


def _combinations() -> dict[str, Any]:
    from zwgk.scoring.io import combinations_json_schema

    return combinations_json_schema()


def _score_result() -> dict[str, Any]:
    from zwgk.scoring.io import score_result_json_schema

    return score_result_json_schema()


def _combined_result() -> dict[str, Any]:
    from zwgk.scoring.io import combined_result_json_schema

    return combined_result_json_schema()


def _evidence(card_name: str) -> _Builder:
    def build() -> dict[str, Any]:
        from zwgk.scoring import load_card
        from zwgk.scoring.io import evidence_schema

        return evidence_schema(load_card(card_name))

    return build


def _catalog() -> dict[str, Any]:
    from zwgk.catalog.io import catalog_json_schema

    return catalog_json_schema()


def _catalog_item() -> dict[str, Any]:
    from zwgk.catalog.io import DisclosureItemModel

    return DisclosureItemModel.model_json_schema()


def _legal_basis() -> dict[str, Any]:
    from zwgk.catalog.io import LegalBasisModel

    return LegalBasisModel.model_json_schema()


def _publication_log() -> dict[str, Any]:
    from zwgk.catalog.io import publication_log_json_schema

    return publication_log_json_schema()


def _ledger() -> dict[str, Any]:
    from zwgk.requests.io import ledger_json_schema

    return ledger_json_schema()


def _ledger_event() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from zwgk.deadlines.io import EVENT_KINDS
    from zwgk.requests.io import EventRecord

    schema: dict[str, Any] = TypeAdapter(EventRecord).json_schema()
    kinds = {"enum": list(EVENT_KINDS), "description": "The event class."}
    return {
        "title": "Event",
        "description": "One event of a request clock: kind, then that kind's own fields.",
        "type": "object",
        "properties": {"kind": kinds},
        "required": ["kind"],
        **schema,
    }


def _deadline_request() -> dict[str, Any]:
    from zwgk.deadlines.io import DeadlineRequest

    return DeadlineRequest.model_json_schema()


def _deadline() -> dict[str, Any]:
    from zwgk.deadlines.io import DeadlineModel

    return DeadlineModel.model_json_schema()


def _report() -> dict[str, Any]:
    from zwgk.reports.io import report_json_schema

    return report_json_schema()


def _table() -> dict[str, tuple[str, _Builder]]:
    """Name → (one-line description, builder), in listing order."""
    from zwgk.scoring import list_cards

    table: dict[str, tuple[str, _Builder]] = {
        "notice": (N_("a holiday notice file (zwgk/calendar/data/notices/*.toml, as JSON)"), _notice),
        "card": (N_("a scorecard file (TOML or JSON)"), _card),
        "combinations": (N_("the card-combination file (table 1 × 60% + table 2 × 40%)"), _combinations),
    }
    for name in list_cards():
        table[f"evidence-{name}"] = (
            gettext("the evidence the built-in card {name} needs").format(name=repr(name)),
            _evidence(name),
        )
    table |= {
        "score-result": (N_("a score result as JSON (result_to_dict, zwgk score --json)"), _score_result),
        "combined-result": (
            N_("a combined result (table 1 × 60% + table 2 × 40%) as JSON"),
            _combined_result,
        ),
        "catalog": (N_("a disclosure catalog as JSON"), _catalog),
        "catalog-item": (N_("one catalog item as JSON"), _catalog_item),
        "legal-basis": (N_("one legal basis of a catalog item"), _legal_basis),
        "publication-log": (N_("one publication-log row: column header → cell"), _publication_log),
        "ledger": (N_('one request-register row (a ledger JSON file is {"requests": [row, ...]})'), _ledger),
        "ledger-event": (N_("one event of a request clock (kind and that kind's fields)"), _ledger_event),
        "deadline-request": (
            N_("a deadline request (read_deadline_request; a web service's input)"),
            _deadline_request,
        ),
        "deadline": (N_("a reply deadline as JSON (Deadline.to_dict(), zwgk deadline --json)"), _deadline),
        "report": (N_("an annual report on government information disclosure as JSON"), _report),
    }
    return table


#: The header of every schema, naming the command that regenerates the committed files.
REGENERATE = "Generated by zwgk; do not edit. Regenerate with: zwgk schema --write docs/schemas"


#: Where the published schemas live: ``$id`` of schema NAME is ``SCHEMA_BASE + NAME + ".schema.json"``.
SCHEMA_BASE = "https://zwgk.readthedocs.io/schemas/"

# Docstring markup (cross-references, Sphinx roles, reST and markdown literals) is not for schema readers.
_ROLE = re.compile(r":[a-z]+:`(~?)([^`]+)`")
# "[`check_report`][zwgk.reports.check_report]" → "`check_report`"; "[zwgk.reports][]" → "zwgk.reports"
_CROSSREF = re.compile(r"\[([^\]\[]+)\]\[([^\]\[]*)\]")
_LITERAL = re.compile(r"``([^`]*)``|`([^`]*)`")


def _plain(text: str) -> str:
    text = _CROSSREF.sub(lambda m: m.group(1), text)
    text = _ROLE.sub(lambda m: m.group(2).rsplit(".", 1)[-1] if m.group(1) else m.group(2), text)
    return _LITERAL.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)


def _plain_descriptions(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: _plain(v) if k == "description" and isinstance(v, str) else _plain_descriptions(v)
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_plain_descriptions(v) for v in node]
    return node


def _with_dialect(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    body = _plain_descriptions(schema)
    return {
        "$schema": DRAFT_2020_12,
        "$id": f"{SCHEMA_BASE}{name}.schema.json",
        **body,
        "$comment": REGENERATE,
    }


def schema_descriptions() -> dict[str, str]:
    """Every schema name with its one-line description (in the current language), in listing order."""
    return {name: gettext(description) for name, (description, _) in _table().items()}


def get_schema(name: str) -> dict[str, Any]:
    """The JSON Schema called ``name``.

    Args:
        name: one of `schema_descriptions`'s keys, e.g. ``notice`` or
            ``evidence-kaifu-2013-windows``.

    Returns:
        The schema (draft 2020-12) as a new dict.

    Raises:
        UnknownNameError: ``name`` is not a schema name (the message lists them all).
    """
    table = _table()
    if name not in table:
        raise UnknownNameError(N_("schema"), name, table)
    return _with_dialect(name, table[name][1]())


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every schema by name, in listing order (each a new dict)."""
    return {name: _with_dialect(name, build()) for name, (_, build) in _table().items()}


def schema_text(schema: dict[str, Any]) -> str:
    """The file text of a schema: 2-space indent, sorted keys, Chinese kept, final newline.

    Sorted keys keep diffs stable when a model's fields move.
    """
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
