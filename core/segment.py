"""Word segmentation with jieba's dictionary, without paying jieba's start-up cost.

jieba's own start-up (importing it, then unmarshalling a 500,000-entry prefix dictionary from its cache) takes
0.5-0.8 s, more than half of a CLI cold start. The pipeline only needs two things from it: "is this a dictionary
word" (reflow) and jieba's accurate-mode cut without HMM (run-in headings, title line breaks). Both are answered
here from a compact index of jieba's dictionary: its words sorted, with their frequencies, kept in one file in
the app's cache folder (loads in ~40 ms; built from jieba's dict.txt plus resources/dict/user.dict on first use,
~0.5 s). The cut below follows jieba 0.42's `Tokenizer.cut(s, HMM=False)` step for step, so it gives the same
words (tests/test_segment.py compares them); a prefix of a word is found by bisecting the sorted list instead
of jieba's table of every prefix.

`tokenizer()` still gives the real jieba Tokenizer (for --selftest), with its cache in the same folder.
"""
from __future__ import annotations

import importlib.util
import os
import re
import sys
import tempfile
import threading
import zlib
from array import array
from bisect import bisect_left, insort
from collections.abc import Iterator
from functools import lru_cache
from math import log
from pathlib import Path

from .text import is_cjk

_lock = threading.Lock()
_tok = None
_dict: Dictionary | None = None

INDEX_FORMAT = b"QGWORDS1"  # bump when the file layout or the build changes
# jieba 0.42 (__init__.py): the blocks cut() segments, the blanks it passes through, single letters/digits it glues
RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
RE_SKIP = re.compile(r"(\r\n|\s)")
RE_ENG = re.compile("[a-zA-Z0-9]")
RE_USERDICT = re.compile("^(.+?)( [0-9]+)?( [a-z]+)?$")
RE_DICT_LINE = re.compile(r"^[ \t\r]*([^ \n]+) ([0-9]+)", re.M)


def cache_dir() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        d = base / "QingGao" / "cache"
    else:
        d = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qinggao"
    return d


