"""The yearly report (Relazione sulla performance): `content.build_report`, then
`formats.RENDERERS`."""
