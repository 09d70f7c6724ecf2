"""The noise rule data (resources/rules/noise.toml): real site lines go with the right rule id, body sentences
that look like them stay. Lines are placed where pages put them: `mid` between two body paragraphs (a line or
short rule holds anywhere), `head` above the title, `tail` below the last sentence (zone and tail rules)."""
from __future__ import annotations

import re

import pytest
from qg_paths import DATA

from core.api import clean_file
from core.model import Document
from core.readers.lines import split_lines
from core.rules import load_toml, noise_rules
from core.stages import strip_noise

TITLE = "关于开展2023年“安全生产月”活动的通知"
BODY = "今年6月是第22个全国“安全生产月”，为进一步强化安全发展理念，现就开展活动有关事项通知如下："
BODY2 = "各乡镇、各部门要高度重视，主要负责同志要亲自研究部署，确保各项活动有序开展，取得实效。"
SAMPLES = DATA / "samples"


def _page(line: str, where: str) -> str:
    return {"head": f"{line}\n{TITLE}\n{BODY}\n{BODY2}\n",
            "mid": f"{TITLE}\n{BODY}\n{line}\n{BODY2}\n",
            "tail": f"{TITLE}\n{BODY}\n{BODY2}\n{line}\n"}[where]


def _strip(text: str) -> Document:
    return strip_noise.run(Document(source="t.txt", lines=split_lines(text)))


def _rule_for(line: str, where: str) -> str | None:
    doc = _strip(_page(line, where))
    hits = [r.rule for r in doc.removed if r.text == line.strip()]
    return hits[0] if hits else None


def _kept(line: str, where: str) -> bool:
    return line.strip() in [ln.text for ln in _strip(_page(line, where)).lines]


