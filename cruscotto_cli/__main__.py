"""`python -m cruscotto_cli`."""

from cruscotto_cli.cli.entry import main

main()
