"""Re-clean: a rule switched off in Options cleans the queue again keeping the clerk's edits; F5 on any state."""
from __future__ import annotations

from desktop.jobs import State

SEED = "000_b4075a6b7c439fa0.txt"


def test_a_rule_switched_off_recleans_the_queue_and_keeps_the_clerk_edit(window, drafts, drop, wait_idle):
    drop(window, [drafts / SEED])
    wait_idle(window)
    job = window.model.jobs[0]
    window.select_job(job)
    doc = job.doc
    i = next(k for k, b in enumerate(doc.blocks) if "×个单位作了典型发言" in b.text)
    fixed = doc.blocks[i].text.replace("×个单位", "5个单位")
    assert window.review.apply("set_text", fixed, index=i)  # the clerk filled a placeholder by typing
    t = next(k for k, b in enumerate(doc.blocks) if b.kind == "title")
    title = doc.blocks[t].text.replace("X教育", "椒江教育")
    assert window.review.apply("set_text", title, index=t)
    nav = next(r for r in doc.removed if r.rule == "nav-to-home")

    asked: list[int] = []
    window.confirm_reclean = lambda n: asked.append(n) or True
    before = list(window.settings.disabled_rules)
    window.settings.disabled_rules = ["nav-to-home", "before-title"]  # what OK in Options saves
    assert window.rules_changed(before) == 1 and asked == [1]
    wait_idle(window)

    assert job.state == State.DONE
    text = job.doc.text()
    assert nav.text in text  # the rules are off: the site's line stays now
    assert fixed in text and "×个单位作了典型发言" not in text  # the clerk's edits are kept on the fresh result
    assert title in text and job.notes == ""
    assert window.rules_changed(list(window.settings.disabled_rules)) == 0  # unchanged rules: no question


def test_the_clerk_is_told_which_edit_could_not_be_kept(window, drafts, drop, wait_idle):
    window.settings.disabled_rules = ["nav-to-home", "before-title"]
    drop(window, [drafts / SEED])
    wait_idle(window)
    job = window.model.jobs[0]
    window.select_job(job)
    k = next(i for i, b in enumerate(job.doc.blocks) if b.text == "到文鼎文库首页")
    assert window.review.apply("set_text", "到文鼎文库首页看看", index=k)  # an edit on a line a rule removes
    window.confirm_reclean = lambda n: True
    window.settings.disabled_rules = []
    assert window.rules_changed(["nav-to-home", "before-title"]) == 1
    wait_idle(window)
    assert "到文鼎文库首页" not in job.doc.text()
    assert "1 处修改因原文已变而未保留" in job.notes and "到文鼎文库首页" in job.notes
    assert job.notes in window.review.summary.full_text()
    assert "到文鼎文库首页" in window.statusBar().currentMessage()


def test_declining_the_reclean_leaves_the_queue_alone(window, drafts, drop, wait_idle):
    drop(window, [drafts / SEED])
    wait_idle(window)
    job = window.model.jobs[0]
    doc = job.doc
    window.confirm_reclean = lambda n: False
    window.settings.disabled_rules = ["nav-to-home"]
    assert window.rules_changed([]) == 0
    assert window.is_idle() and job.doc is doc


def test_f5_recleans_an_exported_file(window, drafts, drop, wait_idle):
    drop(window, [drafts / SEED])
    wait_idle(window)
    job = window.model.jobs[0]
    window.select_job(job)
    window.export_pending()
    wait_idle(window)
    assert job.state == State.EXPORTED
    old = job.doc
    window.settings.disabled_rules = ["nav-to-home", "before-title"]
    window.act_retry.trigger()  # F5
    assert job.state == State.WAITING
    wait_idle(window)
    assert job.doc is not old and "到文鼎文库首页" in job.doc.text()
    assert job.state == State.DONE and job.dirty  # the result changed: its output is out of date
    window.settings.disabled_rules = ["nav-to-home", "before-title"]
    window.act_retry.trigger()  # the same rules again: the same result
    wait_idle(window)
    assert job.state == State.DONE and job.dirty  # still not exported since the change
