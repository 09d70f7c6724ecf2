"""How core reports progress and learns of a cancel: a small Protocol the caller implements."""
from __future__ import annotations

from typing import Protocol

from .errors import Cancelled


class Progress(Protocol):
    def stage(self, name: str) -> None:
        """Called as each pipeline stage starts."""

    def is_cancelled(self) -> bool:
        """Return True to stop at the next stage boundary."""


class NullProgress:
    def stage(self, name: str) -> None:
        pass

    def is_cancelled(self) -> bool:
        return False


def checkpoint(progress: Progress, name: str) -> None:
    if progress.is_cancelled():
        raise Cancelled(name)
    progress.stage(name)
