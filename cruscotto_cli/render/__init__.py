"""Reporters: a result in, text or a rich renderable out, never printed; each family's `FORMATS`."""
