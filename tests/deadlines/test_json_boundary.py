"""The public JSON boundary of the request clock (issue 13, part 4).

``to_dict()`` of every result and event, the pydantic hooks, ``read_deadline_request`` and
``zwgk deadline --json``.  Expected dates are counted by hand on the official calendar
(国办发明电〔2025〕7号: 2026-01-01..03 off, Sunday 2026-01-04 a working day), never taken
from the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from pydantic import BaseModel, TypeAdapter, ValidationError
from tests.support import assert_json_ready

from zwgk import deadlines as d
from zwgk._cli import main
from zwgk._schemas import all_schemas, get_schema
from zwgk.deadlines.io import EVENT_KINDS, DeadlineRequest, event_from_dict, read_deadline_request
from zwgk.errors import InvalidInputError, InvalidRecordsError, UnknownNameError
from zwgk.testing import deadlines as deadline_values
from zwgk.testing import events

jsonschema = pytest.importorskip("jsonschema")

D = dt.date


def validate(name: str, instance: object) -> None:
    validator = jsonschema.Draft202012Validator(get_schema(name), format_checker=jsonschema.FormatChecker())
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(instance)]
    assert not errors, errors[:5]


# --- to_dict() -------------------------------------------------------------------------------


def test_deadline_to_dict_by_hand() -> None:
    # 2026-01-05 (Monday) + 20 working days: 6-9, 12-16, 19-23, 26-30 January, 2 February.
    deadline = d.reply_deadline(D(2026, 1, 5), [d.Replied(D(2026, 2, 5))])
    data = deadline.to_dict(D(2026, 1, 30))
    assert list(data)[:5] == ["kind", "received", "start", "due", "state"]
    assert data["kind"] == "reply"
    assert data["received"] == data["start"] == "2026-01-05"
    assert data["due"] == "2026-02-02"
    assert data["state"] == "replied"
    assert data["regime"] == {"id": "2019", "instrument": "国务院令第711号"}
    assert data["closed_on"] == "2026-02-05"
    # replied three working days late (3, 4, 5 February) → one violation
    assert data["working_days_late"] == 3
    assert [v["kind"] for v in data["violations"]] == ["late_reply"]
    assert data["steps"][0] == deadline.steps[0].to_dict()
    assert data["steps"][0]["on"] == "2026-01-05"
    assert data["status"] == deadline.status(D(2026, 1, 30)).to_dict()
    assert deadline.to_dict()["status"] is None
    assert_json_ready(data)


def test_status_to_dict_keys() -> None:
    status = d.reply_deadline(D(2026, 1, 5)).status(D(2026, 1, 30))
    assert status.to_dict() == {
        "on": "2026-01-30",
        "state": "running",
        "due": "2026-02-02",
        "working_days_remaining": 1,  # (30 January, 2 February]: the Monday only
        "overdue": False,
        "working_days_late": None,
        "summary": status.summary,
    }


def test_event_to_dict_has_kind_first_and_exact_amounts() -> None:
    fee = d.FeeNoticeIssued(D(2026, 1, 7), Decimal("12.50"))
    assert fee.to_dict() == {"kind": "FeeNoticeIssued", "on": "2026-01-07", "amount": "12.50"}
    consult = d.ConsultationStarted(D(2026, 1, 7), party="其他机关")
    assert consult.to_dict() == {"kind": "ConsultationStarted", "on": "2026-01-07", "party": "other_agency"}
    assert list(d.ExtensionGranted(D(2026, 1, 8), 20).to_dict()) == ["kind", "on", "working_days"]


@given(events())
def test_every_event_round_trips_through_its_dict(event: d.Event) -> None:
    data = event.to_dict()
    assert data["kind"] == type(event).__name__
    assert_json_ready(data)
    back = event_from_dict(json.loads(json.dumps(data)))
    assert back.to_dict() == data
    if not isinstance(event, d.Replied):  # a reply's outcome comes back as its label
        assert back == event


@given(deadline_values())
def test_every_deadline_dict_is_json_ready_and_fits_the_schema(deadline: d.Deadline) -> None:
    data = deadline.to_dict(deadline.start)
    assert_json_ready(data)
    assert json.loads(json.dumps(data)) == data
    validate("deadline", data)


def test_event_from_dict_refuses_unknown_kinds_and_fields() -> None:
    with pytest.raises(UnknownNameError, match="unknown request event 'Teleported'"):
        event_from_dict({"kind": "Teleported", "on": "2026-01-05"})
    with pytest.raises(InvalidInputError, match="colour"):
        event_from_dict({"kind": "FeePaid", "on": "2026-01-05", "colour": "red"})
    with pytest.raises(InvalidInputError, match="working_days"):
        event_from_dict({"kind": "ExtensionGranted", "on": "2026-01-05"})


# --- pydantic and FastAPI --------------------------------------------------------------------


def test_type_adapter_dumps_a_step_as_its_dict() -> None:
    step = d.reply_deadline(D(2026, 1, 5)).steps[0]
    assert TypeAdapter(d.Step).dump_python(step, mode="json") == step.to_dict()
    assert TypeAdapter(d.Step).validate_python(step) is step


def test_a_pydantic_model_with_a_deadline_field() -> None:
    class Answer(BaseModel):
        request_id: str
        deadline: d.Deadline

    deadline = d.reply_deadline(D(2026, 1, 5), [d.ConsultationStarted(D(2026, 1, 8))])
    answer = Answer(request_id="A-1", deadline=deadline)
    assert json.loads(answer.model_dump_json())["deadline"] == deadline.to_dict()
    schema = Answer.model_json_schema(mode="serialization")
    shape = schema["properties"]["deadline"]
    assert shape["title"] == "Deadline"
    assert shape["properties"]["due"]["anyOf"][0]["format"] == "date"
    assert schema["$defs"]["Step"]["required"] == ["on", "event", "effect", "article", "due"]
    with pytest.raises(ValidationError, match="expected a Deadline"):
        Answer(request_id="A-2", deadline={"due": "2026-02-02"})  # type: ignore[arg-type]


def test_type_adapter_validates_events_from_their_dict() -> None:
    adapter: TypeAdapter[d.Event] = TypeAdapter(d.Event)
    assert adapter.validate_python({"kind": "ExtensionGranted", "on": "2026-01-20", "working_days": 15}) == (
        d.ExtensionGranted(D(2026, 1, 20), 15)
    )
    assert adapter.validate_python({"kind": "FeePaid", "on": "2026-01-12"}) == d.FeePaid(D(2026, 1, 12))
    assert TypeAdapter(d.Withdrawn).dump_python(d.Withdrawn(D(2026, 1, 9)), mode="json") == {
        "kind": "Withdrawn",
        "on": "2026-01-09",
    }
    with pytest.raises(ValidationError, match="working_days"):
        TypeAdapter(d.ExtensionGranted).validate_python({"kind": "ExtensionGranted", "on": "2026-01-20"})


def test_the_cores_still_do_not_import_pydantic() -> None:
    import subprocess
    import sys

    code = "import sys, zwgk.deadlines, zwgk.deadlines.io; print('pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --- read_deadline_request -------------------------------------------------------------------


def test_read_a_request_from_json_text() -> None:
    text = json.dumps(
        {
            "received": "2026-01-05",
            "events": [
                {"kind": "ExtensionGranted", "on": "2026-01-20", "working_days": 20},
                {"kind": "Replied", "on": "2026-02-05", "outcome": "予以公开"},
            ],
            "on": "2026-01-21",
        }
    )
    request = read_deadline_request(text)
    deadline = request.run()
    # 2 February + 20 working days; the Spring Festival 2026-02-15..23 is off and Saturdays
    # 2026-02-14 and 2026-02-28 are working days (国办发明电〔2025〕7号):
    # 3-6 (4), 9-13 (9), 14 (10), 24-27 (14), 28 February (15), 2-6 March (20).
    assert deadline.due == D(2026, 3, 6)
    assert deadline.extension_working_days == 20
    assert request.to_dict() == deadline.to_dict(D(2026, 1, 21))
    assert read_deadline_request(text.encode()).to_dict() == request.to_dict()


def test_read_a_request_by_channel() -> None:
    # signed post: the day the agency signed for it (第三十一条第（二）项); the arrival day stands in
    request = read_deadline_request({"channel": "邮寄", "signed": "2026-09-29"})
    assert request.received_date() == D(2026, 9, 29)
    assert read_deadline_request({"channel": "post", "received": "2026-09-28"}).received_date() == D(
        2026, 9, 28
    )
    with pytest.raises(InvalidInputError, match="received"):
        read_deadline_request({}).run()


def test_every_bad_field_is_listed_with_its_location() -> None:
    with pytest.raises(InvalidRecordsError) as caught:
        read_deadline_request(
            {
                "received": "2026-13-01",
                "events": [
                    {"kind": "ExtensionGranted", "on": "2026-01-20"},
                    {"kind": "Teleported", "on": "2026-01-21"},
                    {"kind": "FeePaid", "on": "2026-01-22", "colour": "red"},
                    {"kind": "ExtensionGranted", "on": "2026-01-23", "working_days": 0},
                ],
                "regime": "2030",
            }
        )
    where = [p.location for p in caught.value.problems]
    assert where == [
        "received",
        "events[0].working_days",
        "events[1]",
        "events[2].colour",
        "events[3].working_days",
        "regime",
    ]
    text = str(caught.value)
    assert "unknown request event 'Teleported'" in text
    assert "'2026-13-01'" in text
    assert "Model" not in text  # pydantic's class names stay out of messages


@pytest.mark.parametrize("data", ["[1, 2]", "{not json", 3])
def test_not_a_json_object(data: Any) -> None:
    with pytest.raises(InvalidInputError, match="a JSON object"):
        read_deadline_request(data)


# --- the CLI and the schemas -----------------------------------------------------------------

CLI_CASES = [
    ["--received", "2026-01-05", "--event", "reply:2026-02-05", "--on", "2026-01-20"],
    ["--channel", "post", "--signed", "2026-09-29", "--event", "consult:2026-10-09..2026-10-20"],
    ["--received", "2026-01-05", "--event", "fee:2026-01-09", "--no-fee-pause"],
]


@pytest.mark.parametrize("args", CLI_CASES)
def test_cli_json_is_to_dict_and_fits_the_schema(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    main(["deadline", *args, "--json"])
    printed = json.loads(capsys.readouterr().out)
    validate("deadline", printed)
    request = DeadlineRequest.model_validate(
        {
            "received": args[args.index("--received") + 1] if "--received" in args else None,
            "channel": "post" if "--channel" in args else None,
            "signed": "2026-09-29" if "--signed" in args else None,
            "events": [
                e.to_dict() for i, a in enumerate(args) if a == "--event" for e in d_specs(args[i + 1])
            ],
            "on": args[args.index("--on") + 1] if "--on" in args else None,
            "policy": {"fee_pauses_clock": "--no-fee-pause" not in args},
        }
    )
    assert printed == request.to_dict()


def d_specs(spec: str) -> list[d.Event]:
    from zwgk.deadlines.io import parse_event_spec

    return list(parse_event_spec(spec))


def test_cli_request_and_schema_agree(capsys: pytest.CaptureFixture[str]) -> None:
    request = {"received": "2026-01-05", "events": [{"kind": "Replied", "on": "2026-02-05"}]}
    validate("deadline-request", request)
    main(["deadline", "--received", "2026-01-05", "--event", "reply:2026-02-05", "--json"])
    assert json.loads(capsys.readouterr().out) == read_deadline_request(request).to_dict()


def test_every_schema_has_an_id_and_plain_descriptions() -> None:
    for name, schema in all_schemas().items():
        assert schema["$id"].startswith("https://zwgk.readthedocs.io/schemas/"), name
        text = json.dumps(schema, ensure_ascii=False)
        for role in (":func:", ":class:", ":mod:", ":data:", ":attr:", ":meth:", "``"):
            assert role not in text, (name, role)
        descriptions = []

        def walk(node: Any, out: list[str] = descriptions) -> None:
            if isinstance(node, dict):
                out.extend(v for k, v in node.items() if k == "description" and isinstance(v, str))
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)

        walk(schema)
        assert all("`" not in t for t in descriptions), name


def test_the_event_schema_is_a_union_a_form_can_be_built_from() -> None:
    schema = get_schema("ledger-event")
    assert schema["properties"]["kind"]["enum"] == list(EVENT_KINDS)
    assert set(schema["discriminator"]["mapping"]) == set(EVENT_KINDS)
    defs = schema["$defs"]
    extension = defs["ExtensionGranted"]
    assert extension["additionalProperties"] is False
    assert extension["properties"]["working_days"]["exclusiveMinimum"] == 0
    assert set(extension["required"]) == {"kind", "on", "working_days"}
    assert defs["ConsultationStarted"]["properties"]["party"]["enum"] == ["third_party", "other_agency"]
    assert all(defs[k]["additionalProperties"] is False for k in EVENT_KINDS)
    validate("ledger-event", {"kind": "ExtensionGranted", "on": "2026-01-20", "working_days": 10})
    bad = jsonschema.Draft202012Validator(schema)
    assert list(bad.iter_errors({"kind": "ExtensionGranted", "on": "2026-01-20"}))
    assert list(bad.iter_errors({"kind": "FeePaid", "on": "2026-01-20", "amount": "1"}))


def test_the_schema_command_prints_the_new_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "deadline-request"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$id"] == "https://zwgk.readthedocs.io/schemas/deadline-request.schema.json"
    assert "events" in printed["properties"]
    assert main(["schema", "deadline"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Deadline"
