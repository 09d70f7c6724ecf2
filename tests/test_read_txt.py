"""TXT reader: encodings a Chinese Windows PC produces."""
import codecs

import pytest

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
