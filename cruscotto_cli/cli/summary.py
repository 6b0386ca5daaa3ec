"""GitHub Actions' job summary: Markdown appended to the file $GITHUB_STEP_SUMMARY names.

Annotations are capped per step (10 errors and 10 warnings are shown), so with `--format github`
the whole report also goes to the summary page of the run.
"""

from __future__ import annotations

import os
import sys


def append_step_summary(markdown: str) -> None:
    """Append to $GITHUB_STEP_SUMMARY when set; a file that cannot be written is only a warning."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown.rstrip("\n") + "\n\n")
    except OSError as exc:
        print(
            f"cruscotto: warning: cannot append to $GITHUB_STEP_SUMMARY ({target}): {exc.strerror}",
            file=sys.stderr,
        )
