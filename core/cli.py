"""`qinggao` command line: a thin layer over core.api / core.batch."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def _configure_stdio() -> None:
    # A windowed Windows build has no console streams; a Chinese console may not be UTF-8.
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="qinggao", description="清稿：把下载的文稿清理成规范公文 / clean downloaded drafts")
    p.add_argument("--version", action="version", version=f"qinggao {__version__}")
    p.add_argument("--selftest", action="store_true", help="prove the install works (imports, jieba, DOCX), then exit")
    sub = p.add_subparsers(dest="cmd")
    c = sub.add_parser("clean", help="清理文稿 / clean drafts")
    c.add_argument("inputs", nargs="+", help="files or folders (recursed)")
    c.add_argument("-o", "--out-dir", type=Path, help="output folder (default: 清稿输出 beside each input)")
    c.add_argument("--to", choices=("docx", "txt", "json"), default="docx")
    c.add_argument("--stdout", action="store_true", help="print the result of a single input")
    existing = c.add_mutually_exclusive_group()
    existing.add_argument("--overwrite", action="store_true",
                          help="replace an earlier output of the same name (default: add (2), (3)… and say so; "
                               "an input never)")
    existing.add_argument("--skip-existing", action="store_true",
                          help="skip each input whose output already exists (a re-run after a stop or a crash)")
    c.add_argument("--split-docbreaks", action="store_true",
                   help="write each appended document to its own file: NAME.docx, NAME-2.docx…")
    c.add_argument("--profile", metavar="NAME|FILE.json",
                   help="DOCX style profile (default: gbt9704; per document type: 通知 请示 报告 函 纪要 命令)")
    c.add_argument("--info", metavar="FILE.json", type=Path,
                   help="公文信息 / document info (UTF-8 JSON): copy_no secret urgency issuer_mark doc_number signer "
                        "addressee cc printer print_date")
    c.add_argument("--simplified", action="store_true",
                   help="把繁体字转换为简体字（默认关闭；已是简体的文稿不变）/ convert Traditional characters to "
                        "Simplified (OpenCC t2s; off by default; a Simplified draft is left as it is)")
    c.add_argument("-q", "--quiet", action="store_true")
    return p


def main(argv: list[str] | None = None) -> int:
    _configure_stdio()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.selftest:
        from .selftest import run_selftest

        return run_selftest()
    if args.cmd == "clean":
        try:
            return _clean(args, parser)
        except KeyboardInterrupt:
            print("已取消 / cancelled", file=sys.stderr)
            return 130
        except Exception as e:  # noqa: BLE001 - the clerk gets a message, never a traceback
            print(f"qinggao：意外错误（{type(e).__name__}: {e}），已停止。请把这条信息发给维护者。\n"
                  f"qinggao: unexpected error ({type(e).__name__}: {e}); stopped. Please report this message.",
                  file=sys.stderr)
            return 1
    parser.print_usage(sys.stderr)
    return 2


def _clean(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .api import clean_file, render, style_profile
    from .errors import QingGaoError
    from .model import Overrides

    try:
        profile = style_profile(args.profile)
        info = None
        if args.info:
            from .official import load_info

            info = load_info(args.info)
    except QingGaoError as e:
        print(e.message(), file=sys.stderr)
        return 2
    if args.stdout:
        if len(args.inputs) != 1 or Path(args.inputs[0]).is_dir() or args.split_docbreaks:
            parser.print_usage(sys.stderr)
            print("qinggao: --stdout 只能用于单个文件，且不能与 --split-docbreaks 同用 / "
                  "--stdout needs exactly one file and no --split-docbreaks", file=sys.stderr)
            return 2
        try:
            doc = clean_file(args.inputs[0], overrides=Overrides(simplify=True) if args.simplified else None)
            if info:
                from .official import merged_info

                doc.info = merged_info(doc.info, info)
            data = render(doc, args.to, profile)
        except QingGaoError as e:
            print(e.message(), file=sys.stderr)
            return 1
        bom = b"\xef\xbb\xbf"  # the TXT file's BOM (for Notepad) is not for a pipe
        sys.stdout.buffer.write(data[len(bom):] if args.to == "txt" and data.startswith(bom) else data)
        sys.stdout.flush()
        return 0

    from .batch import run_batch  # not needed by --stdout: the process pool machinery costs ~10 ms to import

    missing = [i for i in args.inputs if not Path(i).exists()]
    for m in missing:
        print(f"{m}：找不到文件或文件夹 / not found", file=sys.stderr)

    def report(res):
        if args.quiet:
            return
        if res.error:
            print(f"失败 FAILED  {res.error}", file=sys.stderr)
        elif res.skipped:
            print(f"跳过 skipped {res.path} ({res.output} 已存在 / exists)", file=sys.stderr)
            return
        else:
            print(f"完成 done    {res.path} -> {', '.join(map(str, res.outputs or [res.output]))}", file=sys.stderr)
        for note in res.notes:
            print(f"注意 note    {note}", file=sys.stderr)

    with _CtrlC() as ctrl_c:
        results = run_batch([i for i in args.inputs if Path(i).exists()], args.to, args.out_dir, progress=ctrl_c,
                            on_result=report, overwrite=args.overwrite, skip_existing=args.skip_existing,
                            split_docbreaks=args.split_docbreaks,
                            profile=profile, info=info, simplify=args.simplified)
    done = [r for r in results if not r.error and not r.cancelled and not r.skipped]
    skipped = sum(1 for r in results if r.skipped)
    failed = sum(1 for r in results if r.error) + len(missing)
    noise = sum(len(r.doc.removed) for r in done if r.doc)
    warns = sum(len(r.doc.warnings) for r in done if r.doc)
    if ctrl_c.pressed and any(r.cancelled for r in results):
        stopped = [r for r in results if r.cancelled and r.started]
        not_started = sum(1 for r in results if r.cancelled and not r.started)
        if not args.quiet:
            for r in stopped:
                print(f"停止 stopped {r.path}", file=sys.stderr)
        print(f"已取消：完成 {len(done)} 个，失败 {failed} 个，中途停止 {len(stopped)} 个，未开始 {not_started} 个 / "
              f"cancelled: {len(done)} done, {failed} failed, {len(stopped)} stopped, {not_started} not started",
              file=sys.stderr)
        return 130
    kept = (f"，跳过已有输出的 {skipped} 个", f", {skipped} skipped (output exists)") if skipped else ("", "")
    print(f"完成 {len(done)} 个，失败 {failed} 个{kept[0]}，删除网页杂项 {noise} 行，提示 {warns} 条 / "
          f"{len(done)} done, {failed} failed{kept[1]}, {noise} noise lines removed, {warns} warnings", file=sys.stderr)
    return 1 if failed else 0


class _CtrlC:
    """Ctrl+C during a batch: the first one stops it (run_batch asks is_cancelled; nothing is written after it and
    the summary says what was done), a second one interrupts at once. Only a flag is set in the handler: the
    handler may run while the batch holds a lock."""

    def __init__(self) -> None:
        self.pressed = False
        self._old = None

    def __enter__(self) -> _CtrlC:
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._old is not None:
            import signal

            signal.signal(signal.SIGINT, self._old)

    def _handle(self, signum: int, frame: object) -> None:
        import signal

        self.pressed = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    def stage(self, name: str) -> None:
        pass

    def is_cancelled(self) -> bool:
        return self.pressed


if __name__ == "__main__":
    sys.exit(main())
