"""The plan through git: a plan at a revision (`git`), what changed (`diff`), a target's
`history`."""
