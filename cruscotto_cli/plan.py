"""A loaded plan: the header, the areas in file order, and where each thing was written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.model import Area, Header, Indicator, Measure, Office
from cruscotto_cli.yamlsource import Document


@dataclass(frozen=True)
class Placed:
    """An indicator with its area and its place in the area's file."""

    area: Area
    indicator: Indicator
    document: Document
    index: int

    def diagnostic(self, loc: tuple[Any, ...], message: str, code: str) -> Diagnostic:
        return self.document.diagnostic(("indicators", self.index, *loc), message, code)


@dataclass(frozen=True)
class Plan:
    folder: Path
    header: Header
    header_document: Document
    areas: tuple[tuple[Area, Document], ...]
    placed: tuple[Placed, ...] = field(init=False)

    def __post_init__(self) -> None:
        placed = tuple(
            Placed(area, indicator, document, i)
            for area, document in self.areas
            for i, indicator in enumerate(area.indicators)
        )
        object.__setattr__(self, "placed", placed)

    @property
    def language(self) -> str:
        return self.header.language

    def indicators(self) -> Iterator[Indicator]:
        return (p.indicator for p in self.placed)

    def indicator(self, indicator_id: str) -> Placed | None:
        return next((p for p in self.placed if p.indicator.id == indicator_id), None)

    def office(self, key: str) -> Office | None:
        """An office by id, name or alias, ignoring case."""
        wanted = key.casefold().strip()
        for office in self.header.offices:
            names = (office.id, office.name, *office.aliases)
            if any(n.casefold() == wanted for n in names):
                return office
        return None

    def office_name(self, office_id: str) -> str:
        office = self.office(office_id)
        return office.name if office else office_id

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.header.measures if m.id == measure_id), None)

    def files(self) -> list[Path]:
        return [self.header_document.path, *(doc.path for _, doc in self.areas)]
