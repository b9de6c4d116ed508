"""The JSON boundary: pydantic models of a catalog, their JSON Schema, and conversions.

The models mirror the core values ([`DisclosureItem`][zwgk.catalog.DisclosureItem] etc.) but hold the
time limit as text (parsed again on the way in) plus its parsed parts for readers of the
JSON.  Enum fields accept the variants people type (``主动``, ``特定群众``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import attrs
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from zwgk._i18n import gettext
from zwgk._json_guard import check_json_text
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk.catalog._model import (
    Audience,
    Catalog,
    DisclosureItem,
    DisclosureMode,
    FiveOpen,
    LegalBasis,
    LegalForce,
    Level,
    _Labelled,
)
from zwgk.catalog._timelimit import LimitPart, TimeLimit, parse_time_limit
from zwgk.errors import InvalidRecordsError, Problem

__all__ = [
    "CatalogModel",
    "DisclosureItemModel",
    "LegalBasisModel",
    "catalog_from_json",
    "catalog_json_schema",
    "catalog_to_json",
    "read_catalog_json",
    "write_catalog_json",
]


def _variant(cls: type[_Labelled]) -> BeforeValidator:
    def parse(value: object) -> object:
        return cls.parse(value) if isinstance(value, str) else value

    return BeforeValidator(parse)


_AudienceField = Annotated[Audience, _variant(Audience)]
_ModeField = Annotated[DisclosureMode, _variant(DisclosureMode)]
_LevelField = Annotated[Level, _variant(Level)]
_FiveOpenField = Annotated[FiveOpen, _variant(FiveOpen)]
_ForceField = Annotated[LegalForce, _variant(LegalForce)]


class LegalBasisModel(BaseModel):
    """A legal basis (公开依据) in JSON."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1, description="document title without 《》")
    kind: _ForceField | None = Field(None, description="法律, 行政法规, …; null if unknown")
    article: str | None = Field(None, description="article, e.g. 第二十条")
    number: str | None = Field(None, description="document or order number, e.g. 国办发〔2019〕54号")


class DisclosureItemModel(BaseModel):
    """One catalog item in JSON."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sequence: str = Field("", description="序号")
    first_level: str = Field(description="一级事项")
    second_level: str | None = Field(None, description="二级事项")
    content: list[str] = Field(default_factory=list, description="公开内容（要素）")
    legal_bases: list[LegalBasisModel] = Field(default_factory=list, description="公开依据")
    time_limit: str = Field("", description="公开时限 as written")
    time_limit_parts: list[dict[str, Any]] = Field(
        default_factory=list, description="parsed 公开时限 (output only; ignored on input)"
    )
    body: str = Field("", description="公开主体")
    channels: list[str] = Field(default_factory=list, description="公开渠道和载体")
    audiences: list[_AudienceField] = Field(default_factory=list, description="公开对象")
    modes: list[_ModeField] = Field(default_factory=list, description="公开方式")
    levels: list[_LevelField] = Field(default_factory=list, description="公开层级")
    five_open: list[_FiveOpenField] = Field(default_factory=list, description="五公开")
    field: str | None = Field(None, description="领域")
    row: int | None = Field(None, description="source spreadsheet row")


class CatalogModel(BaseModel):
    """A catalog in JSON."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    items: list[DisclosureItemModel]


def _part_dict(part: LimitPart) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": type(part).__name__, "text": part.render()}
    for f in attrs.fields(type(part)):
        value = getattr(part, f.name)
        out[f.name] = value.value if hasattr(value, "value") else value
    return out


def _to_model(catalog: Catalog) -> CatalogModel:
    return CatalogModel(
        title=catalog.title,
        items=[
            DisclosureItemModel(
                sequence=i.sequence,
                first_level=i.first_level,
                second_level=i.second_level,
                content=list(i.content),
                legal_bases=[
                    LegalBasisModel(title=b.title, kind=b.kind, article=b.article, number=b.number)
                    for b in i.legal_bases
                ],
                time_limit=i.time_limit.text,
                time_limit_parts=[_part_dict(p) for p in i.time_limit.parts],
                body=i.body,
                channels=list(i.channels),
                audiences=list(i.audiences),
                modes=list(i.modes),
                levels=list(i.levels),
                five_open=list(i.five_open),
                field=i.field,
                row=i.row,
            )
            for i in catalog.items
        ],
    )


