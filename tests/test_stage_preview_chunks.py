"""preview_chunks alone, on the lines of real doc-share pages (../shared/corpus/real rA08, rE10, rC10; the rounds)."""
from core.model import Document, Line, Overrides
from core.stages import preview_chunks

CHUNK1 = ("1、 全区优化营商环境暨企业大走访会议上讲话 同志们: 刚刚我们一起收看了全市营商环境迎评工作发动视频会议,林市长、于书记分别做了"
          "重要讲话,大家肯定要仔细讨论,不折不扣抓好贯彻落实。4 月28 日,市里召开全市提升营")
CHUNK2 = ("2、商环境工作大会,今日又召开全市营商环境迎评发动大会,可见市里对营商环境优化的重视程度。同志们,现在已进入 7 月份,国家营商"
          "环境评价的第三方已经确定,这也就意味着国家营商环境评价活动已经启动。我区仅企业开办样本库就有 10158 户,占全市样本库的 25%。")


def _run(*texts: str, overrides: Overrides | None = None) -> Document:
    doc = Document(source="x.txt", overrides=overrides or Overrides())
    doc.lines = [Line(t, k) for k, t in enumerate(texts, 1)]
    return preview_chunks.run(doc)


def test_chunk_numbers_go_and_a_chunk_cut_inside_a_word_goes_on_from_the_one_before():
    doc = _run("下载本文档", CHUNK1, CHUNK2)
    assert [ln.text for ln in doc.lines] == ["下载本文档", CHUNK1[3:] + CHUNK2[2:]]
    assert [(r.rule, r.text) for r in doc.removed] == [("preview-chunk-number", "1、"), ("preview-chunk-number", "2、")]
    assert [c.kind for c in doc.changes] == ["join"]


def test_numbered_items_are_no_chunks():
    # round1 p12: a plan's short items under a heading
    doc = _run("三、活动时间和地点", "1、时间:20xx年x月x日。", "2、地点:学校操场。")
    assert [ln.text for ln in doc.lines] == ["三、活动时间和地点", "1、时间:20xx年x月x日。", "2、地点:学校操场。"]
    assert not doc.removed


def test_the_snippet_above_the_text_goes_with_a_site_prefix_and_an_added_full_stop():
    # round2 p02: the site's slogan and address, then the title and the first sentence cut short with a "。"
    snippet = "携笔同道公文写作范文宝典:www.xiebitongdao.comXX镇2021年安全生产工作情况总结2021年XX镇认真贯彻习近平总书记关于安全生产重要论述,全面落实国家、省、市和区党委政府关于安全。"
    body = "2021年XX镇认真贯彻习近平总书记关于安全生产重要论述,全面落实国家、省、市和区党委政府关于安全生产的各项决策部署。"
    doc = _run(snippet, "携笔同道公文写作范文宝典:www.xiebitongdao.com", "XX镇2021年安全生产工作情况总结", body)
    assert [ln.text for ln in doc.lines] == ["携笔同道公文写作范文宝典:www.xiebitongdao.com", "XX镇2021年安全生产工作情况总结", body]
    assert [r.rule for r in doc.removed] == ["preview-snippet"]


def test_a_paragraph_that_merely_shares_words_with_the_next_stays_and_the_clerk_can_keep_a_snippet():
    a = "今年以来，全县上下认真贯彻落实县委决策部署，扎实推进安全生产各项工作，全县安全生产形势总体平稳，为经济社会发展创造了良好环境。"
    b = "今年以来，全县上下认真贯彻落实县委决策部署，坚持以人民为中心的发展思想，统筹推进稳增长、促改革、调结构、惠民生各项工作。"
    assert [ln.text for ln in _run(a, b).lines] == [a, b]
    snippet = "2024年镇委政策大宣讲工作方案一、背景和目的随着社会的不断发展和进步,政府面临着越来越多的问题和挑战。为了更好地落实党中央"
    full = ("2024年镇委政策大宣讲工作方案 一、背景和目的 随着社会的不断发展和进步,政府面临着越来越多的问题和 挑战。为了更好地落实党中央的方针政策,"
            "推动经济社会发展, 加强基层党组织建设,提高人民群众的获得感和幸福感,我镇计 划在2023年开展一次大规模的政策宣讲活动。")
    assert [ln.text for ln in _run(snippet, full).lines] == [full]
    assert [ln.text for ln in _run(snippet, full, overrides=Overrides(keep_lines={1})).lines] == [snippet, full]