# (rule id, where, line): lines from samples s19–s30, and the same thing in other sites' wording
REMOVED = [
    # real pages (../shared/corpus/real, tests/data/real/round1)
    ("site-name-line", "head", "三味园范文网"),
    ("post-date-stamp", "head", "2025-04-02"),
    ("contact-ad", "tail", "请点击👉 mbgs777 👈联系老师"),
    ("contact-ad", "head", "老金范文，海量公文素材资料，下载网址：www.laojinfanwen.com，润笔请加微：liaoda199。"),
    ("docshare-notice", "head", "下载提示"),
    ("docshare-notice", "head", "• 1.该资料是网友上传的,本站提供全文预览,预览什么样,下载就什么样。"),
    ("docshare-notice", "head", "文档列表 文档介绍"),
    ("article-footer", "tail", "本文标题:在2017年泉州市“创森杯”市直机关运动会开幕式上的致辞范文860字"),
    ("article-footer", "tail", "链接地址:http://www.gwzjk.com//index/article/detail/detail_id/86002.html"),
    ("copyright-note", "tail", "版权声明"),
    ("tip-jar", "tail", "如果喜欢本篇内容,请赞赏鼓励哦!"),
    ("gov-info-block", "head", "索引号 640502035/2023-00297 文号 卫沙统发〔2023〕28号 生成日期 2023-12-08"),
    ("tip-jar", "tail", "尚未有人赏赞,赶紧来一个吧"),
    ("copyright-note", "tail", "作者原创,不允许二次传播,一经发现收回会员权益,追究法律责任。"),
    # sample wave 14 (s119–s124)
    ("editor-note-lead", "head", "【编者按】岁末年终，各级团组织都要着手撰写年度工作总结。青云公文网编辑为大家精选了这篇学院团委工作总结，仅供学习参考。"),
    ("editor-note-lead", "head", "摘要：村党支部换届是农村基层党建的一件大事。本文是一篇村党支部换届选举工作方案范文，供参考。"),
    ("download-word", "mid", ">>>> 点击下载完整Word文档（需消耗2个积分）<<<<"),
    # sample wave 11 (s97–s104)
    ("more-please-follow", "tail", "更多心得体会范文请关注本站。"),
    ("tail-related-kind", "tail", "相关讲话稿："),
    # sample wave 10 (s89–s96)
    ("pager", "mid", "第1页　第2页　第3页　下一页"),
    ("button-row", "tail", "收藏本文　打印本文　举报"),
    ("site-upload-note", "tail", "温馨提示：本文由网友上传，仅供学习参考，请勿直接使用。如需原创材料请联系在线客服。"),
    ("ad-recommend", "mid", "【推荐】2024年优化营商环境讲话稿精选（共28篇）"),
    ("ad-recommend", "mid", "点击获取更多优质范文>>"),
    ("ad-recommend", "mid", "点击获取更多：县长讲话稿、政府工作报告、述职报告范文大全>>"),
    # sample wave 9 (s81–s88)
    ("gap-abridged", "mid", "（此处有删节）"),
    ("footer-gov", "tail", "××县人民政府主办　××县政务服务和数据管理局承办"),
    ("tail-related-kind", "tail", "相关述职报告："),
    ("tail-related-kind", "tail", "更多工作总结>>"),
    ("library-buttons", "tail", "转藏到我的图书馆　　献花(0)　　+1　　分享："),
    ("library-buttons", "tail", "来自：青松2019 > 《心得体会》"),
    ("end-of-text", "tail", "全文阅读已结束，下载本文档需要使用 1 积分"),
    # sample wave 8 (s73–s80)
    ("meta-note-stamp", "head", "12月18日 21:47  |  1,902字"),
    ("site-material-note", "head", "本资料仅供参考，请结合本单位实际情况修改使用。"),
    ("mojibake", "head", "ç½‘ç«™é¦–é¡µ | æ”¿åŠ¡å…¬å¼€ | æ”¿åŠ¡æœåŠ¡ | äº’åŠ¨äº¤æµ"),
    ("mojibake", "tail", "ã€æ‰“å°æœ¬é¡µã€‘ã€å…³é—­çª—å£ã€‘"),
    ("app-more-pictures", "mid", "打开××新闻APP，查看更多高清图片>>"),
    ("platform-disclaimer", "tail", "特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台“××号”用户上传并发布，本平台仅提供信息存储服务。"),
    # sample wave 7 (s65–s72)
    ("meta-download-count", "head", "本文已被下载96次，会员可免费下载编辑版Word文档。"),
    ("meta-download-count", "head", "此文已被收藏56次"),
    ("vip-doc", "mid", "VIP专享　立即下载"),
    ("meta-doc-summary", "head", "文档简介：本计划包含指导思想、工作目标、主要工作及措施、月工作安排等内容，可供学校德育工作参考。"),
    # sample wave 3 (s47–s54)
    ("button-row-brackets", "tail", "[免费下载] [VIP专享] [投诉举报]"),
    ("download-word", "tail", ">>> 点击复制全文 | 下载Word文档(会员) <<<"),
    ("download-word", "tail", "【青藤公文网】本文共5820字,更多精彩内容请登录后查看>>"),
    ("converted-text-note", "head", "星辰文档网提示:本文为PDF转换文本,排版可能与原文不同,仅供预览"),
    ("tail-related", "tail", "您可能关注的文档"),
    ("tail-related", "tail", "同类文章推荐:"),
    # navigation
    ("nav-breadcrumb", "head", "您所在的位置：首页 > 政务公开 > 政府文件 > 县政府办文件"),
    ("nav-breadcrumb", "head", "位置:公文易 > 领导讲话 > 经济工作讲话 > 正文"),
    ("nav-breadcrumb", "head", "您当前的位置：首页 » 信息公开 » 通知公告"),
    ("nav-back", "head", "◀ 返回                 文档详情"),
    ("site-mobile", "head", "范文吧 · 手机版"),
    ("site-mobile", "head", "公文网 | 触屏版"),
    ("site-portal", "head", "××县人民政府门户网站"),
    ("site-portal", "tail", "××市政务服务网"),
    ("site-slogan", "head", "公文易 - 领导讲话稿频道"),
    ("site-slogan", "head", "公文汇 - 机关单位材料写作平台"),
    ("site-slogan", "head", "笔杆子 | 公文写作助手"),
    ("headline-label", "head", "村党支部书记先进事迹材料（2200字）"),
    ("headline-label", "head", "学校秋季田径运动会实施方案模板（可直接套用）"),
    ("nav-zone-words", "head", "目录"),
    # social buttons and WeChat furniture
    ("social-buttons", "mid", "👍 赞(36)    ↗ 分享给微信好友"),
    ("social-buttons", "mid", "👍 有用(86)    👎 无用(3)    ⭐ 收藏"),
    ("social-buttons", "tail", "点赞(12) | 收藏"),
    ("wechat-furniture", "tail", "觉得不错，点个“在看”再走吧"),
    ("wechat-furniture", "tail", "喜欢就点个在看吧"),
    ("wechat-furniture", "head", "▲点击上方蓝字 关注××财政"),
    ("wechat-furniture", "head", "👆 点击蓝字关注我们"),
    ("wechat-furniture", "head", "原创"),
    ("wechat-furniture", "tail", "- END -"),
    ("ad-qr", "tail", "长按二维码 关注我们"),
    ("ad-qr", "tail", "长按下方二维码识别关注"),
    ("editor-note", "head", "编者按：5月4日，县直机关工委召开青年干部座谈会，6名青年干部代表作了交流发言。现将县财政局陈××同志的发言摘登如下。"),
    ("image-caption", "mid", "△座谈会现场"),
    ("image-caption", "mid", "▲活动现场合影"),
    ("image-caption", "mid", "图为山西品牌丝路行（南美站）启动仪式。（刘通摄）"),
    # page metadata
    ("meta-poster", "tail", "分类：心得体会    发布者：笔墨轩"),
    ("meta-poster", "head", "所属栏目：工作总结  投稿人：李老师"),
    ("meta-poster", "tail", "发布人：admin"),
    ("meta-strong", "head", "2023-03-18  编辑:gwy_08  热度:2341℃  [我要纠错]"),
    ("meta-strong", "head", "时间：2023-04-11"),
    ("meta-counts", "head", "2023-05-26  ·  阅读 5832  ·  ☆收藏"),
    ("meta-counts", "head", "2022/11/03 | 浏览 1.2万 | 评论 8"),
    ("meta-counts", "tail", "阅读 1286 赞 35 在看 12"),
    ("gov-info-block", "head", "索 引 号：11430xxx0060xxxx2T/2023-01234        分    类：安全生产"),
    ("gov-info-block", "head", "发布机构：××县人民政府办公室                   成文日期：2023-05-06"),
    ("gov-info-block", "head", "名    称：关于开展2023年“安全生产月”活动的通知"),
    ("gov-info-block", "head", "主题分类：综合政务\\通知公告    发文机关：××市人民政府办公室"),
    ("gov-info-block", "head", "发文字号：×政办发〔2023〕12号    公开方式：主动公开"),
    ("gov-info-block", "head", "有 效 性：有效"),
    # keywords and related lists
    ("keywords", "tail", "本文关键词：主题教育 读书班 学习心得"),
    ("keywords", "tail", "本文相关词：社区工作总结 上半年工作总结 下半年工作计划 网格员"),
    ("keywords", "tail", "TAGS：村支书事迹 优秀党务工作者 先进事迹材料"),
    ("keywords", "tail", "Tags: 工作计划 党建"),
    ("tail-more", "tail", "你可能还想看："),
    ("tail-more", "tail", "同类模板："),
    ("tail-more", "tail", "更多相关："),
    ("tail-more", "tail", "往期推荐"),
    ("tail-more", "tail", "【相关文档】"),
    ("page-bottom", "tail", "— 已经到底了 —"),
    ("footer-attachment-links", "tail", "附件下载："),
    # footers
    ("footer-gov", "tail", "主办：××县人民政府办公室    承办：××县大数据中心"),
    ("footer-gov", "tail", "主办单位：××市人民政府办公厅  技术支持：××信息技术有限公司"),
    ("footer-host", "tail", "主办单位：××市人民政府办公室"),
    # ads and the file's own boilerplate
    ("site-ad", "mid", "范文吧小程序 | 海量范文一键复制"),
    ("site-ad", "mid", "★写材料没思路？公文汇会员可免费下载10万篇精品材料，点此开通★"),
    ("site-ad", "mid", "🔥 全站范文会员免费下载 🔥"),
    ("site-ad", "mid", "【限时优惠】全站范文模板5折，仅限今日"),
    ("download", "mid", "【限时特惠】开通VIP会员，全站28万篇范文任意下载！"),  # a paid prompt first
    ("vip-doc", "head", "VIP专享文档"),
    ("doc-boilerplate", "head", "【最新整理，下载后即可编辑】"),
    ("doc-boilerplate", "tail", "【本文档内容可以自由复制内容或自由编辑修改内容期待你的好评和关注，我们将会做得更好】"),
    ("doc-boilerplate", "tail", "（注：可编辑下载，若有不当之处，请指正，谢谢！）"),
    ("doc-boilerplate", "head", "【精品文档】"),
    ("doc-boilerplate", "tail", "本文为Word版可编辑文档"),
    ("template-hint", "head", "温馨提示：文中带“____”“×××”处请根据本单位实际情况填写。"),
    ("template-hint", "head", "提示：本模板中下划线部分可根据实际修改。"),
    ("collection-label", "mid", "【篇三】"),
    ("collection-label", "mid", "（第二篇）"),
    # s31–s42: 文库 furniture, buttons, ads and end marks (each with another site's wording beside it)
    ("site-slogan-line", "head", "知识共享存储平台"),
    ("site-slogan-line", "head", "专业文档分享平台"),
    ("site-slogan", "head", "写作吧 · 主持词频道"),
    ("docshare-preview-note", "head", "预览与源文档一致，下载高清无水印"),
    ("docshare-preview-note", "mid", "本文档预览与原文件一致，下载后无水印"),
    ("docshare-uploader", "tail", "内容提供方：xiaozhang2019"),
    ("docshare-uploader", "tail", "审核时间：2023年12月27日"),
    ("docshare-uploader", "tail", "认证类型：个人认证"),
    ("docshare-rights", "mid", "文档版权：本文档经用户上传，原创力文档不对其内容的真实性、完整性负责"),
    ("docshare-open-with", "tail", "本文档为【2023年七一专题党课讲稿：牢记初心使命 勇于担当作为】，请使用OFFICE或WPS软件打开。"
                                   "作品中的文字与图均可以修改和编辑。"),
    ("docshare-open-with", "mid", "本文档为【2023年安全生产工作总结.doc】，请用Word软件打开。"),
    ("meta-doc-stats", "head", "4.7分 | 2156阅读 | 89下载 | 2023-06-30上传 | 共7页"),
    ("meta-doc-stats", "head", "4.5分 · 1.2万阅读 · 共12页"),
    ("button-row", "mid", "立即下载    分享给好友    收藏"),
    ("button-row", "tail", "举报/反馈"),
    ("button-row", "mid", "收藏 | 分享 | 举报"),
    ("button-row", "tail", "立即登录　免费注册"),
    ("follow-button", "head", "+关注"),
    ("follow-button", "head", "＋ 订阅"),
    ("ad-slot", "mid", "广告"),
    ("ad-slot", "mid", "— 广告 —"),
    ("app-prompt", "head", "打开App，阅读体验更佳"),
    ("app-prompt", "head", "APP内打开，体验更流畅"),
    ("end-marker", "tail", "（全文完）"),
    ("end-marker", "mid", "—完—"),
    ("page-bottom", "tail", "已阅读到文档的结尾了呢~~"),
    ("page-bottom", "tail", "已经看到最后了"),
    ("site-disclaimer", "tail", "【温馨提示】本站部分内容来自网络，仅供学习交流使用；如需Word版，请点击页面上方“下载”按钮。"),
    ("site-disclaimer", "mid", "本站所有资源均来源于网络，仅供学习交流。"),
    ("nav-more", "tail", "点击查看更多>>"),
    ("nav-more", "mid", "加载更多"),
]


