"""Errors a clerk can read: each names the file and what to do, in Chinese and English."""
from __future__ import annotations


class QingGaoError(Exception):
    """A problem with one input or output that the batch reports and moves past."""

    def __init__(self, path: str, zh: str, en: str):
        self.path = path
        self.zh = zh
        self.en = en
        super().__init__(f"{path}: {zh} / {en}")

    def message(self) -> str:
        return f"{self.path}：{self.zh}\n{self.path}: {self.en}"


class Cancelled(Exception):
    """The caller asked to stop."""
