"""`cruscotto --help` as typer prints it 80 columns wide or more, printed without typer.

Generated: `pytest --update-golden` rewrites it (tests/test_startup.py).
"""

TEXT = (
    "Usage: cruscotto [OPTIONS] COMMAND [ARGS]...\n"
    "\n"
    "  Keep a Chamber of Commerce's strategic plan as code and evaluate it year by\n"
    "  year.\n"
    "\n"
    "  Exit codes: 0 done, nothing to flag; 1 done, and what was checked failed; 2\n"
    "  could not run (bad usage, unreadable or invalid input); 3 internal error (a\n"
    "  bug).\n"
    "\n"
    "Options:\n"
    "  --version   Print the version and exit.\n"
    "  --no-cache  Read every input file again instead of taking what was loaded\n"
    "              before from the cache (also CRUSCOTTO_NO_CACHE=1).\n"
    "  -h, --help  Show this message and exit.\n"
    "\n"
    "Commands:\n"
    "  validate  Check the plan, and the actuals when present, reporting every...\n"
    "  show      Show the plan: areas, indicators, targets by year, owners; or...\n"
    "  evaluate  Evaluate every indicator for YEAR: target, actual, status,...\n"
    "  template  Write YEAR's data-collection sheet: one row per value an...\n"
    "  report    Write the yearly performance report for YEAR (Relazione sulla...\n"
    "  monitor   Monitor YEAR during the year: each target on track, at risk...\n"
    "  payments  ITP, payment times and the share paid within 30 days for...\n"
    "  diff      Compare the plan with another version of it; every changed...\n"
    "  history   An indicator's targets through the plan's git history:...\n"
    "  schema    Print the JSON Schema (draft-07) of a plan file, for editors'...\n"
)
