"""The plan: YAML with positions, targets, formulas, models, checks, schema; `load.load_plan`."""
