"""Reasons as the plan's readers read them: in its language, measures named with their id."""

from __future__ import annotations

from cruscotto_cli.plan.loaded import Plan
from cruscotto_cli.plan.reasons import Reason


def reason_text(plan: Plan, reason: Reason | None) -> str:
    """ "nessun valore di N. accessi (accessi) per il 2024"; "" when there is no reason."""
    if reason is None:
        return ""

    def name(measure_id: str) -> str:
        measure = plan.measure(measure_id)
        return f"{measure.name} ({measure.id})" if measure else measure_id

    return reason.text(plan.language, name)
