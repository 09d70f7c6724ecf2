"""Issue 13: a draft's own 版头, 附件说明, 附注 and 版记 lines become the official parts (stage official_parts), the
JSON carries them under "info", and --info FILE.json fills or overrides them (errors name bad keys and types)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from qg_paths import QINGGAO_CLI, SCORER, needs_scorer

from core.api import clean_file, clean_text
from core.errors import QingGaoError
from core.official import info_from_dict, load_info

DRAFT = Path(__file__).resolve().parent / "data" / "official" / "tongzhi_banji.txt"
CLI = [str(QINGGAO_CLI)]


@pytest.fixture(scope="module")
def doc():
    return clean_file(DRAFT)


def test_draft_lines_become_parts_and_keep_their_kind_and_text(doc):
    parts = {b.part: (b.kind, b.text) for b in doc.blocks if b.part}
    assert parts["issuer_mark"] == ("byline", "××市教育局文件")
    assert parts["doc_number"] == ("byline", "×教发[2024]5号")  # the text as the draft has it (what the corpus scores)
    assert parts["note"] == ("paragraph", "（此件公开发布）")
    assert parts["cc"][1].startswith("抄送：") and parts["imprint"][1].endswith("印发")
    assert [b.text[:4] for b in doc.blocks if b.part == "attachment"] == ["附件：1", "2.开学"]
    # the 版记 under the date hid the closing from the structure stage: the stage gives it back
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["××市教育局"] == "signature" and kinds["2024年2月20日"] == "date"


def test_official_values_and_the_recorded_bracket_change(doc):
    info = doc.official()
    assert info["doc_number"] == "×教发〔2024〕5号"
    assert info["addressee"] == "各县（市、区）教育局，市直各学校"
    assert info["cc"] == "市委教育工委，市政府办公室"
    assert info["printer"] == "××市教育局办公室" and info["print_date"] == "2024年2月20日"
    assert info["attachment_note"] == ["2024年春季学期开学工作检查表和安全隐患排查整改情况汇总统计表", "开学工作联系人名单"]
    assert info["note"] == "此件公开发布"
    ch = [c for c in doc.changes if "official-doc-number" in c.detail]
    assert len(ch) == 1 and ch[0].before == "×教发[2024]5号" and ch[0].after == "×教发〔2024〕5号" and ch[0].lines == [2]


@pytest.mark.parametrize("line, want", [("（阿署办发〔2007〕22号）", "阿署办发〔2007〕22号"), ("长绿府议[2019]1号", "长绿府议〔2019〕1号"),
                                        ("教基函(2023)012号", "教基函〔2023〕12号")])
def test_doc_number_forms_are_normalised(line, want):
    d = clean_text(f"{line}\n关于做好安全工作的通知\n各学校：\n请认真做好校园安全工作，确保师生平安。\n")
    assert d.official().get("doc_number") == want


def test_a_draft_without_these_parts_has_no_info_and_no_part(dev_seeds):
    for seed in dev_seeds:
        d = clean_file(seed)
        assert not any(b.part for b in d.blocks), seed.name
        j = d.to_json()
        assert set(j) <= {"source", "format", "encoding", "encoding_confidence", "blocks", "removed", "changes",
                          "warnings", "info"}
        assert set(j.get("info", {})) <= {"addressee"}, seed.name  # (a salutation naming bodies is the 主送机关)


def test_speech_greeting_is_no_addressee():
    d = clean_text("在全市教育工作会议上的讲话\n同志们：\n今天我们召开全市教育工作会议，主要任务是总结工作、部署任务。\n")
    assert "addressee" not in d.official()


def test_info_file_rules(tmp_path):
    info = info_from_dict({"copy_no": 12, "cc": ["市委办公室", "市政府办公室"], "signer": "赵青山"})
    assert info.copy_no == "000012" and info.cc == "市委办公室，市政府办公室" and info.signer == "赵青山"
    with pytest.raises(QingGaoError) as e:
        info_from_dict({"issuer": "x", "cc": "y", "foo": 1}, "a.json")
    assert "issuer" in e.value.zh and "foo" in e.value.zh and "issuer" in e.value.en and "不认识" in e.value.zh
    with pytest.raises(QingGaoError) as e:
        info_from_dict({"printer": 3, "secret": ["a"]}, "a.json")
    assert "printer" in e.value.en and "secret" in e.value.en and "类型" in e.value.zh
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps({"printer": "青山市教育局办公室"}, ensure_ascii=False).encode("gbk"))
    with pytest.raises(QingGaoError) as e:
        load_info(gbk)
    assert "UTF-8" in e.value.zh and e.value.path == str(gbk)
    bom = tmp_path / "bom.json"
    bom.write_bytes(json.dumps({"printer": "青山市教育局办公室"}, ensure_ascii=False).encode("utf-8-sig"))
    assert load_info(bom).printer == "青山市教育局办公室"


def test_cli_info_overrides_the_draft_and_reaches_json(tmp_path):
    f = tmp_path / "info.json"
    f.write_text(json.dumps({"doc_number": "青教发〔2024〕7号", "signer": "赵青山", "copy_no": "000012",
                             "addressee": "各区教育局"}, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([*CLI, "clean", str(DRAFT), "--info", str(f), "--to", "json", "--stdout"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)["info"]
    assert info["doc_number"] == "青教发〔2024〕7号" and info["signer"] == "赵青山" and info["copy_no"] == "000012"
    assert info["addressee"] == "各区教育局" and info["cc"] == "市委教育工委，市政府办公室"  # (the draft's, kept)
    # a batch (worker processes) applies it too
    r = subprocess.run([*CLI, "clean", str(DRAFT), "--info", str(f), "--to", "json", "-o", str(tmp_path / "o")],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "o" / "tongzhi_banji.json").read_text(encoding="utf-8"))["info"]["signer"] == "赵青山"


def test_cli_info_unknown_key_is_a_usage_error_naming_it(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('{"doc_no": "x", "cc": "市委办公室"}', encoding="utf-8")
    r = subprocess.run([*CLI, "clean", str(DRAFT), "--info", str(f), "--to", "json", "--stdout"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 2 and r.stdout == ""
    assert "doc_no" in r.stderr and "不认识" in r.stderr and "unknown keys" in r.stderr and str(f) in r.stderr
    assert "Traceback" not in r.stderr


@needs_scorer
def test_the_scorer_reads_output_with_info_and_parts(tmp_path):
    out = tmp_path / "o.json"
    out.write_bytes(subprocess.run([*CLI, "clean", str(DRAFT), "--to", "json", "--stdout"], capture_output=True).stdout)
    gold = tmp_path / "g.json"
    blocks = [{"kind": b["kind"], "text": b["text"]} for b in json.loads(out.read_text(encoding="utf-8"))["blocks"]]
    gold.write_text(json.dumps({"blocks": blocks}, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([sys.executable, str(SCORER), str(gold), str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["recall"] == 1.0


def test_a_pdf_with_a_banner_gives_its_parts_back():
    """../shared/corpus/pdf p10 (份号, 密级, 紧急程度, 标志, 发文字号 set above the title, as issued) and p01 (a 红头
    通知): read through the PDF reader, the lines are kept as bylines and become the document's own 版头 values."""
    from qg_paths import SHARED

    from core.api import clean_file
    pdf = SHARED / "corpus" / "pdf"
    if not pdf.is_dir():
        pytest.skip("the shared PDF corpus is not beside the repo")
    doc = clean_file(next(pdf.glob("p10_*.pdf")))
    assert [b.kind for b in doc.blocks[:6]] == ["byline"] * 5 + ["title"]
    info = doc.official()
    assert (info["copy_no"], info["secret"], info["urgency"]) == ("001012", "机密★5年", "特急")
    assert info["issuer_mark"].endswith("文件") and info["doc_number"] == "XXX〔2023〕X号"
    info = clean_file(next(pdf.glob("p01_*.pdf"))).official()
    assert info["doc_number"] == "发改办财金规〔2019〕860号" and info["issuer_mark"].endswith("办公厅文件")