class Dictionary:
    """jieba's FREQ table as a sorted word list: a string is a key of FREQ exactly when it begins some word."""

    def __init__(self, words: list[str], freqs: array, total: int):
        self.words = words  # sorted, unique; every dictionary line's word, frequency 0 included
        self.freqs = freqs
        self.total = total

    def get(self, w: str) -> int | None:
        """jieba's FREQ.get(w): the frequency, 0 for a mere prefix of a word, None when nothing begins with w."""
        i = bisect_left(self.words, w)
        if i == len(self.words) or not self.words[i].startswith(w):
            return None
        return self.freqs[i] if self.words[i] == w else 0

    def add_word(self, word: str, freq: int | None) -> None:
        """jieba's Tokenizer.add_word (without the HMM force-split, which HMM=False never uses)."""
        if freq is None:  # jieba's suggest_freq(word, tune=False)
            f = 1.0
            for seg in self.cut(word):
                g = self.get(seg)
                f *= (1 if g is None else g) / float(self.total)
            g = self.get(word)
            freq = max(int(f * self.total) + 1, 1 if g is None else g)
        i = bisect_left(self.words, word)
        if i < len(self.words) and self.words[i] == word:
            self.freqs[i] = freq
        else:
            insort(self.words, word)
            self.freqs.insert(i, freq)
        self.total += freq

    def _dag(self, s: str) -> list[list[int]]:
        words, freqs, n, big = self.words, self.freqs, len(self.words), len(s)
        dag = []
        for k in range(big):
            ends: list[int] = []
            i, lo, frag = k, 0, s[k]
            while i < big:
                j = bisect_left(words, frag, lo)  # a longer fragment sorts after a shorter one: search on from j
                if j == n or not words[j].startswith(frag):
                    break
                if words[j] == frag and freqs[j]:
                    ends.append(i)
                lo = j
                i += 1
                frag = s[k:i + 1]
            dag.append(ends or [k])
        return dag

    def _cut_block(self, s: str) -> Iterator[str]:
        """jieba's __cut_DAG_NO_HMM: the most probable path through the word graph."""
        dag = self._dag(s)
        n = len(s)
        route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        logtotal = log(self.total)
        for idx in range(n - 1, -1, -1):
            route[idx] = max((log(self.get(s[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x) for x in dag[idx])
        x, buf = 0, ""
        while x < n:
            y = route[x][1] + 1
            w = s[x:y]
            if RE_ENG.match(w) and len(w) == 1:
                buf += w
            else:
                if buf:
                    yield buf
                    buf = ""
                yield w
            x = y
        if buf:
            yield buf

    def cut(self, text: str) -> Iterator[str]:
        """jieba.cut(text, HMM=False)."""
        for blk in RE_HAN.split(text):
            if not blk:
                continue
            if RE_HAN.match(blk):
                yield from self._cut_block(blk)
            else:
                for x in RE_SKIP.split(blk):
                    if RE_SKIP.match(x):
                        yield x
                    else:
                        yield from x


def _jieba_dict_file() -> Path:
    # find_spec locates the package without importing it (jieba's import pulls in pkg_resources: ~60 ms)
    spec = importlib.util.find_spec("jieba")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        if (Path(loc) / "dict.txt").is_file():
            return Path(loc) / "dict.txt"
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def _build(dict_file: Path, user_dict: Path) -> Dictionary:
    """jieba's gen_pfdict + load_userdict, keeping words only (prefixes are found by bisection)."""
    text = dict_file.read_bytes().decode("utf-8")
    try:  # jieba's dict.txt: "word freq tag" on every line; splitting the whole text at once is fastest
        toks = text.split()
        if len(toks) != 3 * len(text.splitlines()):
            raise ValueError("not three fields a line")
        words, freqs = toks[0::3], list(map(int, toks[1::3]))
    except ValueError:  # another layout (tags left out…): read line by line
        pairs = RE_DICT_LINE.findall(text)
        words, freqs = [w for w, _ in pairs], [int(f) for _, f in pairs]
    freq_of = dict(zip(words, freqs))  # a repeated word keeps its last frequency, as in jieba
    words = sorted(freq_of)
    d = Dictionary(words, array("q", map(freq_of.__getitem__, words)), sum(freqs))
    if user_dict.exists():
        for ln in user_dict.read_bytes().splitlines():
            line = ln.strip().decode("utf-8").lstrip("\ufeff")
            if line:
                word, freq, _tag = RE_USERDICT.match(line).groups()
                d.add_word(word, int(freq) if freq is not None else None)
    return d


def _index_path(dict_file: Path, user_dict: Path) -> Path:
    st = dict_file.stat()
    user = zlib.crc32(user_dict.read_bytes()) if user_dict.exists() else 0
    return cache_dir() / f"words-{st.st_size:x}-{st.st_mtime_ns:x}-{user:08x}.bin"


def _load(path: Path) -> Dictionary | None:
    try:
        data = path.read_bytes()
        head, _, _ = data[:200].partition(b"\n")
        magic, total, n, size = head.split()
        start = len(head) + 1
        if magic != INDEX_FORMAT:
            return None
        words = data[start:start + int(size)].decode("utf-8").split("\n")
        freqs = array("q")
        freqs.frombytes(data[start + int(size):])
        if len(words) != int(n) or len(freqs) != int(n):
            return None
        return Dictionary(words, freqs, int(total))
    except (OSError, ValueError):
        return None  # missing, damaged or from another version: build it again


def _save(d: Dictionary, path: Path) -> None:
    blob = "\n".join(d.words).encode("utf-8")
    head = b"%s %d %d %d\n" % (INDEX_FORMAT, d.total, len(d.words), len(blob))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".words-")
        with os.fdopen(fd, "wb") as f:
            f.write(head + blob + d.freqs.tobytes())
        os.replace(tmp, path)  # batch workers may build at once: each file appears whole or not at all
        for old in path.parent.glob("words-*.bin"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only cache folder only costs the build on each start


def dictionary() -> Dictionary:
    """The shared word index, loaded once (thread-safe)."""
    global _dict
    if _dict is None:
        with _lock:
            if _dict is None:
                from .resources import resource

                dict_file, user_dict = _jieba_dict_file(), resource("dict", "user.dict")
                path = _index_path(dict_file, user_dict)
                d = _load(path)
                if d is None:
                    d = _build(dict_file, user_dict)
                    _save(d, path)
                _dict = d
    return _dict


def tokenizer():
    """The real jieba Tokenizer with the user dictionary, initialised once (thread-safe); its cache goes to the
    app's cache folder (a frozen bundle's folder may be read-only). The pipeline itself uses dictionary()."""
    global _tok
    if _tok is None:
        with _lock:
            if _tok is None:
                import logging

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
    t = threading.Thread(target=dictionary, name="dictionary-warmup", daemon=True)
    t.start()
    return t


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """jieba.cut(text, HMM=False) as a tuple."""
    return tuple(dictionary().cut(text))


def in_dictionary(word: str) -> bool:
    return (dictionary().get(word) or 0) > 0


def word_across(a: str, b: str) -> bool:
    """jieba reads a word across the break ("不" | "断提高" -> "不断"); a dictionary word that only the two
    edge characters form ("不足" | "部分" -> "足部") does not count when the words around it read better."""
    if not a or not b or not is_cjk(a[-1]) or not is_cjk(b[0]):
        return False
    left = a[-4:]
    pos = 0
    for w in words(left + b[:4]):
        if pos >= len(left):
            return False
        if pos + len(w) > len(left):
            return len(w) >= 2
        pos += len(w)
    return False
