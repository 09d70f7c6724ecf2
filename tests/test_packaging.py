"""The frozen bundle and the installer files (packaging/).

Slow tests build the one-folder bundle once per session with packaging/build.py (into a private temporary
folder, so a maintainer's dist/ and parallel runs are left alone) and drive the frozen executables as a
clerk would. Fast tests check the pruning rules and the Inno Setup script and its Chinese messages.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from qg_paths import CORPUS, EXE, ROOT, need, needs_xdotool, needs_xvfb

PACKAGING = ROOT / "packaging"
SEEDS = sorted(CORPUS.glob("*.txt"))  # absent on the Windows CI job: the GBK draft below stands in
LINUX = sys.platform.startswith("linux")


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"qinggao_packaging_{name}", PACKAGING / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


rules = _load("bundle_rules")

# A GBK draft with scraper noise, so the frozen-vs-source comparison also runs where the shared corpus is absent
# (the Windows CI job).
GBK_DRAFT = """关于做好2024年秋季学期开学工作的通知
来源：某某范文网  发布时间：2024-08-20  浏览次数：1024
各县（市、区）教育局，市直各学校：
为切实做好2024年秋季学期开学工作，确保校园安全稳定，现将有关事项通知如下。
一、高度重视开学准备工作
各地各校要提前谋划，认真开展开学前安全隐患排查，
做好校舍、食堂、宿舍等重点部位的检查整改。
二、扎实做好学生返校工作
要制定返校方案，合理安排返校时间，做好新生报到和老生注册工作。
本文由某某范文网整理，更多范文请访问 www.example.com
市教育局
2024年8月20日
"""


# ---------------------------------------------------------------- fast: rules, installer script, messages

def test_packaging_has_no_init_py():
    # an __init__.py would make packaging/ shadow the PyPI `packaging` library that PyInstaller imports
    assert not (PACKAGING / "__init__.py").exists()


def test_one_version_in_pyproject_core_the_exe_resources_and_the_installer():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    import core

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert project == core.__version__, "pyproject.toml and core/__init__.py disagree"
    # the spec (exe version resource) and build.py (the installer's /DAppVersion) read it from core/__init__.py
    assert rules.app_version(ROOT) == core.__version__ == _load("build").version()
    spec = (PACKAGING / "qinggao.spec").read_text(encoding="utf-8")
    assert "VERSION = rules.app_version(ROOT)" in spec and "rules.windows_version(VERSION)" in spec
    nums = rules.windows_version(core.__version__)
    assert ".".join(map(str, nums)).startswith(core.__version__)
    # the installer script has no version of its own beyond a placeholder for a bare ISCC run
    iss = _read_bom_utf8(PACKAGING / "qinggao.iss")
    assert re.findall(r"#define AppVersion \"([^\"]*)\"", iss) == ["0.0.0"]
    assert "#ifndef AppVersion" in iss
    for key in ("AppVersion", "VersionInfoVersion"):
        assert re.search(rf"^{key}={{#AppVersion}}\s*$", iss, re.M), key


@pytest.mark.parametrize("version,nums", [("0.1.0", (0, 1, 0, 0)), ("2", (2, 0, 0, 0)), ("1.2.3.4", (1, 2, 3, 4))])
def test_windows_version_numbers(version, nums):
    assert rules.windows_version(version) == nums


@pytest.mark.parametrize("version", ["1.2.0rc1", "1.2.3.4.5", "v1.2", "1.70000", ""])
def test_a_version_windows_cannot_carry_is_refused(version):
    with pytest.raises(ValueError):
        rules.windows_version(version)


def test_installer_files_keep_their_bytes_in_git():
    # .gitattributes: a Windows checkout must not rewrite the BOM-and-CRLF files Inno Setup reads
    if not (ROOT / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git checkout")
    names = ["packaging/qinggao.iss", "packaging/ChineseSimplified.isl"]
    r = subprocess.run(["git", "check-attr", "text", "--", *names], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f"{n}: text: unset" for n in names]


def test_keep_data_prunes_unused_jieba_data_and_foreign_qt_translations():
    keep = rules.keep_data
    assert keep("jieba/dict.txt")
    assert not keep("jieba/lac_small/model_baseline/word_emb")
    assert not keep("jieba/finalseg/prob_emit.p")
    assert not keep("jieba/analyse/idf.txt")
    assert keep("jieba/analyse/idf.txt", keep_jieba_idf=True)
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6\\Qt\\translations\\qt_ja.qm")  # Windows separators
    assert keep("resources/dict/user.dict")
    assert not keep("resources/i18n/qinggao_zh_CN.ts")  # translation source; the .qm is what ships
    assert keep("docx/templates/default.docx")


def test_opencc_ships_its_dictionaries_and_module_but_not_its_build_files():
    keep, binary = rules.keep_data, rules.keep_binary
    assert keep("opencc/clib/share/opencc/t2s.json") and keep("opencc/clib/share/opencc/TSPhrases.ocd2")
    assert not keep("opencc/clib/include/opencc/Dict.hpp")
    assert not keep("opencc\\clib\\lib\\opencc.lib") and not keep("opencc/clib/lib64/libopencc.a")
    assert not binary("opencc/clib/bin/opencc.exe") and not binary("opencc/clib/bin/opencc_dict")
    assert binary("opencc/clib/opencc_clib.cp311-win_amd64.pyd")
    assert binary("opencc.libs/msvcp140-a4c2229bdc2a2a630acdc095b4d86008.dll")


def test_qt_modules_used_by_the_gui_are_never_excluded(tmp_path):
    used = rules.used_qt_modules([ROOT / "desktop"])
    assert {"QtCore", "QtWidgets"} <= used
    excluded = {m.split(".", 1)[1] for m in rules.qt_excludes(used)}
    assert not excluded & used
    # a module the GUI starts importing tomorrow comes off the exclude list by itself
    (tmp_path / "w.py").write_text("from PySide6.QtQuick import QQuickView\n", encoding="utf-8")
    assert "PySide6.QtQuick" not in rules.qt_excludes(rules.used_qt_modules([tmp_path]))
    assert "PySide6.QtQuick" in rules.qt_excludes(set())


def test_executable_icon_is_the_apps_icon():
    # packaging/qinggao.ico must be re-made (packaging/make_icon.py) whenever resources/icons changes
    image = pytest.importorskip("PIL.Image")
    ico = image.open(PACKAGING / "qinggao.ico")
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.ico.sizes())
    for size in (16, 32, 256):
        png = ROOT / "resources" / "icons" / f"qinggao-{size}.png"
        if not png.exists():
            pytest.skip("resources/icons has no PNG set")
        assert ico.ico.getimage((size, size)).convert("RGBA").tobytes() == \
            image.open(png).convert("RGBA").tobytes(), size


def _read_bom_utf8(path: Path) -> str:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), f"{path.name} must be UTF-8 with BOM for Inno Setup"
    return data[3:].decode("utf-8")


def _sections(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[(\w+)\]", line)
        if m:
            cur = out.setdefault(m.group(1), [])
        elif cur is not None:
            cur.append(line)
    return out


def _entry(line: str) -> dict[str, str]:
    """Parse an Inno Setup entry `Name: "x"; Flags: a b` into a dict."""
    fields = {}
    for m in re.finditer(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
        v = m.group(2).strip()
        fields[m.group(1)] = v[1:-1].replace('""', '"') if v.startswith('"') else v
    return fields


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    return _sections(_read_bom_utf8(PACKAGING / "qinggao.iss"))


def test_installer_is_per_user_without_admin(iss):
    setup = dict(line.split("=", 1) for line in iss["Setup"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "dialog" in setup["PrivilegesRequiredOverridesAllowed"]
    assert setup["DefaultDirName"].startswith("{autopf}")  # = %LOCALAPPDATA%\Programs for a per-user install
    assert (PACKAGING / setup["SetupIconFile"]).exists()


def test_installer_speaks_chinese_and_english(iss):
    langs = {_entry(line)["Name"]: _entry(line)["MessagesFile"] for line in iss["Languages"]}
    assert langs["english"] == "compiler:Default.isl"
    assert (PACKAGING / langs["chinesesimplified"]).exists()
    assert list(langs)[0] == "chinesesimplified"


def test_installer_integrations_are_offered_not_forced(iss):
    tasks = {_entry(line)["Name"]: _entry(line) for line in iss["Tasks"]}
    assert set(tasks) == {"desktopicon", "sendto", "openwith"}
    assert all("unchecked" in t.get("Flags", "") for t in tasks.values())
    icons = [_entry(line) for line in iss["Icons"]]
    start_menu = [i for i in icons if i["Name"].startswith("{autoprograms}")]
    assert start_menu and "Tasks" not in start_menu[0]  # the Start-menu shortcut is always made
    assert {i.get("Tasks") for i in icons if i["Name"].startswith("{autodesktop}")} == {"desktopicon"}
    assert {i.get("Tasks") for i in icons if i["Name"].startswith("{usersendto}")} == {"sendto"}
    for line in iss["Registry"]:
        e = _entry(line)
        assert e.get("Tasks") == "openwith", line
        # writing an extension key's default value would take .txt/.html/.docx away from the clerk's current app
        assert not (re.fullmatch(r"Software\\Classes\\\.\w+", e["Subkey"]) and e.get("ValueName", "") == ""), line
    exts = {re.search(r"\\(\.\w+)\\OpenWithProgids", _entry(line)["Subkey"]).group(1)
            for line in iss["Registry"] if "OpenWithProgids" in line}
    assert exts == {".txt", ".htm", ".html", ".docx", ".pdf"}


def test_installer_starts_the_bundled_gui_executable(iss):
    text = _read_bom_utf8(PACKAGING / "qinggao.iss")
    assert f'#define GuiExe "{rules.GUI_NAME}.exe"' in text


def test_uninstall_leaves_the_clerks_documents_alone(iss):
    entries = [_entry(line) for line in iss["UninstallDelete"]]
    assert any("cache" in e["Name"] for e in entries)  # jieba's cache in the user folder goes
    for e in entries:
        name = e["Name"]
        assert not any(k in name for k in ("{userdocs}", "{commondocs}", "{userdesktop}", "清稿输出", "粘贴文本")), name
        if e["Type"] == "filesandordirs":  # only whole folders the app alone writes
            assert name.rstrip("\\").endswith(("\\cache", "\\logs")), name
    # and nothing wipes {app} wholesale, where a clerk might have saved something
    assert not any(e["Name"].rstrip("\\") == "{app}" for e in entries)


# Inno Setup 6.5 Default.isl: every [Messages] name, and the arguments/tokens each English message carries.
INNO_MESSAGES = """
SetupAppTitle SetupWindowTitle UninstallAppTitle UninstallAppFullTitle InformationTitle ConfirmTitle ErrorTitle
SetupLdrStartupMessage LdrCannotCreateTemp LdrCannotExecTemp HelpTextNote LastErrorMessage SetupFileMissing
SetupFileCorrupt SetupFileCorruptOrWrongVer InvalidParameter SetupAlreadyRunning WindowsVersionNotSupported
WindowsServicePackRequired NotOnThisPlatform OnlyOnThisPlatform OnlyOnTheseArchitectures WinVersionTooLowError
WinVersionTooHighError AdminPrivilegesRequired PowerUserPrivilegesRequired SetupAppRunningError
UninstallAppRunningError PrivilegesRequiredOverrideTitle PrivilegesRequiredOverrideInstruction
PrivilegesRequiredOverrideText1 PrivilegesRequiredOverrideText2 PrivilegesRequiredOverrideAllUsers
PrivilegesRequiredOverrideAllUsersRecommended PrivilegesRequiredOverrideCurrentUser
PrivilegesRequiredOverrideCurrentUserRecommended ErrorCreatingDir ErrorTooManyFilesInDir ExitSetupTitle
ExitSetupMessage AboutSetupMenuItem AboutSetupTitle AboutSetupMessage AboutSetupNote TranslatorNote ButtonBack
ButtonNext ButtonInstall ButtonOK ButtonCancel ButtonYes ButtonYesToAll ButtonNo ButtonNoToAll ButtonFinish
ButtonBrowse ButtonWizardBrowse ButtonNewFolder SelectLanguageTitle SelectLanguageLabel ClickNext BeveledLabel
BrowseDialogTitle BrowseDialogLabel NewFolderName WelcomeLabel1 WelcomeLabel2 WizardPassword PasswordLabel1
PasswordLabel3 PasswordEditLabel IncorrectPassword WizardLicense LicenseLabel LicenseLabel3 LicenseAccepted
LicenseNotAccepted WizardInfoBefore InfoBeforeLabel InfoBeforeClickLabel WizardInfoAfter InfoAfterLabel
InfoAfterClickLabel WizardUserInfo UserInfoDesc UserInfoName UserInfoOrg UserInfoSerial UserInfoNameRequired
WizardSelectDir SelectDirDesc SelectDirLabel3 SelectDirBrowseLabel DiskSpaceGBLabel DiskSpaceMBLabel
CannotInstallToNetworkDrive CannotInstallToUNCPath InvalidPath InvalidDrive DiskSpaceWarningTitle DiskSpaceWarning
DirNameTooLong InvalidDirName BadDirName32 DirExistsTitle DirExists DirDoesntExistTitle DirDoesntExist
WizardSelectComponents SelectComponentsDesc SelectComponentsLabel2 FullInstallation CompactInstallation
CustomInstallation NoUninstallWarningTitle NoUninstallWarning ComponentSize1 ComponentSize2
ComponentsDiskSpaceGBLabel ComponentsDiskSpaceMBLabel WizardSelectTasks SelectTasksDesc SelectTasksLabel2
WizardSelectProgramGroup SelectStartMenuFolderDesc SelectStartMenuFolderLabel3 SelectStartMenuFolderBrowseLabel
MustEnterGroupName GroupNameTooLong InvalidGroupName BadGroupName NoProgramGroupCheck2 WizardReady ReadyLabel1
ReadyLabel2a ReadyLabel2b ReadyMemoUserInfo ReadyMemoDir ReadyMemoType ReadyMemoComponents ReadyMemoGroup
ReadyMemoTasks DownloadingLabel2 ButtonStopDownload StopDownload ErrorDownloadAborted ErrorDownloadFailed
ErrorDownloadSizeFailed ErrorProgress ErrorFileSize ExtractingLabel ButtonStopExtraction StopExtraction
ErrorExtractionAborted ErrorExtractionFailed ArchiveIncorrectPassword ArchiveIsCorrupted ArchiveUnsupportedFormat
WizardPreparing PreparingDesc PreviousInstallNotCompleted CannotContinue ApplicationsFound ApplicationsFound2
CloseApplications DontCloseApplications ErrorCloseApplications PrepareToInstallNeedsRestart WizardInstalling
InstallingLabel FinishedHeadingLabel FinishedLabelNoIcons FinishedLabel ClickFinish FinishedRestartLabel
FinishedRestartMessage ShowReadmeCheck YesRadio NoRadio RunEntryExec RunEntryShellExec ChangeDiskTitle
SelectDiskLabel2 PathLabel FileNotInDir2 SelectDirectoryLabel SetupAborted AbortRetryIgnoreSelectAction
AbortRetryIgnoreRetry AbortRetryIgnoreIgnore AbortRetryIgnoreCancel RetryCancelSelectAction RetryCancelRetry
RetryCancelCancel StatusClosingApplications StatusCreateDirs StatusExtractFiles StatusDownloadFiles
StatusCreateIcons StatusCreateIniEntries StatusCreateRegistryEntries StatusRegisterFiles StatusSavingUninstall
StatusRunProgram StatusRestartingApplications StatusRollback ErrorInternal2 ErrorFunctionFailedNoCode
ErrorFunctionFailed ErrorFunctionFailedWithMessage ErrorExecutingProgram ErrorRegOpenKey ErrorRegCreateKey
ErrorRegWriteKey ErrorIniEntry FileAbortRetryIgnoreSkipNotRecommended FileAbortRetryIgnoreIgnoreNotRecommended
SourceIsCorrupted SourceDoesntExist SourceVerificationFailed VerificationSignatureDoesntExist
VerificationSignatureInvalid VerificationKeyNotFound VerificationFileNameIncorrect VerificationFileTagIncorrect
VerificationFileSizeIncorrect VerificationFileHashIncorrect ExistingFileReadOnly2 ExistingFileReadOnlyRetry
ExistingFileReadOnlyKeepExisting ErrorReadingExistingDest FileExistsSelectAction FileExists2
FileExistsOverwriteExisting FileExistsKeepExisting FileExistsOverwriteOrKeepAll ExistingFileNewerSelectAction
ExistingFileNewer2 ExistingFileNewerOverwriteExisting ExistingFileNewerKeepExisting
ExistingFileNewerOverwriteOrKeepAll ErrorChangingAttr ErrorCreatingTemp ErrorReadingSource ErrorCopying
ErrorDownloading ErrorExtracting ErrorReplacingExistingFile ErrorRestartReplace ErrorRenamingTemp
ErrorRegisterServer ErrorRegSvr32Failed ErrorRegisterTypeLib UninstallDisplayNameMark UninstallDisplayNameMarks
UninstallDisplayNameMark32Bit UninstallDisplayNameMark64Bit UninstallDisplayNameMarkAllUsers
UninstallDisplayNameMarkCurrentUser ErrorOpeningReadme ErrorRestartingComputer UninstallNotFound
UninstallOpenError UninstallUnsupportedVer UninstallUnknownEntry ConfirmUninstall UninstallOnlyOnWin64
OnlyAdminCanUninstall UninstallStatusLabel UninstalledAll UninstalledMost UninstalledAndNeedsRestart
UninstallDataCorrupted ConfirmDeleteSharedFileTitle ConfirmDeleteSharedFile2 SharedFileNameLabel
SharedFileLocationLabel WizardUninstalling StatusUninstalling ShutdownBlockReasonInstallingApp
ShutdownBlockReasonUninstallingApp
""".split()

STANDARD_CUSTOM_MESSAGES = """NameAndVersion AdditionalIcons CreateDesktopIcon CreateQuickLaunchIcon ProgramOnTheWeb
UninstallProgram LaunchProgram AssocFileExtension AssocingFileExtension AutoStartProgramGroupDescription
AutoStartProgram AddonHostProgramNotFound""".split()

_ARGS = {
    "%1": """SetupWindowTitle UninstallAppFullTitle SetupLdrStartupMessage SetupFileMissing InvalidParameter
        NotOnThisPlatform OnlyOnThisPlatform OnlyOnTheseArchitectures SetupAppRunningError UninstallAppRunningError
        PrivilegesRequiredOverrideText1 PrivilegesRequiredOverrideText2 ErrorCreatingDir ErrorTooManyFilesInDir
        BadDirName32 DirExists DirDoesntExist NoUninstallWarning ComponentSize1 ComponentSize2 BadGroupName
        ErrorExtractionFailed RunEntryExec RunEntryShellExec SelectDiskLabel2 ErrorInternal2
        ErrorFunctionFailedNoCode ErrorExecutingProgram ErrorIniEntry SourceDoesntExist SourceVerificationFailed
        VerificationSignatureDoesntExist VerificationSignatureInvalid VerificationKeyNotFound ErrorRegisterServer
        ErrorRegSvr32Failed ErrorRegisterTypeLib UninstallNotFound UninstallOpenError UninstallUnsupportedVer
        UninstallUnknownEntry ConfirmUninstall UninstallStatusLabel UninstalledAll UninstalledMost
        UninstalledAndNeedsRestart UninstallDataCorrupted StatusUninstalling ShutdownBlockReasonInstallingApp
        ShutdownBlockReasonUninstallingApp ProgramOnTheWeb UninstallProgram LaunchProgram AutoStartProgram
        AddonHostProgramNotFound""",
    "%1 %2": """WindowsServicePackRequired WinVersionTooLowError WinVersionTooHighError DiskSpaceWarning
        ErrorDownloadFailed ErrorDownloadSizeFailed ErrorProgress ErrorFileSize FileNotInDir2 ErrorFunctionFailed
        ErrorRegOpenKey ErrorRegCreateKey ErrorRegWriteKey UninstallDisplayNameMark NameAndVersion
        AssocFileExtension AssocingFileExtension""",
    "%1 %2 %3": "LastErrorMessage ErrorFunctionFailedWithMessage UninstallDisplayNameMarks",
    "%1 %2 %3 %4": "AboutSetupMessage",
    "[name]": """WelcomeLabel1 SelectDirDesc SelectDirLabel3 SelectTasksLabel2 ReadyLabel1 PreparingDesc
        PreviousInstallNotCompleted PrepareToInstallNeedsRestart InstallingLabel FinishedHeadingLabel
        FinishedLabelNoIcons FinishedLabel FinishedRestartLabel FinishedRestartMessage""",
    "[name/ver]": "WelcomeLabel2",
    "[mb]": "DiskSpaceMBLabel ComponentsDiskSpaceMBLabel",
    "[gb]": "DiskSpaceGBLabel ComponentsDiskSpaceGBLabel",
}
EXPECTED_ARGS = {key: frozenset(tokens.split()) for tokens, keys in _ARGS.items() for key in keys.split()}


def _tokens(value: str) -> frozenset[str]:
    return frozenset(re.findall(r"%[1-9]|\[name/ver\]|\[name\]|\[mb\]|\[gb\]", value))


def _isl_values(section: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in section)


def test_chinese_messages_cover_every_inno_setup_message_with_the_same_arguments():
    isl = _sections(_read_bom_utf8(PACKAGING / "ChineseSimplified.isl"))
    opts = _isl_values(isl["LangOptions"])
    assert opts["LanguageName"] == "简体中文" and opts["LanguageID"] == "$0804"
    messages = _isl_values(isl["Messages"])
    assert sorted(set(INNO_MESSAGES) - set(messages)) == []
    assert sorted(set(messages) - set(INNO_MESSAGES)) == []
    custom = _isl_values(isl["CustomMessages"])
    assert set(custom) == set(STANDARD_CUSTOM_MESSAGES)
    for key, value in {**messages, **custom}.items():
        assert _tokens(value) == EXPECTED_ARGS.get(key, frozenset()), f"{key}={value}"
    translated = [v for k, v in messages.items() if v and not k.startswith("UninstallDisplayNameMark")
                  and k not in ("ComponentSize1", "ComponentSize2", "ButtonOK")]
    assert all(re.search(r"[\u4e00-\u9fff]", v) for v in translated), "untranslated English left in the .isl"


def test_every_custom_message_the_installer_uses_exists_in_both_languages(iss):
    text = _read_bom_utf8(PACKAGING / "qinggao.iss")
    used = set(re.findall(r"\{cm:(\w+)", text))
    own = _isl_values(iss["CustomMessages"])
    isl_custom = set(_isl_values(_sections(_read_bom_utf8(PACKAGING / "ChineseSimplified.isl"))["CustomMessages"]))
    for name in used:
        assert f"chinesesimplified.{name}" in own or name in isl_custom, name
        assert f"english.{name}" in own or name in STANDARD_CUSTOM_MESSAGES, name


# ---------------------------------------------------------------- slow: the frozen bundle itself

@pytest.fixture(scope="session")
def bundle() -> Path:
    """Build once per session with packaging/build.py into a private folder readable by every user."""
    need("pyinstaller")
    top = Path(tempfile.mkdtemp(prefix="qinggao-frozen-"))
    os.chmod(top, 0o755)  # the read-only test runs the bundle as another user
    r = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--dist", str(top / "dist"),
                        "--work", str(top / "work"), "--no-selftest"],
                       capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=1800)
    if r.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        pytest.fail(f"packaging/build.py failed ({r.returncode}):\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    try:
        yield top / "dist" / rules.APP_NAME
    finally:
        shutil.rmtree(top, ignore_errors=True)


def _user_env(home: Path) -> dict[str, str]:
    """A clerk with a fresh profile: every per-user folder points into `home`."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), LOCALAPPDATA=str(home / "local"), APPDATA=str(home / "roaming"),
               QINGGAO_HOME=str(home / "data" / "qinggao"), PYTHONIOENCODING="utf-8")
    return env