@pytest.mark.parametrize(("rule", "where", "line"), REMOVED, ids=[f"{r}:{ln[:12]}" for r, _, ln in REMOVED])
def test_site_line_is_removed_by_its_rule(rule, where, line):
    assert _rule_for(line, where) == rule


# body sentences of official documents that look like site lines; `mid` is the hardest place (no zone
# protects them there from line and short rules); `head`/`tail` where a zone rule could reach them
KEPT = [
    ("mid", "要加快建设智慧电网，推进城乡电网改造。"),  # ends with 网, a sentence
    ("head", "一、加强电网建设"),
    ("mid", "2025年4月2日，县委召开常委会议，研究部署安全生产工作。"),
    ("mid", "对违反规定的，依法追究法律责任。"),  # a document's own sanction clause (long sentence in context)
    ("mid", "【编者按】今年以来，全县各校积极探索课后服务新模式，涌现出一批好经验好做法，现将××镇中心学校的做法刊发如下。"),
    ("mid", "全县已有2318名干部下载“学习强国”并坚持每日学习。"),
    ("mid", "会员单位可以在服务平台下载申报表格，按时报送。"),
    ("mid", "要充分利用微信小程序提升服务效率。"),
    ("mid", "【工作动态】【经验交流】"),  # a briefing's column heads, not buttons
    ("mid", "各单位下载填写附件后报送至县教育局。"),
    ("mid", "本文件由县教育局负责解释。"),
    ("mid", "同类问题要举一反三。"),
    ("mid", "同类模板化的问题要一并整改。"),
    ("mid", "（三）开展“点赞身边好人”活动。"),
    ("mid", "让我们为他们点个赞，向他们学习。"),
    ("mid", "时间：2023年5月12日上午9:00"),
    ("mid", "时间：6月1日 地点：县会议中心"),
    ("mid", "位置：学校田径运动场"),
    ("mid", "一、主办单位：××市教育局"),
    ("mid", "主办单位：××市教育局"),
    ("mid", "附件：1.2023年“安全生产月”活动安排表"),
    ("mid", "（二）推广政务APP：简化申报材料"),
    ("mid", "考生登录系统下载后即可打印准考证。"),
    ("mid", "（请使用可编辑的Word格式报送）"),
    ("mid", "（附件下载后请打印填写）"),
    ("mid", "说明：本表由各单位如实填写。"),
    ("mid", "△开展主题党日活动"),
    ("mid", "★加强组织领导★"),
    ("mid", "2023年5月26日，阅读量达5832次。"),
    ("mid", "《条例》全文共5章42条，约1.2万字。"),
    ("mid", "编写组认真梳理了相关资料。"),
    ("mid", "更多相关工作将在下半年推进。"),
    ("mid", "今年以来，我们推出了政务服务手机版。"),
    ("mid", "要积极关注基层群众诉求。"),
    ("mid", "分类施策、精准发力，推动问题整改到位。"),
    ("mid", "精品课程材料由教研组统一编印。"),
    ("mid", "（一）党建引领持续加强。"),
    ("head", "党建引领 — 打造基层治理新平台"),
    ("head", "××县人民政府关于印发门户网站管理办法的通知"),
    ("head", "村党支部书记先进事迹材料"),
    ("tail", "（此件主动公开）"),
    ("tail", "抄送：县委办公室，县人大常委会办公室，县政协办公室，县纪委监委。"),
    ("tail", "联系人：李××，联系电话：0738-8××××××。"),
    # beside the s31–s42 rules
    ("mid", "审核时间：2023年6月1日至6月5日"),
    ("mid", "内容提供方：××文化传媒有限公司"),
    ("mid", "（附件请使用WPS或Office软件打开）"),
    ("mid", "本站内容须经审核后方可发布。"),
    ("mid", "广告宣传费用由各单位自行承担。"),
    ("mid", "关注"),
    ("mid", "一、关注重点人群"),
    ("mid", "使用App办理业务更加便捷。"),
    ("mid", "查看更多信息请登录县政府门户网站。"),
    ("mid", "我们的奋斗故事未完待续。"),
    ("mid", "（二）收藏、整理、展示红色文物。"),
    ("mid", "本次预览与正式版本一致。"),
    ("mid", "全县4.7分以上的景区共12个。"),
    ("head", "××县政务资料共享平台建设方案"),
]