def _to_core(model: CatalogModel, source: str | None) -> Catalog:
    def limit(text: str) -> TimeLimit:
        return parse_time_limit(text, warn=False)

    return Catalog(
        tuple(
            DisclosureItem(
                sequence=m.sequence,
                first_level=m.first_level,
                second_level=m.second_level,
                content=tuple(m.content),
                legal_bases=tuple(LegalBasis(b.title, b.kind, b.article, b.number) for b in m.legal_bases),
                time_limit=limit(m.time_limit),
                body=m.body,
                channels=tuple(m.channels),
                audiences=tuple(m.audiences),
                modes=tuple(m.modes),
                levels=tuple(m.levels),
                five_open=tuple(m.five_open),
                field=m.field,
                row=m.row,
            )
            for m in model.items
        ),
        title=model.title,
        source=source,
    )


def catalog_to_json(catalog: Catalog, *, indent: int | None = 2) -> str:
    """The catalog as JSON (UTF-8 text, Chinese kept readable), valid against the schema.

    Args:
        catalog: the catalog.
        indent: indentation; ``None`` for one line.

    Returns:
        The JSON text.
    """
    return _to_model(catalog).model_dump_json(indent=indent)


def catalog_from_json(
    text: str | bytes, *, source: str = "<json>", limits: Limits = DEFAULT_LIMITS
) -> Catalog:
    """Read a catalog from JSON text.

    Args:
        text: JSON as [`catalog_to_json`][zwgk.catalog.io.catalog_to_json] writes it (``time_limit_parts`` is
            ignored: the time limit is parsed again from ``time_limit``).
        source: the name used in messages.
        limits: ``max_file_bytes`` bounds the text's length and ``max_depth`` its nesting,
            both checked before parsing (default `DEFAULT_LIMITS`).

    Returns:
        The catalog.

    Raises:
        InvalidRecordsError: the JSON is malformed or any field is bad; lists every one.
        LimitExceededError: the text is too long or nested too deeply.
    """
    check_json_text(text, limits=limits, source=source)
    try:
        model = CatalogModel.model_validate_json(text)
    except ValidationError as exc:
        problems = [
            Problem(
                "/".join(str(p) for p in err["loc"]) or gettext("document"),
                err["msg"],
                field=str(err["loc"][-1]) if err["loc"] else None,
                value=err.get("input") if not isinstance(err.get("input"), dict | list) else None,
            )
            for err in exc.errors()
        ]
        raise InvalidRecordsError(source, problems) from None
    return _to_core(model, source)


def read_catalog_json(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Catalog:
    """Read a catalog from a JSON file (see [`catalog_from_json`][zwgk.catalog.io.catalog_from_json]).

    Args:
        path: the file.
        limits: ``max_file_bytes`` (checked before reading) and ``max_depth`` (default
            `DEFAULT_LIMITS`).

    Returns:
        The catalog.

    Raises:
        InvalidRecordsError: the JSON is malformed or any field is bad.
        LimitExceededError: the file is too large or nested too deeply.
        MissingFileError: the file does not exist (also a ``FileNotFoundError``).
        DataFileError: the file exists but cannot be read.
    """
    from zwgk._files import read_input_bytes

    target, data = read_input_bytes(path, gettext("catalog file (.json)"), limits=limits)
    return catalog_from_json(data, source=target.name, limits=limits)


def write_catalog_json(catalog: Catalog, path: str | Path) -> Path:
    """Write ``catalog`` as JSON (see [`catalog_to_json`][zwgk.catalog.io.catalog_to_json]).

    Args:
        catalog: the catalog.
        path: the file to write (overwritten).

    Returns:
        The path written.
    """
    target = Path(path)
    target.write_text(catalog_to_json(catalog) + "\n", encoding="utf-8")
    return target


def catalog_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the catalog JSON.

    Returns:
        The schema as a dict.
    """
    return CatalogModel.model_json_schema()