def _run(cmd: list, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], env=env, capture_output=True, timeout=timeout)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_bundle_holds_both_executables_and_runtime_data_once(bundle):
    internal = bundle / "_internal"
    for name in (rules.GUI_NAME, rules.CLI_NAME):
        exe = bundle / (name + EXE)
        assert exe.is_file() and os.access(exe, os.X_OK), exe
    assert (internal / "resources" / "dict" / "user.dict").read_bytes() == \
        (ROOT / "resources" / "dict" / "user.dict").read_bytes()
    # collected by pyinstaller-hooks-contrib exactly once, not duplicated by our spec
    assert len(list(internal.rglob("dict.txt"))) == 1
    assert len(list(internal.rglob("default.docx"))) == 1
    assert (internal / "chardet" / "models" / "models.bin").is_file()
    assert not (internal / "jieba" / "lac_small").exists()
    assert not list(internal.glob("jieba/**/*.p"))
    plugin = "qwindows.dll" if sys.platform == "win32" else "libqxcb.so"
    assert list(internal.glob(f"PySide6/**/platforms/{plugin}"))
    qms = {p.name for p in internal.glob("PySide6/**/translations/*.qm")}
    assert "qtbase_zh_CN.qm" in qms and "qtbase_de.qm" not in qms
    assert not list(internal.glob("PySide6/QtQml*")) and not list(internal.glob("PySide6/QtQuick*"))
    assert not list(internal.rglob("opengl32sw.dll"))
    assert (internal / "opencc" / "clib" / "share" / "opencc" / "t2s.json").is_file()  # 繁体转简体
    assert not (internal / "opencc" / "clib" / "bin").exists() and not (internal / "opencc" / "clib" / "include").exists()


