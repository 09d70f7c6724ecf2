"""Issue 16: a 589-byte notice whose signature line repeats the office grew to 2.9 GB. Repeated words on one line
(offices, names, dates, markers) must clean in bounded time and memory: each case runs in a child process under
an address-space cap (RLIMIT_AS) and a time limit."""
from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is a Linux limit")

NOTICE = """关于做好2024年春节期间安全生产工作的通知

各乡镇人民政府，县直各部门：

为切实做好春节期间安全生产工作，确保全县人民群众度过一个欢乐祥和的节日，现将有关事项通知如下。

一、提高思想认识。各单位要充分认识做好节日期间安全生产工作的重要性。

二、加强隐患排查。各单位要组织开展安全生产大检查，及时消除各类隐患。

特此通知。

{line}
2024年1月20日
"""

# the four lines of the report
REPORTED = ["县人民政府办公室  县人民政府办公室", "县教育局    县教育局", "县政府办公室\u3000县政府", "办公室 办公室"]
SEPS = [" ", "  ", "\u3000", "\t", "    "]
WORDS = ["县人民政府办公室", "县教育局", "张三", "2024年1月20日", "一、", "（一）", "1.", "县政府", "第一，", "特此通知。"]


def _generated() -> list[str]:
    out = []
    for w, sep in itertools.product(WORDS, SEPS[:3]):
        out += [sep.join([w] * n) for n in (2, 3, 5)]
    for a, b in itertools.combinations(WORDS[:6], 2):
        out.append(f"{a}  {b}  {a}")
    return out


CHILD = textwrap.dedent("""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GiB: a runaway dies here, not on the machine
    from core.api import clean_text
    template, lines = json.loads(sys.stdin.read())
    for line in lines:
        doc = clean_text(template.format(line=line))
        kept = "".join(b.text + (b.body or "") for b in doc.blocks) + "".join(r.text for r in doc.removed)
        assert {c for c in line if "\u4e00" <= c <= "\u9fff"} <= set(kept), line  # nothing lost unrecorded
        assert len(doc.blocks) < 60, (line, len(doc.blocks))
    print("ok", len(lines))
""")


@pytest.mark.parametrize("lines", [REPORTED, _generated()], ids=["reported", "generated"])
def test_repeated_words_clean_in_bounded_time_and_memory(lines):
    proc = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps([NOTICE, lines]), capture_output=True,
                          text=True, timeout=60 + len(lines))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["ok", str(len(lines))]


def test_the_repeated_office_is_a_signature_not_a_loop():
    from core.api import clean_text
    doc = clean_text(NOTICE.format(line="县人民政府办公室  县人民政府办公室"))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[-1] == ("date", "2024年1月20日")
    assert [t for k, t in kinds if k == "signature"] == ["县人民政府办公室 县人民政府办公室"]  # one line, as written
