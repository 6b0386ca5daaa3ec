"""A loaded plan: the header, the areas in file order, and where each thing was written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cruscotto_cli.diagnostics import Diagnostic
from cruscotto_cli.plan.model import Area, Header, Indicator, Measure, Office
from cruscotto_cli.plan.yamlsource import Document


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
    # The content key of the files it was read from ("" when not known): what is made from the
    # plan, such as its actuals, is cached under it too (cruscotto_cli.cache).
    source: str = field(default="", compare=False, repr=False)
    placed: tuple[Placed, ...] = field(init=False)
    # Lookups by key, built once: commands look things up per row and per indicator.
    _indicators: dict[str, Placed] = field(init=False, repr=False, compare=False)
    _offices: dict[str, Office] = field(init=False, repr=False, compare=False)
    _measures: dict[str, Measure] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        placed = tuple(
            Placed(area, indicator, document, i)
            for area, document in self.areas
            for i, indicator in enumerate(area.indicators)
        )
        object.__setattr__(self, "placed", placed)
        indicators: dict[str, Placed] = {}
        for p in placed:  # the first of a repeated id, as a scan in plan order finds it
            indicators.setdefault(p.indicator.id, p)
        offices: dict[str, Office] = {}
        for office in self.header.offices:
            for name in (office.id, office.name, *office.aliases):
                offices.setdefault(name.casefold(), office)
        measures: dict[str, Measure] = {}
        for measure in self.header.measures:
            measures.setdefault(measure.id, measure)
        object.__setattr__(self, "_indicators", indicators)
        object.__setattr__(self, "_offices", offices)
        object.__setattr__(self, "_measures", measures)

    @property
    def language(self) -> str:
        return self.header.language

    def indicators(self) -> Iterator[Indicator]:
        return (p.indicator for p in self.placed)

    def indicator(self, indicator_id: str) -> Placed | None:
        return self._indicators.get(indicator_id)

    def office(self, key: str) -> Office | None:
        """An office by id, name or alias, ignoring case."""
        return self._offices.get(key.casefold().strip())

    def office_name(self, office_id: str) -> str:
        office = self.office(office_id)
        return office.name if office else office_id

    def measure(self, measure_id: str) -> Measure | None:
        return self._measures.get(measure_id)
