"""Write outputs atomically and never over an input or (unless asked) an existing file.

The bytes go to a temporary file in the target's own folder (so the final move is a rename on one file system,
never a copy), are flushed to disk, and only then take the target's name: an interrupted batch leaves no
half-written DOCX, only perhaps a `.qinggao-*.part` file. The finished file gets the permissions a plain open()
would have given it (mkstemp makes it 0600).
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from ..errors import Cancelled, QingGaoError

TMP_PREFIX = ".qinggao-"
TMP_SUFFIX = ".part"
MAX_OTHER_NAMES = 50  # how far to count "(2)", "(3)"… before giving up on a folder that refuses every name


def free_name(target: Path, taken: set[Path] | None = None) -> Path:
    """`target`, or `target (2)`, `(3)`… — the first name that does not exist yet."""
    taken = taken or set()
    if not os.path.lexists(target) and target not in taken:
        return target
    n = 2
    while True:
        cand = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not os.path.lexists(cand) and cand not in taken:
            return cand
        n += 1


def write_atomic(target: Path, data: bytes, *, overwrite: bool = False, taken: set[Path] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Path:
    """Write `data` to `target` atomically and return the path written.

    overwrite=False: an existing file is never replaced, even one that appeared after the name was chosen; the
    next free name ("通知 (2).docx") is used instead. overwrite=True: an existing file is replaced, unless it
    cannot be (Windows refuses while Word has it open; here a directory of that name does too): then the bytes go
    to the next free name, and the caller sees a path other than `target` and tells the clerk.
    Errors (folder missing and not creatable, read-only, disk full) are OSErrors; write_error() explains them.
    cancelled: asked once the bytes are on disk, just before the file takes its name; True drops the temp file
    and raises Cancelled, so a batch stopped meanwhile gets no output that was written after the stop.
    """
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(target, overwrite)
    fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", suffix=TMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
            if hasattr(os, "fchmod"):  # POSIX; on Windows the file simply inherits the folder's ACL
                os.fchmod(f.fileno(), mode)
        if cancelled is not None and cancelled():
            raise Cancelled(str(target))
        written = _place(tmp, target, overwrite, taken or set())
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)
    return written


def _place(tmp: str, target: Path, overwrite: bool, taken: set[Path]) -> Path:
    """Give the finished temp file its name; see write_atomic for which name."""
    tried = set(taken)
    cand = target
    for _ in range(MAX_OTHER_NAMES):
        try:
            if overwrite and cand == target:
                os.replace(tmp, cand)
            else:
                _rename_no_clobber(tmp, cand)
            return cand
        except FileExistsError:  # appeared since the name was chosen: never replaced
            pass
        except (PermissionError, IsADirectoryError):
            # Replacing `target` was refused: on Windows because Word/WPS has it open (a sharing violation,
            # PermissionError); anywhere, when it is a folder. Anything else is the folder's problem: raise.
            if not (overwrite and cand == target):
                raise
        tried.add(cand)
        cand = free_name(target, tried)
    raise FileExistsError(errno.EEXIST, "no free file name", str(target))


STALE_AFTER_S = 24 * 3600  # a temp file this old is stale whoever made it (its process id may have been reused)


def remove_stale_parts(folder: Path) -> list[Path]:
    """Delete the temp files a killed run left in `folder` (its process is gone, or the file is a day old); a
    temp file of a run still writing is left alone. Returns what was removed."""
    import time

    gone: list[Path] = []
    try:
        found = list(folder.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"))
    except OSError:
        return gone
    for part in found:
        pid = part.name[len(TMP_PREFIX):].split("-", 1)[0]
        try:
            old = time.time() - part.stat().st_mtime > STALE_AFTER_S
            if old or not (pid.isdigit() and _alive(int(pid))):
                part.unlink()
                gone.append(part)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return gone


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        import ctypes

        k32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        h = k32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not h:
            return False
        code = ctypes.c_ulong()
        ok = k32.GetExitCodeProcess(h, ctypes.byref(code))
        k32.CloseHandle(h)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _rename_no_clobber(src: str, dst: Path) -> None:
    """Move src to dst unless dst exists (FileExistsError). Atomic where the OS allows it."""
    if os.name == "nt":
        os.rename(src, dst)  # Windows' rename refuses an existing target by itself
        return
    try:
        os.link(src, dst)  # POSIX rename would replace silently; a hard link refuses an existing name
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT stick, some network shares): check, then rename
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst)) from None
        os.rename(src, dst)
        return
    os.unlink(src)


_umask_lock = threading.Lock()


def _umask() -> int:
    """The process umask, read without changing it where the OS allows (threads may be creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _mode_for(target: Path, overwrite: bool) -> int:
    """What open(target, "wb") would leave: an overwritten file keeps its mode, a new one gets 0666 & ~umask."""
    if overwrite:
        try:
            st = os.stat(target)
            if stat.S_ISREG(st.st_mode):
                return stat.S_IMODE(st.st_mode)
        except OSError:
            pass
    return 0o666 & ~_umask()


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this and needs no help."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_error(src: Path | str, target: Path, e: OSError) -> QingGaoError:
    """A clerk-readable message for an output that could not be written: names the input, the output file and
    the folder, and says what to do."""
    folder = target.parent
    name = target.name
    code = e.errno
    if not folder.is_dir():
        why = "有同名文件挡住" if folder.exists() or isinstance(e, (FileExistsError, NotADirectoryError)) else _why_zh(e)
        why_en = "a file of that name is in the way" if why == "有同名文件挡住" else _why_en(e)
        return QingGaoError(
            str(src),
            f"输出文件夹“{folder}”不存在，也无法创建（{why}），{name} 未保存。"
            f"请另选输出文件夹（命令行用 -o，程序里在“选项→输出”中设置），或检查该位置的权限。",
            f"the output folder {folder} does not exist and cannot be created ({why_en}); {name} was not saved. "
            f"Choose another output folder (-o on the command line, Options > Output in the app) or check the "
            f"permissions there.")
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", None):
        return QingGaoError(
            str(src),
            f"磁盘空间不足，无法在“{folder}”中保存 {name}。请腾出空间或另选输出文件夹后重试。",
            f"the disk is full: {name} cannot be saved in {folder}. Free some space or choose another output "
            f"folder, then try again.")
    if code == errno.ENAMETOOLONG:
        return QingGaoError(
            str(src),
            f"输出路径太长，无法在“{folder}”中保存 {name}。请把文件改个短名字或选一个层级较浅的输出文件夹。",
            f"the output path is too long to save {name} in {folder}; rename the file or choose a shorter output "
            f"folder path.")
    if isinstance(e, PermissionError) or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return QingGaoError(
            str(src),
            f"输出文件夹“{folder}”是只读的或没有写入权限，{name} 未保存。"
            f"请另选输出文件夹（命令行用 -o，程序里在“选项→输出”中设置），或取消该文件夹的只读属性；"
            f"若 {name} 正在 Word/WPS 中打开，请先关闭。",
            f"the output folder {folder} is read-only or not writable; {name} was not saved. Choose another output "
            f"folder (-o on the command line, Options > Output in the app) or make the folder writable; if {name} "
            f"is open in Word/WPS, close it first.")
    return QingGaoError(
        str(src),
        f"无法在“{folder}”中保存 {name}（{_why_zh(e)}）。请检查磁盘和输出文件夹后重试。",
        f"{name} cannot be saved in {folder} ({_why_en(e)}); check the disk and the output folder, then try again.")


def _why_zh(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "没有权限"
    if e.errno == errno.EROFS:
        return "只读磁盘"
    return e.strerror or type(e).__name__


def _why_en(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "permission denied"
    return e.strerror or type(e).__name__