@pytest.mark.parametrize(("where", "line"), KEPT, ids=[ln[:14] for _, ln in KEPT])
def test_body_sentence_that_looks_like_noise_is_kept(where, line):
    assert _kept(line, where)


CUT = "结合支部实际，每月固定开展1次主题党日活动，严格执行中央八项规定及其实施细则精神，"


@pytest.mark.parametrize(("banner", "count", "rule"), [
    ("温馨提示：全文共5268字，当前试读1860字", 3408, "gap-total-shown"),
    ("剩余内容已隐藏，全文约4856字，您已阅读1630字", 3226, "gap-total-shown"),
    ("全文总计3200字，可免费预览1000字", 2200, "gap-total-shown"),
    ("本文共2500字，已读800字，登录后继续阅读", 1700, "gap-total-shown"),
    ("预览结束，全文15501字，当前显示4036字", 11465, "gap-total-shown"),
    ("本文共计 6 页，可免费预览 2 页", None, "gap-preview-pages"),
    ("该文档共12页，仅可预览前3页", None, "gap-preview-pages"),
    ("亲，该文档总共9页，到这已经超出免费预览范围，如果喜欢就下载吧！", None, "gap-preview-limit"),
    ("免费试读到此为止", None, "gap-preview-limit"),
    ("登录后查看完整内容", None, "gap-login-wall"),
    ("注册登录后可查看全部内容", None, "gap-login-wall"),
    ("（未完待续）", None, "gap-to-be-continued"),
    ("（待续）", None, "gap-to-be-continued"),
])
def test_truncation_banner_gives_one_gap_with_total_minus_shown(banner, count, rule):
    doc = _strip(f"{TITLE}\n{BODY}\n{CUT}\n{banner}\n")
    assert [(ln.mark, ln.omitted_chars) for ln in doc.lines if ln.mark] == [("gap", count)]
    assert [r.rule for r in doc.removed if r.text == banner] == [rule]