@pytest.mark.slow
def test_frozen_cli_selftest(bundle, tmp_path):
    r = _run([bundle / (rules.CLI_NAME + EXE), "--selftest"], _user_env(tmp_path))
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert b"selftest ok" in r.stderr


@pytest.mark.slow
def test_frozen_cli_simplifies_a_traditional_draft(bundle, tmp_path):
    src = ROOT / "tests" / "data" / "traditional" / "anquan_jiancha_fanti.txt"
    want = ROOT / "tests" / "data" / "traditional" / "anquan_jiancha_jianti.txt"
    env = _user_env(tmp_path)
    frozen = _run([bundle / (rules.CLI_NAME + EXE), "clean", "--simplified", src, "--to", "txt", "--stdout"], env)
    source = _run([sys.executable, "-m", "core.cli", "clean", want, "--to", "txt", "--stdout"],
                  dict(env, PYTHONPATH=str(ROOT)))
    assert frozen.returncode == 0, frozen.stderr.decode("utf-8", "replace")
    assert frozen.stdout.decode("utf-8").startswith("关于开展校园安全隐患排查整治工作的通知\n")
    assert frozen.stdout == source.stdout


@pytest.fixture(scope="module")
def gbk_draft(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("gbk") / "开学通知.txt"
    p.write_bytes(GBK_DRAFT.encode("gbk"))
    return p


@pytest.mark.slow
@pytest.mark.parametrize("seed", [*SEEDS, None], ids=[*(s.stem for s in SEEDS), "gbk-draft"])
def test_frozen_clean_json_matches_the_source_install(bundle, seed, gbk_draft, tmp_path):
    src = seed or gbk_draft
    env = _user_env(tmp_path)
    before = src.read_bytes()
    frozen = _run([bundle / (rules.CLI_NAME + EXE), "clean", src, "--to", "json", "--stdout"], env)
    source = _run([sys.executable, "-m", "core.cli", "clean", src, "--to", "json", "--stdout"],
                  dict(env, PYTHONPATH=str(ROOT)))
    assert source.returncode == 0, source.stderr.decode("utf-8", "replace")
    assert frozen.returncode == 0, frozen.stderr.decode("utf-8", "replace")
    got, want = json.loads(frozen.stdout), json.loads(source.stdout)
    assert got["blocks"], "the frozen build produced no blocks"
    assert got["blocks"] == want["blocks"]
    assert got == want
    assert src.read_bytes() == before  # inputs are never modified


@pytest.mark.slow
def test_frozen_cli_exports_the_same_docx_as_the_source_install(bundle, gbk_draft, tmp_path):
    src = SEEDS[0] if SEEDS else gbk_draft
    env = _user_env(tmp_path / "home")
    r = _run([bundle / (rules.CLI_NAME + EXE), "clean", src, "-o", tmp_path / "frozen", "--to", "docx"], env)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    s = _run([sys.executable, "-m", "core.cli", "clean", src, "-o", tmp_path / "source", "--to", "docx"],
             dict(env, PYTHONPATH=str(ROOT)))
    assert s.returncode == 0, s.stderr.decode("utf-8", "replace")
    (frozen_docx,) = (tmp_path / "frozen").glob("*.docx")
    (source_docx,) = (tmp_path / "source").glob("*.docx")
    import docx

    paragraphs = [p.text for p in docx.Document(str(frozen_docx)).paragraphs if p.text.strip()]
    assert len(paragraphs) >= 3
    with zipfile.ZipFile(frozen_docx) as fz, zipfile.ZipFile(source_docx) as sz:
        assert sorted(fz.namelist()) == sorted(sz.namelist())
        for name in fz.namelist():
            if not name.startswith("docProps/"):  # creation time lives there
                assert fz.read(name) == sz.read(name), f"{name} differs between frozen and source export"


@pytest.mark.slow
def test_frozen_cli_cleans_a_big_batch_with_worker_processes(bundle, gbk_draft, tmp_path):
    # core.batch switches to a process pool from 8 files; frozen workers re-run the executable on Windows
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    for i in range(10):
        shutil.copy(SEEDS[i % len(SEEDS)] if SEEDS else gbk_draft, inbox / f"稿{i:02d}.txt")
    r = _run([bundle / (rules.CLI_NAME + EXE), "clean", inbox, "-o", tmp_path / "out", "--to", "docx", "-q"],
             _user_env(tmp_path / "home"), timeout=600)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert sorted(p.stem for p in (tmp_path / "out").glob("*.docx")) == [f"稿{i:02d}" for i in range(10)]


@pytest.mark.slow
def test_jieba_cache_goes_to_the_user_folder_not_the_bundle(bundle, tmp_path):
    before = _snapshot(bundle)
    r = _run([bundle / (rules.CLI_NAME + EXE), "--selftest"], _user_env(tmp_path))
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    cache = tmp_path / ("local/QingGao/cache" if sys.platform == "win32" else "cache/qinggao")
    assert (cache / "jieba.cache").stat().st_size > 1_000_000
    assert _snapshot(bundle) == before  # nothing written next to the executables


@pytest.mark.slow
@pytest.mark.skipif(not (LINUX and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv")),
                    reason="needs root on Linux to run the bundle as an unprivileged user")
def test_frozen_cli_runs_from_a_read_only_install(bundle):
    # as `nobody`, the root-owned bundle is read-only, like Program Files for a clerk
    home = Path(tempfile.mkdtemp(prefix="qinggao-nobody-"))
    try:
        os.chmod(home, 0o777)
        as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        probe = _run([*as_nobody, "touch", bundle / "_internal" / "probe"])
        assert probe.returncode != 0, "the bundle should not be writable by nobody"
        r = _run([*as_nobody, bundle / rules.CLI_NAME, "--selftest"], _user_env(home))
        assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
        assert (home / "cache" / "qinggao" / "jieba.cache").exists()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _gui_handles_selftest() -> bool:
    return "--selftest" in (ROOT / "desktop" / "app.py").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not _gui_handles_selftest(), reason="desktop/app.py has no --selftest yet (GUI placeholder)")
def test_frozen_gui_selftest(bundle, tmp_path):
    env = dict(_user_env(tmp_path), QT_QPA_PLATFORM="offscreen")
    r = _run([bundle / (rules.GUI_NAME + EXE), "--selftest"], env, timeout=180)
    assert r.returncode == 0, (r.stdout + r.stderr).decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="an X server is a Linux thing: other systems run the test below")
