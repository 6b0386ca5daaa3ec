"""A renderable that picks its layout from the width it is given: a table, or a narrow list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderableType

# Below this width a table's name column would be squeezed to nothing.
NARROW = 100


@dataclass(frozen=True)
class Responsive:
    """The layout is built when it is rendered, and only the one the width calls for."""

    wide: Callable[[], RenderableType]
    narrow: Callable[[], RenderableType]
    threshold: int = NARROW

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        yield self.wide() if options.max_width >= self.threshold else self.narrow()