def test_login_wall_is_a_banner_only_as_a_whole_line():
    doc = _strip(f"{TITLE}\n{BODY}\n考生登录后查看完整成绩单，并于6月30日前完成确认。\n{BODY2}\n")
    assert not [ln for ln in doc.lines if ln.mark]


def test_more_link_under_a_related_list_is_no_gap():
    # "点击查看更多>>" links to more related pages: the document above it is complete
    doc = _strip(f"{TITLE}\n{BODY}\n{BODY2}\n××县人民政府\n2023年5月18日\n相关推荐\n· 2023年村级防汛应急预案\n"
                 "点击查看更多>>\n【温馨提示】本站部分内容来自网络，仅供学习交流使用；如需Word版，请点击页面上方“下载”按钮。\n")
    assert not [ln for ln in doc.lines if ln.mark]
    assert [ln.text for ln in doc.lines][-2:] == ["××县人民政府", "2023年5月18日"]


def test_fold_where_the_shown_text_stops_is_a_gap():
    # the copy was taken with the fold closed: the sentence is cut and only the site's list follows
    doc = _strip(f"{TITLE}\n{BODY}\n{CUT}\n剩余3页未读，继续阅读\n猜你喜欢\n2023年七一专题党课讲稿（精选10篇）\n")
    assert [(ln.mark, ln.omitted_chars) for ln in doc.lines if ln.mark] == [("gap", None)]


