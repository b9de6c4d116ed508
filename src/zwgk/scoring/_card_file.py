"""The boundary: card files (TOML/JSON) validated with pydantic and turned into core values.

This module imports pydantic; it is reached through [`zwgk.scoring.io`][] (and lazily from
[`load_card`][zwgk.scoring.load_card]), so ``import zwgk.scoring`` stays light.
Every problem of a file — schema errors first, then cross-reference errors — is listed in
one [`DataFileError`][zwgk.errors.DataFileError].
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from zwgk._i18n import gettext, msg
from zwgk._json_guard import load_json, load_toml
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk.errors import DataFileError, LimitExceededError, Problem
from zwgk.scoring._conditions import parse_condition
from zwgk.scoring._model import (
    Combination,
    CombinationPart,
)

__all__ = [
    "CardModel",
    "CombinationsFile",
    "card_json_schema",
    "combinations_from_data",
    "parse_text",
    "validate",
]


def _exact(value: object) -> object:
    if isinstance(value, float):
        raise ValueError(
            msg(
                '{value} is a binary float; write points as an integer or as decimal text such as "0.5"',
                value=repr(value),
            ).render()
        )
    return value


Dec = Annotated[Decimal, BeforeValidator(_exact)]
Key = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]


_M = TypeVar("_M", bound=BaseModel)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _condition_text(text: str) -> str:
    parse_condition(text)  # raises ValueError naming the term it cannot read
    return text


Cond = Annotated[str, Field(min_length=1), AfterValidator(_condition_text)]


class OptionModel(_Model):
    key: Key
    label: Text


class FieldModel(_Model):
    key: Key
    type: Literal["boolean", "count", "amount", "amounts", "choice", "elements", "date", "dates"]
    description: Text
    options: list[OptionModel] = []
    minimum: Dec | None = None
    maximum: Dec | None = None


class _ConditionalRule(_Model):
    only_if: Cond | None = None


class AllOrNothingModel(_Model):
    kind: Literal["all_or_nothing"]
    when: Cond
    reason: Text


class ZeroIfModel(AllOrNothingModel):
    kind: Literal["zero_if"]  # type: ignore[assignment]


class CheckModel(_ConditionalRule):
    kind: Literal["check"]
    when: Cond
    points: Dec
    reason: Text


class PerMissingModel(_ConditionalRule):
    kind: Literal["per_missing"]
    field: Key
    points: Dec
    reason: Text
    none_zero: bool = False


class PerOccurrenceModel(_ConditionalRule):
    kind: Literal["per_occurrence"]
    field: Key
    points: Dec
    reason: Text
    cap: Dec | None = Field(default=None, ge=0)


class DiscretionaryModel(_ConditionalRule):
    kind: Literal["discretionary"]
    field: Key
    range: tuple[Dec, Dec]
    direction: Literal["deduct", "award"]
    reason: Text


class TierModel(_Model):
    key: Key
    label: Text
    points: Dec


class TiersModel(_Model):
    kind: Literal["tiers"]
    field: Key
    tiers: list[TierModel] = Field(min_length=1)
    reason: str = ""


class GroupModel(_Model):
    kind: Literal["group"]
    label: Text
    start: Dec
    maximum: Dec = Field(ge=0)
    rules: list[RuleModel] = Field(min_length=1)


RuleModel = Annotated[
    AllOrNothingModel
    | ZeroIfModel
    | CheckModel
    | PerMissingModel
    | PerOccurrenceModel
    | DiscretionaryModel
    | TiersModel
    | GroupModel,
    Field(discriminator="kind"),
]
GroupModel.model_rebuild()


class ItemModel(_Model):
    id: Text
    title: Text
    criteria: Text
    maximum: Dec | None = Field(default=None, ge=0)
    start: Dec | None = None
    evidence: list[FieldModel] = []
    rules: list[RuleModel] = Field(min_length=1)
    applies_if: Cond | None = None
    notes: str = ""


class SectionModel(_Model):
    id: Text
    title: Text
    cap: Dec | None = Field(default=None, ge=0)
    bonus: bool = False
    items: list[ItemModel] = Field(min_length=1)


class DerivedModel(_Model):
    key: Key
    function: Text
    inputs: dict[str, Key]
    description: str = ""


class VetoModel(_Model):
    id: Text
    when: Cond
    reason: Text


class GradeModel(_Model):
    minimum: Dec
    label: Text


class BonusGateModel(_Model):
    threshold: Dec
    inclusive: bool = False


class RescaleModel(_Model):
    quantum: Dec = Decimal("0.01")


class ParameterModel(_Model):
    key: Key
    default: Dec
    description: Text
    verified: bool = False
    note: str = ""


class CardModel(_Model):
    """A zwgk scorecard file (考核细则)."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="zwgk scorecard")

    name: Key | Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: Text
    source: Text
    maximum: Dec = Field(gt=0)
    version: str = "1"
    notes: str = ""
    parameters: list[ParameterModel] = []
    evidence: list[FieldModel] = []
    derived: list[DerivedModel] = []
    vetoes: list[VetoModel] = []
    pass_mark: Dec | None = None
    grades: list[GradeModel] = []
    veto_grade: str | None = None
    bonus_gate: BonusGateModel | None = None
    rescale: RescaleModel | None = None
    sections: list[SectionModel] = Field(min_length=1)


