"""`python -m cruscotto_cli`."""

from cruscotto_cli.cli.app import app

app(prog_name="cruscotto")
