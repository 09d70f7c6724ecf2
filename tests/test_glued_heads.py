"""Headings glued to the end of the sentence before them are split out; enumerations inside a sentence stay."""
from core.api import clean_text


def _heads(text: str) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in clean_text(text).blocks if b.kind == "heading"]


def test_the_next_heading_after_a_full_stop_is_split_out_at_each_level():
    text = ("××县医疗保障局2023年工作总结\n一.2023年主要工作成效\n"
            "(一)全民参保扩面提质。全县基本医保参保率稳定在95%以上，困难群众应助尽助。(二)待遇保障持续提升。全面落实三重制度。\n"
            "(三)自身建设全面加强。干部队伍作风建设取得实效。二、存在的问题\n"
            "一年来，我们虽然做了一些工作，但仍存在一些不足，基金收支平衡压力加大。三、2024年工作思路\n"
            "2024年，我局将紧紧围绕县委、县政府中心工作，重点抓好以下工作：\n"
            "1、持续巩固全民参保。压实乡镇参保责任。2、深化支付方式改革。巩固DRG付费改革成果。\n")
    heads = _heads(text)
    assert (1, "一、2023年主要工作成效") in heads  # "一." before a digit is a marker too
    assert [t for lvl, t in heads if lvl == 1] == ["一、2023年主要工作成效", "二、存在的问题", "三、2024年工作思路"]
    assert [t for lvl, t in heads if lvl == 2] == ["（一）全民参保扩面提质。", "（二）待遇保障持续提升。", "（三）自身建设全面加强。"]
    assert [t for lvl, t in heads if lvl == 3] == ["1.持续巩固全民参保。", "2.深化支付方式改革。"]


def test_an_enumeration_inside_a_sentence_is_not_a_heading():
    text = ("关于做好季度工作的通知\n一、工作安排\n各单位要抓好落实。二、三季度要重点做好防汛工作，确保安全度汛。\n"
            "（一）加强领导。各单位要高度重视。（三）是本次检查的重点，请认真准备。\n")
    heads = _heads(text)
    assert [t for lvl, t in heads if lvl == 1] == ["一、工作安排"]
    assert [t for lvl, t in heads if lvl == 2] == ["（一）加强领导。"]


def test_circled_items_glued_after_a_full_stop_are_split_out():
    heads = _heads("交通运输局工作总结\n一、主要工作\n1.重点领域专项整治。聚焦重点领域，开展专项整治行动。①道路运输安全。检查企业32家。"
                   "②在建工程施工安全。开展检查46次。\n")
    assert [t for lvl, t in heads if lvl == 4] == ["（1）道路运输安全。", "（2）在建工程施工安全。"]


def test_circled_items_listed_inside_one_sentence_stay_in_it():
    heads = _heads("防汛应急预案\n一、应急响应\n（1）启动条件。发布暴雨预警时启动响应。\n"
                   "（2）响应措施：①成员全部到岗到位；②抢险队伍立即集结待命；③转移安置组组织群众转移到安全地带。\n")
    assert [t for lvl, t in heads if lvl == 4] == ["（1）启动条件。", "（2）响应措施："]
