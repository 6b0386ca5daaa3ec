"""The editor flags what validate flags: yaml-language-server (VS Code's YAML engine) run over
stdio on the shipped plan and on an edited area file, with the committed schemas."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PLAN, REPO
from tests.yamlls import ENV, YamlLanguageServer, find_server

EXECUTABLE = find_server()
pytestmark = pytest.mark.skipif(
    EXECUTABLE is None,
    reason=f"yaml-language-server is not installed (npm install yaml-language-server; or set {ENV})",
)

AREA = PLAN / "01-semplificazione-digitalizzazione.yaml"


def edited_uri(name: str) -> str:
    """A document beside the plan's files but not on disk: the server takes its text from didOpen
    and its schema from the modeline, relative to where the document says it is."""
    return (PLAN / f"99-{name}.yaml").as_uri()


@pytest.fixture(scope="module")
def server() -> Iterator[YamlLanguageServer]:
    assert EXECUTABLE is not None
    client = YamlLanguageServer(EXECUTABLE, REPO)
    yield client
    client.close()


def flags(diagnostics: list[dict]) -> list[tuple[int, int, str]]:
    """(line, column, message), 1-based as validate reports them."""
    return sorted(
        (d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1, d["message"])
        for d in diagnostics
    )


@pytest.mark.parametrize("path", sorted(PLAN.glob("*.yaml")), ids=lambda p: p.name)
def test_the_shipped_plan_gets_no_diagnostic(server: YamlLanguageServer, path: Path) -> None:
    assert server.open(path.as_uri(), path.read_text(encoding="utf-8")) == []


def edited(old: str, new: str) -> str:
    text = AREA.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    return text.replace(old, new, 1)


def test_a_wrong_comparator_is_flagged_on_its_line(server: YamlLanguageServer) -> None:
    text = edited('2022: "≥ 73%"', '2022: "=> 73%"')
    line = text.splitlines().index('      2022: "=> 73%"') + 1
    message = 'target non valido: scrivere ad es. "≥ 73%", "1,45", "> medio", "tra 80% e 90%", "Annuale" o "Anno di rilevazione"'
    assert flags(server.open(edited_uri("comparator"), text)) == [(line, 13, message)]


def test_an_unknown_owner_is_flagged_with_the_offices(server: YamlLanguageServer) -> None:
    text = edited("owner: anagrafico", "owner: anagrafe")
    line = text.splitlines().index("    owner: anagrafe") + 1
    offices = '"anagrafico", "gestione-documentale", "promozione", "segreteria", "staff", "legale", "regolazione-mercato", "bilancio", "risorse-finanziarie"'
    assert flags(server.open(edited_uri("owner"), text)) == [
        (line, 12, f"Value is not accepted. Valid values: {offices}.")
    ]


def test_a_level_outside_the_scale_and_an_unknown_measure_are_flagged(
    server: YamlLanguageServer,
) -> None:
    text = edited('2022: "≥ 73%"', '2022: "> ottimo"').replace(
        "formula: servizi_full_digital /", "formula: servizi_digitali /"
    )
    lines = text.splitlines()
    formula = "formula non valida: misure dichiarate in plan.yaml, numeri, prev(misura), + - * / e parentesi"
    target = 'target non valido: scrivere ad es. "≥ 73%", "1,45", "> medio", "tra 80% e 90%", "Annuale" o "Anno di rilevazione"'
    found = flags(server.open(edited_uri("vocabulary"), text))
    formula_line = lines.index("    formula: servizi_digitali / servizi_totali * 100") + 1
    assert found == [
        (formula_line, 14, formula),
        (lines.index('      2022: "> ottimo"') + 1, 13, target),
    ]


def test_hover_on_a_key_and_on_a_target_explains_them(server: YamlLanguageServer) -> None:
    text = AREA.read_text(encoding="utf-8")
    lines = text.splitlines()
    uri = edited_uri("hover")
    server.open(uri, text)
    owner = lines.index("    owner: anagrafico")
    assert "L'ufficio responsabile: un id di offices in plan.yaml, es. anagrafico" in server.hover(
        uri, owner, 6
    )
    target = lines.index('      2022: "≥ 73%"')
    hover = server.hover(uri, target, 15)
    assert "Il target dell'anno come stampato" in hover and "tra 80% e 90%" in hover
