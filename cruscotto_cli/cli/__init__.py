"""The command line, the only package that imports typer: `app.app` and one module per command
family."""
