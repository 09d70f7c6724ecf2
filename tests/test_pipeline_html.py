"""The cleaning stages on real saved HTML pages (../shared/corpus/html): the page's paragraph elements, headline
and <title> are evidence the text-only rules do not have."""
import pytest
from qg_paths import HTML, needs_corpus

from core.api import clean_file

pytestmark = needs_corpus


def _blocks(name: str) -> list:
    return clean_file(HTML / name).blocks


def test_paragraph_elements_are_not_joined_into_one_block():
    blocks = _blocks("gne__shanxi.html")
    assert blocks[0].text == "山西品牌丝路行（南美站）正式启动成功举办中国（山西）－巴西双向经贸投资推介会"  # <h2> + <h3>
    assert not any("（刘通摄）" in b.text for b in blocks)  # the photo caption is not glued to the paragraph after it
    assert blocks[1].text.startswith("跨越千山万水") and blocks[1].text.endswith("。")
    assert sum(b.kind == "paragraph" for b in blocks) >= 8


def test_headline_is_the_title_and_a_click_through_link_under_it_is_noise():
    doc = clean_file(HTML / "gne__people.html")
    assert (doc.blocks[0].kind, doc.blocks[0].text) == ("title", "女儿出嫁，郑板桥画了几笔兰花当嫁妆")
    assert any(r.text.startswith("点击进入") for r in doc.removed)


@pytest.mark.parametrize("name, title", [
    ("traf__xinhuanet.com.c_1125597921.html", "武汉的声音：有英勇的你，才有英雄的城！"),  # matched by the page's <title>
    ("magic__5da9b27b0b9b53ae.html", "呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元"),  # <h1> with "、"
])
def test_a_headline_with_sentence_punctuation_is_still_the_title(name, title):
    blocks = _blocks(name)
    assert (blocks[0].kind, blocks[0].text) == ("title", title)
    assert blocks[1].kind == "paragraph" and not blocks[1].text.startswith(title[:6])


def test_credits_line_under_a_news_item_is_removed():
    doc = clean_file(HTML / "gne__zyyfy.html")
    assert not any("编辑/" in b.text for b in doc.blocks)
    assert any("编辑/" in r.text for r in doc.removed)


def test_a_truncation_banner_below_the_article_becomes_a_gap_with_its_count():
    from qg_paths import DATA
    page = DATA / "samples" / "s26_plan_renju_page_gb2312.html"  # "全文共5268字，当前试读1860字" outside the article
    doc = clean_file(page)
    assert [b.omitted_chars for b in doc.blocks if b.kind == "gap"] == [5268 - 1860]
    assert doc.blocks[-1].kind == "gap"


@pytest.mark.parametrize("name", sorted(p.name for p in HTML.glob("*.html")) if HTML.exists() else [])
def test_pages_without_a_banner_get_no_gap(name):
    assert not any(b.kind == "gap" for b in _blocks(name))