def test_fold_with_the_text_going_on_below_it_is_no_gap():
    doc = _strip(f"{TITLE}\n{BODY}\n{CUT}\n……\n剩余3页未读，继续阅读\n并自觉接受党员群众监督。\n{BODY2}\n")
    assert not [ln for ln in doc.lines if ln.mark]


def test_tail_marker_cuts_the_list_after_it_but_not_a_long_paragraph():
    doc = _strip(f"{TITLE}\n{BODY}\n{BODY2}\n你可能还想看：\n主题教育专题党课讲稿\n主题教育学习心得体会3篇\n")
    assert [ln.text for ln in doc.lines] == [TITLE, BODY, BODY2]
    # (the list's "…3篇" headline is a collection's title wherever it stands)
    assert {r.rule for r in doc.removed} == {"tail-more", "collection-title"}
    # "同类模板：" in the middle of a page followed by body text is no list of links: nothing is cut after it
    doc = _strip(f"{TITLE}\n{BODY}\n同类模板：\n{BODY2}\n{BODY}\n")
    assert [ln.text for ln in doc.lines][-2:] == [BODY2, BODY]


def test_attachment_label_goes_but_the_document_attachment_note_stays():
    doc = _strip(f"{TITLE}\n{BODY}\n附件：1.活动安排表\n2.活动总结统计表\n××县人民政府办公室\n二〇二三年五月六日\n"
                 "附件下载：\n活动安排表.xlsx\n活动总结统计表.xlsx\n")
    kept = [ln.text for ln in doc.lines]
    assert kept[2:] == ["附件：1.活动安排表", "2.活动总结统计表", "××县人民政府办公室", "二〇二三年五月六日"]


def test_gov_info_block_only_in_the_head_zone():
    block = "发文机关：××市人民政府办公室\n成文日期：2023年5月6日\n"
    doc = _strip(f"{block}{TITLE}\n{BODY}\n{BODY2}\n")
    assert [r.rule for r in doc.removed] == ["gov-info-block", "gov-info-block"]
    # the same words inside the text (a table of the document's own data) are text
    doc = _strip(f"{TITLE}\n{BODY}\n{block}{BODY2}\n")
    assert "发文机关：××市人民政府办公室" in [ln.text for ln in doc.lines]


def test_every_rule_is_complete_and_its_id_unique():
    kinds = {"line", "short", "zone", "tail", "gap", "download", "fold", "docbreak", "appendix", "inline"}
    data = load_toml("noise.toml")
    ids = [r["id"] for r in data["rule"]]
    assert len(ids) == len(set(ids))
    for r in data["rule"]:
        assert r["kind"] in kinds and r.get("comment"), r["id"]
        re.compile(r["pattern"])
    assert len(noise_rules()) == len(ids)


