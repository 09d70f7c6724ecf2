"""Options: typed settings over QSettings, remembered across a restart of the window."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from desktop.options_dialog import OptionsDialog
from desktop.settings import Settings


def test_settings_are_typed_with_defaults(isolated_user):
    s = Settings()
    assert s.out_dir == "" and s.auto_export is False and s.disabled_rules == [] and s.collision == "ask"
    s.auto_export = True
    s.disabled_rules = ["nav-breadcrumb", "meta-strong"]
    s.sync()
    raw = QSettings(s.file(), QSettings.Format.IniFormat)
    assert Path(s.file()).is_relative_to(isolated_user)  # the test's own INI, not the user's
    assert raw.value("output/auto_export") in ("true", True)  # INI stores text...
    again = Settings()
    assert again.auto_export is True  # ...read back with its type
    assert again.disabled_rules == ["nav-breadcrumb", "meta-strong"]
    raw.setValue("output/auto_export", "not a bool")
    raw.sync()
    assert Settings().auto_export in (True, False)  # a damaged value never crashes the app


def test_options_persist_across_a_restart_of_the_window(make_window, tmp_path, qtbot):
    w = make_window()
    dlg = OptionsDialog(w.settings, w)
    qtbot.addWidget(dlg)
    dlg.chosen.setChecked(True)
    dlg.out_dir.setText(str(tmp_path / "公文输出"))
    dlg.pattern.setText("{date}-{title}")
    dlg.collision.setCurrentIndex(dlg.collision.findData("overwrite"))
    dlg.fmt.setCurrentIndex(dlg.fmt.findData("txt"))
    dlg.auto_export.setChecked(True)
    dlg.open_folder.setChecked(True)
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    assert len(dlg.rules.items) > 100  # the real rule list from resources/rules
    first_rule = next(iter(dlg.rules.items))
    dlg.rules.set_enabled(first_rule, False)
    dlg.accept()
    w.resize(700, 560)  # within the offscreen screen (800x800), which restoreGeometry clamps to
    w.close()  # saves the layout

    w2 = make_window()
    s = w2.settings
    assert s.out_dir == str(tmp_path / "公文输出")
    assert (s.name_pattern, s.collision, s.export_format) == ("{date}-{title}", "overwrite", "txt")
    assert s.auto_export and s.open_folder and s.language == "en"
    assert s.disabled_rules == [first_rule]
    assert (w2.width(), w2.height()) == (700, 560)
    dlg2 = OptionsDialog(s, w2)
    qtbot.addWidget(dlg2)
    assert dlg2.chosen.isChecked() and dlg2.out_dir.text() == str(tmp_path / "公文输出")
    assert dlg2.rules.items[first_rule].checkState(0) == Qt.CheckState.Unchecked
    assert dlg2.collision.currentData() == "overwrite"


def test_the_font_check_names_missing_official_fonts_and_their_stand_ins(window, qtbot):
    dlg = OptionsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    rows = {dlg.fonts.item(r, 1).text(): dlg.fonts.item(r, 2).text() for r in range(dlg.fonts.rowCount())}
    assert "方正小标宋简体" in rows and "仿宋_GB2312" in rows
    # this machine has Noto CJK but none of the Windows official fonts: each row says what shows instead
    assert all(v == "已安装" or v.startswith("缺少，显示为：") for v in rows.values())
    assert any(v.startswith("缺少") for v in rows.values()) and "缺少" in dlg.font_note.text()


def test_a_new_window_fits_a_1366x768_laptop(window):
    w, h = window.default_size()
    screen = window.screen().availableGeometry()
    assert w <= screen.width() and h <= screen.height()
    assert window.minimumSizeHint().width() <= 1366 and window.minimumSizeHint().height() <= 700


def test_a_user_style_profile_is_listed_and_used_for_the_export(window, drafts, drop, wait_idle, qtbot):
    import json
    import zipfile

    from core.resources import resource
    from desktop.options_dialog import user_profiles_dir

    data = json.loads(resource("profiles", "gbt9704.json").read_text(encoding="utf-8"))
    data["name"] = "学校简报（四号字）"
    data["styles"]["body"]["size_pt"] = 14
    user_profiles_dir().mkdir(parents=True)
    mine = user_profiles_dir() / "school.json"
    mine.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    dlg = OptionsDialog(window.settings, window)
    qtbot.addWidget(dlg)
    row = dlg.profile.findData(str(mine))
    assert row >= 0 and "学校简报" in dlg.profile.itemText(row)
    dlg.profile.setCurrentIndex(row)
    dlg.accept()
    assert window.settings.profile == str(mine)

    drop(window, [drafts / "001_68aa153ba2736ca8.txt"])
    wait_idle(window)
    window.act_export.trigger()
    wait_idle(window)
    styles = zipfile.ZipFile(window.model.jobs[0].output).read("word/styles.xml").decode("utf-8")
    assert 'w:sz w:val="28"' in styles and 'w:sz w:val="32"' not in styles.split("Heading1")[0]
