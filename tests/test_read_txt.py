"""TXT reader: encodings a Chinese Windows PC produces."""
import codecs

import pytest
from qg_paths import DATA

from core.readers.txt import decode, read_txt

SAMPLE = "在2021年全市教育系统工作会议上的讲话\n同志们：\n今天我们召开一年一度的全市教育系统工作会议，主要任务是全面贯彻落实会议精神。\n"


@pytest.mark.parametrize("enc,prefix,expect", [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("gbk", b"", "gb18030"),
    ("gb18030", b"", "gb18030"),
])
def test_decodes_common_encodings(enc, prefix, expect):
    text, used, conf = decode(prefix + SAMPLE.encode(enc))
    assert text == SAMPLE
    assert used == expect


def test_gbk_guess_becomes_gb18030_so_rare_characters_survive():
    # 㙟 (U+365F) exists in GB18030 but not in GBK
    rare = SAMPLE * 3 + "地名：㙟角。\n"
    text, used, _ = decode(rare.encode("gb18030"))
    assert used == "gb18030"
    assert "㙟角" in text


def test_big5_text_is_read():
    big5 = ("各縣市教育局：為落實教育政策，請各校依照規定辦理相關事項。" * 5).encode("big5")
    text, used, _ = decode(big5)
    assert "教育局" in text
    assert used.startswith("big5")


def test_lines_keep_blank_and_indent_information():
    doc = read_txt("标题\n\n\n    正文第一行\n".encode(), "a.txt")
    assert [ln.text for ln in doc.lines] == ["标题", "正文第一行"]
    assert doc.lines[1].blank_before == 2
    assert doc.lines[1].indent == 4
    assert doc.lines[1].lineno == 4


# UTF-16 with its BOM cut off (a tool that strips "garbage" at the start, a copy out of a database export):
# the guard lets it through as text, so the reader must decode it as UTF-16, not as NUL-laden UTF-8 or GBK.
@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded(enc):
    text, used, conf = decode(SAMPLE.encode(enc))
    assert text == SAMPLE and used == enc and conf >= 0.6


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_a_few_words_of_utf16_without_a_bom(enc):
    # too short for chardet to guess: the NUL of the line end decides
    assert decode("通知\n".encode(enc))[:2] == ("通知\n", enc)


def test_utf16_without_a_bom_when_the_draft_is_all_ascii():
    # every ASCII byte pair is valid UTF-8 too (NUL included): the byte lanes must win over UTF-8
    plain = "Work plan 2024\r\n1. Safety first\r\n2. Budget\r\n"
    assert decode(plain.encode("utf-16-le"))[:2] == (plain, "utf-16-le")


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_real_utf16_sample_without_its_bom_reads_like_with_it(tmp_path, enc):
    from core.readers import read

    sample = DATA / "samples" / "s03_summary_xiangcun_utf16.txt"
    raw = sample.read_bytes()
    assert raw.startswith(codecs.BOM_UTF16_LE)
    unmarked = tmp_path / "总结.txt"
    unmarked.write_bytes(raw[2:].decode("utf-16-le").encode(enc))
    want, got = read(sample), read(unmarked)
    assert got.encoding == enc and not got.warnings
    assert [(ln.text, ln.lineno, ln.indent, ln.blank_before) for ln in got.lines] == \
        [(ln.text, ln.lineno, ln.indent, ln.blank_before) for ln in want.lines]
    assert len(got.lines) > 10


def test_utf8_with_a_stray_nul_is_not_taken_for_utf16():
    damaged = SAMPLE.encode("utf-8").replace("会议".encode(), b"\x00", 1)
    text, used, _ = decode(damaged)
    assert used == "utf-8" and "全市教育系统" in text