# the real sample pages: each line goes with the rule that names it (the full pipeline, real files)
SAMPLE_LINES = [
    ("s19_wenku_pdf_dangjian_plan.txt", "本文共计 6 页，可免费预览 2 页", "gap-preview-pages"),
    ("s19_wenku_pdf_dangjian_plan.txt", "VIP专享文档", "vip-doc"),
    ("s20_speech_jingji_halfwidth_gbk.txt", "位置:公文易 > 领导讲话 > 经济工作讲话 > 正文", "nav-breadcrumb"),
    ("s21_xinde_dushuban_mobile_utf8bom.txt", "2023-05-26  ·  阅读 5832  ·  ☆收藏", "meta-counts"),
    ("s21_xinde_dushuban_mobile_utf8bom.txt", "范文吧小程序 | 海量范文一键复制", "site-ad"),
    ("s21_xinde_dushuban_mobile_utf8bom.txt", "👍 赞(36)    ↗ 分享给微信好友", "social-buttons"),
    ("s21_xinde_dushuban_mobile_utf8bom.txt", "分类：心得体会    发布者：笔墨轩", "meta-poster"),
    ("s22_shiji_cunzhishu_gb18030.txt", "TAGS：村支书事迹 优秀党务工作者 先进事迹材料", "keywords"),
    ("s22_shiji_cunzhishu_gb18030.txt", "更多相关：", "tail-more"),
    ("s23_notice_anquanyue_attachments_gbk.txt", "名    称：关于开展2023年“安全生产月”活动的通知", "gov-info-block"),
    ("s23_notice_anquanyue_attachments_gbk.txt", "主办：××县人民政府办公室    承办：××县大数据中心", "footer-gov"),
    ("s24_summary_shequ_fanwen_appended.txt", "本文相关词：社区工作总结 上半年工作总结 下半年工作计划 网格员", "keywords"),
    ("s27_wechat_qingnian_fayan_page.html", "△座谈会现场", "image-caption"),
    ("s27_wechat_qingnian_fayan_page.html", "觉得不错，点个“在看”再走吧", "wechat-furniture"),
    ("s28_diaoyan_yanglao_wenku_docx.docx", "【最新整理，下载后即可编辑】", "doc-boilerplate"),
    ("s29_template_yundonghui_placeholders.txt", "温馨提示：文中带“____”“×××”处请根据本单位实际情况填写。", "template-hint"),
    ("s30_duizhao_jiancha_mobile_gb18030.txt", "👍 有用(86)    👎 无用(3)    ⭐ 收藏", "social-buttons"),
    ("s31_shuzhi_xiaozhang_yuanchuangli_gbk.txt", "知识共享存储平台", "site-slogan-line"),
    ("s31_shuzhi_xiaozhang_yuanchuangli_gbk.txt", "预览与源文档一致，下载高清无水印", "docshare-preview-note"),
    ("s31_shuzhi_xiaozhang_yuanchuangli_gbk.txt", "亲，该文档总共9页，到这已经超出免费预览范围，如果喜欢就下载吧！",
     "gap-preview-limit"),
    ("s31_shuzhi_xiaozhang_yuanchuangli_gbk.txt", "内容提供方：xiaozhang2019", "docshare-uploader"),
    ("s31_shuzhi_xiaozhang_yuanchuangli_gbk.txt", "认证类型：个人认证", "docshare-uploader"),
    ("s31_shuzhi_xiaozhang_yuanchuangli_gbk.txt", "文档版权：本文档经用户上传，原创力文档不对其内容的真实性、完整性负责",
     "docshare-rights"),
    ("s32_dangke_jianggao_kangxi_baiduwenku.txt", "4.7分 | 2156阅读 | 89下载 | 2023-06-30上传 | 共7页", "meta-doc-stats"),
    ("s32_dangke_jianggao_kangxi_baiduwenku.txt", "本文档为【2023年七一专题党课讲稿：牢记初心使命 勇于担当作为】，"
     "请使用OFFICE或WPS软件打开。作品中的文字与图均可以修改和编辑。", "docshare-open-with"),
    ("s37_zhenggai_xuncha_doc88_dup_gbk.txt", "已阅读到文档的结尾了呢~~", "page-bottom"),
    ("s37_zhenggai_xuncha_doc88_dup_gbk.txt", "立即下载    分享给好友    收藏", "button-row"),
    ("s38_shenbao_wenmingxiaoyuan_page.html", "登录后查看完整内容", "gap-login-wall"),
    ("s40_yuan_fangxun_level4_fullwidth.txt", "点击查看更多>>", "nav-more"),
    ("s40_yuan_fangxun_level4_fullwidth.txt", "【温馨提示】本站部分内容来自网络，仅供学习交流使用；如需Word版，请点击页面上方“下载”按钮。",
     "site-disclaimer"),
    ("s41_zhuchici_jiaoyu_huiyi_gbk.txt", "广告", "ad-slot"),
    ("s41_zhuchici_jiaoyu_huiyi_gbk.txt", "（全文完）", "end-marker"),
    ("s41_zhuchici_jiaoyu_huiyi_gbk.txt", "写作吧 · 主持词频道", "site-slogan"),
    ("s42_banfa_gongyixinggangwei_chapters.txt", "打开App，阅读体验更佳", "app-prompt"),
    ("s42_banfa_gongyixinggangwei_chapters.txt", "+关注", "follow-button"),
    ("s42_banfa_gongyixinggangwei_chapters.txt", "（未完待续）", "gap-to-be-continued"),
]


