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


def failure_message(path: object, e: BaseException) -> str:
    """A bilingual message naming the file for any failure: core's own for a QingGaoError, else a generic one
    (never a traceback; callers log that)."""
    if isinstance(e, QingGaoError):
        return e.message()
    if isinstance(e, PermissionError):
        return (f"{path}：无法读写文件（{e.filename}），请检查文件是否在 Word/WPS 中打开、文件夹是否只读。\n"
                f"{path}: cannot read or write {e.filename}; close it in Word/WPS and check the folder is writable.")
    if isinstance(e, OSError):
        return (f"{path}：文件读写出错（{e.strerror or e}），请检查磁盘和路径后重试。\n"
                f"{path}: file error ({e.strerror or e}); check the disk and path and try again.")
    return (f"{path}：处理时出错（{type(e).__name__}），已跳过此文件，其余文件照常处理；详情见日志。\n"
            f"{path}: failed ({type(e).__name__}); skipped, the rest of the batch goes on; details in the log.")