@needs_xvfb
@needs_xdotool
def test_frozen_gui_shows_its_window_with_a_file_argument(bundle, gbk_draft, tmp_path):
    measure = _load("measure")
    src = SEEDS[0] if SEEDS else gbk_draft
    with measure.Xvfb() as x:
        took, names, proc = measure.launch_until_window(bundle / rules.GUI_NAME, [str(src)], x.display,
                                                       str(tmp_path), timeout=90)
        time.sleep(1.0)  # still alive a moment later: it did not show a window and then crash on the file
        alive = proc.poll() is None
        out = measure.stop(proc)
    assert took is not None, f"no window appeared; output:\n{out[-3000:]}"
    assert alive, f"the GUI exited after showing its window; output:\n{out[-3000:]}"
    assert any(re.search(r"清稿|qinggao", n, re.IGNORECASE) for n in names), names
    assert "Traceback" not in out, out[-3000:]


@pytest.mark.slow
@pytest.mark.skipif(LINUX, reason="Linux runs the Xvfb window test instead")
def test_frozen_gui_starts_and_keeps_running(bundle, gbk_draft, tmp_path):
    # Windows/macOS CI: no X server to query; start offscreen with a file and check it does not crash
    env = dict(_user_env(tmp_path), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([str(bundle / (rules.GUI_NAME + EXE)), str(gbk_draft)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        time.sleep(8)
        assert proc.poll() is None, (proc.stdout.read() or b"").decode("utf-8", "replace")
    finally:
        proc.kill()
        proc.wait()