@pytest.fixture(scope="module")
def cleaned():
    cache: dict[str, Document] = {}

    def get(name: str) -> Document:
        if name not in cache:
            cache[name] = clean_file(SAMPLES / name)
        return cache[name]
    return get


@pytest.mark.parametrize(("name", "line", "rule"), SAMPLE_LINES, ids=[f"{n[:3]}:{r}" for n, _, r in SAMPLE_LINES])
def test_sample_page_line_is_removed_by_its_rule(cleaned, name, line, rule):
    doc = cleaned(name)
    assert [r.rule for r in doc.removed if r.text == line] == [rule]
    assert not any(line in (b.text or "") for b in doc.blocks)


def test_sample_banners_give_the_page_counts():
    # "全文约4856字，您已阅读1630字": 4856 - 1630
    doc = clean_file(SAMPLES / "s30_duizhao_jiancha_mobile_gb18030.txt")
    assert [b.omitted_chars for b in doc.blocks if b.kind == "gap"] == [3226]


@pytest.mark.parametrize("name", ["s31_shuzhi_xiaozhang_yuanchuangli_gbk.txt", "s38_shenbao_wenmingxiaoyuan_page.html",
                                  "s42_banfa_gongyixinggangwei_chapters.txt"])
def test_sample_banner_without_a_count_ends_the_text_with_one_gap(cleaned, name):
    # the preview limit, the login wall and "（未完待续）" cut the text: one gap, count unknown, after the last paragraph
    # (the banner's words are not glued to that paragraph)
    blocks = cleaned(name).blocks
    assert [(b.kind, b.omitted_chars) for b in blocks if b.kind == "gap"] == [("gap", None)]
    assert blocks[-1].kind == "gap"
    assert not any(w in (b.text or "") for b in blocks for w in ("预览范围", "登录", "待续"))


def test_sample_related_list_with_a_more_link_gives_no_gap(cleaned):
    doc = cleaned("s40_yuan_fangxun_level4_fullwidth.txt")
    assert not [b for b in doc.blocks if b.kind == "gap"]
    assert doc.blocks[-1].kind == "date" and doc.blocks[-1].text == "2023年5月18日"


def test_related_documents_list_after_the_date_goes_and_body_mentions_stay():
    doc = _strip(f"{TITLE}\n{BODY}\n述职人：×××\n2024年1月12日\n相关文档推荐\n医院院长年度述职述廉报告(精选范文)\n"
                 "县人民医院院长2022年述职报告\n")
    assert [ln.text for ln in doc.lines][-2:] == ["述职人：×××", "2024年1月12日"]
    kept = _strip(f"{TITLE}\n{BODY}\n请各单位认真学习相关文档。\n××县卫生健康局\n2024年1月12日\n")
    assert "请各单位认真学习相关文档。" in [ln.text for ln in kept.lines]


def test_related_sample_heading_before_a_whole_document_is_a_docbreak_and_before_a_list_a_tail():
    doc_text = ("××县中学食堂管理工作计划\n为进一步加强学校食堂管理，保障师生饮食安全，结合我校实际，制定本计划，请各部门认真落实。\n")
    doc = _strip(f"{TITLE}\n{BODY}\n××县教育局\n2023年5月6日\n相关范文：\n{doc_text}")
    assert [ln.mark for ln in doc.lines if ln.mark] == ["docbreak"]
    listed = _strip(f"{TITLE}\n{BODY}\n××县教育局\n2023年5月6日\n相关范文：\n学校食堂管理工作计划\n学校安全工作总结\n")
    assert [ln.text for ln in listed.lines][-1] == "2023年5月6日" and not any(ln.mark for ln in listed.lines)
