"""core.segment answers from its own word index exactly what jieba (accurate mode, no HMM) would."""
from __future__ import annotations

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from qg_paths import CORPUS, HTML, needs_corpus

from core import segment
from core.resources import resource


@pytest.fixture(scope="module")
def jieba_tok():
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(resource("dict", "user.dict")))
    return tok


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return segment._build(segment._jieba_dict_file(), resource("dict", "user.dict"))


def _corpus_lines() -> list[str]:
    lines = []
    for p in sorted(CORPUS.glob("*.txt")):
        lines += p.read_text(encoding="utf-8").splitlines()
    for p in sorted(HTML.rglob("*.htm*"))[:6]:
        raw = p.read_bytes()
        for enc in ("utf-8", "gb18030"):
            try:
                lines += raw.decode(enc).splitlines()[:400]
                break
            except UnicodeDecodeError:
                continue
    return [ln for ln in lines if ln.strip()]


@needs_corpus
def test_cut_matches_jieba_on_real_drafts_and_pages(index, jieba_tok):
    lines = _corpus_lines()
    assert len(lines) > 300
    differ = [ln for ln in lines if list(index.cut(ln)) != list(jieba_tok.cut(ln, HMM=False))]
    assert differ == []


# CJK from common words, letters, digits, the punctuation and blanks that drafts carry
ALPHABET = "不断提高教育质量工作会议全面落实立德树人五育并举优质均衡的了和与在一二三十年月日" \
           "abcXYZ019.+#%-_&，。、；：！？（）“”《》 \t\r\n\u3000"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_cut_matches_jieba_on_any_text(jieba_tok, text):
    d = segment.dictionary()
    assert list(d.cut(text)) == list(jieba_tok.cut(text, HMM=False))


def test_frequencies_and_prefixes_match_jieba(index, jieba_tok):
    assert index.total == jieba_tok.total
    text = "".join(_corpus_lines()[:200])
    grams = {text[i:i + n] for n in (1, 2, 3, 4) for i in range(len(text) - n)}
    assert [g for g in grams if index.get(g) != jieba_tok.FREQ.get(g)] == []
    assert segment.in_dictionary("不断") and not segment.in_dictionary("断提")
    assert segment.in_dictionary("立德树人")  # from resources/dict/user.dict


def test_user_word_without_frequency_gets_jiebas_suggested_one(tmp_path):
    user = tmp_path / "user.dict"
    user.write_text("\ufeff清稿工具\n教育强市 n\n不断提高 7 v\n", encoding="utf-8")
    tok = jieba.Tokenizer()
    tok.initialize()
    tok.load_userdict(str(user))
    ours = segment._build(segment._jieba_dict_file(), user)
    assert ours.total == tok.total
    for w in ("清稿工具", "教育强市", "不断提高", "清稿"):
        assert ours.get(w) == tok.FREQ.get(w)
    assert list(ours.cut("清稿工具不断提高教育强市")) == list(tok.cut("清稿工具不断提高教育强市", HMM=False))


def test_index_is_cached_in_the_user_cache_folder_and_rebuilt_when_damaged(tmp_path, monkeypatch, index):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setattr(segment, "_dict", None)
    first = segment.dictionary()
    files = list(tmp_path.rglob("words-*.bin"))
    assert len(files) == 1 and files[0].parent == segment.cache_dir()
    assert first.words == index.words and list(first.freqs) == list(index.freqs)

    monkeypatch.setattr(segment, "_dict", None)
    assert segment.dictionary().words == index.words  # loaded from the file this time
    files[0].write_bytes(files[0].read_bytes()[:5000])  # truncated, as by a crash
    monkeypatch.setattr(segment, "_dict", None)
    again = segment.dictionary()
    assert again.total == index.total and len(again.words) == len(index.words)
    assert files[0].stat().st_size > 1_000_000


def test_a_dictionary_without_tags_is_read_line_by_line(tmp_path):
    main = tmp_path / "dict.txt"
    main.write_text("教育 900 n\n教育局 300\n局长 200 n\n教育 1000 n\n长 50\n", encoding="utf-8")  # 教育 twice: last wins
    tok = jieba.Tokenizer(dictionary=str(main))
    tok.tmp_dir = str(tmp_path)
    tok.initialize()
    ours = segment._build(main, tmp_path / "no-user.dict")
    assert ours.total == tok.total == 2450
    assert {w: ours.get(w) for w in ("教育", "教育局", "局长", "教")} == {w: tok.FREQ.get(w) for w in ("教育", "教育局", "局长", "教")}
    assert list(ours.cut("教育局局长")) == list(tok.cut("教育局局长", HMM=False))


def test_warm_up_loads_the_index_in_another_thread(monkeypatch):
    import threading

    monkeypatch.setattr(segment, "_dict", None)
    t = segment.warm_up_in_background()
    assert t is not threading.current_thread() and t.daemon
    t.join(30)
    assert segment._dict is not None and segment.in_dictionary("教育")
