"""One shared, lazily loaded jieba tokenizer whose cache lives in the app's cache folder.

jieba writes its dictionary cache to a temp dir by default and loads it on first use (about 1 s);
a frozen bundle's folder may be read-only, so the cache goes to the user's cache folder.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from functools import lru_cache
from pathlib import Path

_lock = threading.Lock()
_tok = None


def cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        d = base / "QingGao" / "cache"
    else:
        d = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qinggao"
    return d


def tokenizer():
    """The shared jieba Tokenizer, initialised once (thread-safe)."""
    global _tok
    if _tok is None:
        with _lock:
            if _tok is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                d = cache_dir()
                try:
                    d.mkdir(parents=True, exist_ok=True)
                    jieba.dt.tmp_dir = str(d)
                except OSError:
                    pass  # fall back to jieba's default temp dir
                from .resources import resource

                user_dict = resource("dict", "user.dict")
                jieba.dt.initialize()
                if user_dict.exists():
                    jieba.dt.load_userdict(str(user_dict))
                _tok = jieba.dt
    return _tok


def warm_up_in_background() -> threading.Thread:
    t = threading.Thread(target=tokenizer, name="jieba-warmup", daemon=True)
    t.start()
    return t


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    return tuple(tokenizer().cut(text, HMM=False))


def in_dictionary(word: str) -> bool:
    return tokenizer().FREQ.get(word, 0) > 0