class CombinationPartModel(_Model):
    card: Text
    weight: Dec


class CombinationModel(_Model):
    name: Text
    title: Text
    source: Text
    notes: str = ""
    parts: list[CombinationPartModel] = Field(min_length=1)


class CombinationsFile(_Model):
    # The combinations file (cards/combinations.toml).  No docstring: it would become the
    # schema's description and change the committed docs/schemas/combinations.schema.json.
    combinations: list[CombinationModel] = Field(min_length=1)


# --------------------------------------------------------------------------- parsing


def parse_text(
    text: str, source: str, *, json_format: bool, limits: Limits = DEFAULT_LIMITS
) -> dict[str, Any]:
    """Parse TOML or JSON text with exact decimals, its length and nesting bounded by ``limits``.

    Raises:
        zwgk.errors.LimitExceededError: The text is longer than ``max_file_bytes`` or nested
            deeper than ``max_depth`` (checked before parsing).
        zwgk.errors.DataFileError: The text is not valid TOML/JSON or not a table/object.
    """
    try:
        data: object = (
            load_json(text, limits=limits, source=source, parse_float=Decimal)
            if json_format
            else load_toml(text, limits=limits, source=source, parse_float=Decimal)
        )
    except LimitExceededError:
        raise
    except DataFileError as exc:  # the guards' message, located at the file as before
        kind = "JSON" if json_format else "TOML"
        detail = "; ".join(f"{p.location}: {p.message}" for p in exc.problems)
        raise DataFileError(
            source, [Problem(source, msg("not valid {kind}: {detail}", kind=kind, detail=detail).render())]
        ) from None
    if not isinstance(data, dict):
        raise DataFileError(
            source, [Problem(source, gettext("the top level must be a table/object"), value=data)]
        )
    return data


def _pydantic_problems(exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors():
        location = ".".join(str(p) for p in err["loc"]) or "(top level)"
        value = err.get("input")
        shown = value if isinstance(value, str | int | Decimal | bool) else None
        out.append(Problem(location, err["msg"], None, shown, None))
    return out


def validate(model: type[_M], data: Mapping[str, Any], source: str) -> _M:
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise DataFileError(source, _pydantic_problems(exc)) from None


def combinations_from_data(data: Mapping[str, Any], source: str) -> tuple[Combination, ...]:
    """Validate a combinations file.

    Raises:
        zwgk.errors.DataFileError: Lists every problem with its location.
    """
    model = validate(CombinationsFile, data, source)
    return tuple(
        Combination(
            c.name, c.title, c.source, tuple(CombinationPart(p.card, p.weight) for p in c.parts), c.notes
        )
        for c in model.combinations
    )


def card_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the card file format."""
    schema = CardModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
