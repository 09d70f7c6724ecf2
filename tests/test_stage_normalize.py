from core.stages.normalize import normalize_text


def test_spaces_between_chinese_and_digits_latin_go_latin_spaces_stay():
    assert normalize_text("2021 年某市 X 教育,加 强 Xe 家 2.0 行动") == "2021年某市X教育，加强Xe家2.0行动"
    assert normalize_text("使用 WPS Office 办公") == "使用WPS Office办公"
    assert normalize_text("品牌名校 。做大") == "品牌名校。做大"


def test_ascii_punctuation_in_chinese_becomes_full_width_numbers_keep_theirs():
    assert normalize_text("时间:10:30,共1,000人(含教师);比例×:×!") == "时间：10:30，共1,000人（含教师）；比例×:×！"
    assert normalize_text("日期2021/3/4,增长1.5倍?") == "日期2021/3/4，增长1.5倍？"


def test_urls_keep_their_characters():
    assert normalize_text("详见https://www.gov.cn/a?b=1,c=2 网站") .startswith("详见https://www.gov.cn/a?b=1,c=2")


def test_straight_quotes_become_paired_curly_quotes():
    assert normalize_text('强调,"要加快建设教育强国。"其重要论述') == "强调，“要加快建设教育强国。”其重要论述"


def test_kangxi_radicals_and_full_width_digits_fold():
    assert normalize_text("⼀是⼯作２０２１年") == "一是工作2021年"


def test_byline_space_between_post_and_name_stays():
    assert normalize_text("市教育局局长 赵青山") == "市教育局局长 赵青山"
