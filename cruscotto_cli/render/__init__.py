"""Reporters: a result in, text or a rich renderable out. They never print."""
