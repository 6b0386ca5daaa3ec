"""`python -m cruscotto_cli`."""

from cruscotto_cli.cli import app

app(prog_name="cruscotto")
