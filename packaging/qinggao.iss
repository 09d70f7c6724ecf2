; Inno Setup script for 清稿 QingGao: one installer around the one-folder PyInstaller bundle.
;
; Built by `python packaging\build.py --installer` (Windows), which passes:
;   /DAppVersion=x.y.z  /DSourceDir=<dist\QingGao>  /DOutputDir=<dist>  [/DSign /Sqgsign=...]
; Compiling by hand from packaging\: "ISCC.exe qinggao.iss" uses the defaults below.
;
; Installs per user by default: no administrator rights (PrivilegesRequired=lowest) into
; %LOCALAPPDATA%\Programs\QingGao; an administrator may choose "all users" on the first page or /ALLUSERS.
; Every integration with Windows beyond the Start-menu shortcut is an unchecked task the clerk may tick.
; Uninstall removes the program, its shortcuts and registry entries, and the caches and logs it made;
; it never touches the clerk's documents (outputs are written beside the inputs, in 清稿输出 folders)
; nor the drafts the clerk pasted into the app (%LOCALAPPDATA%\QingGao\粘贴文本).
; Saved as UTF-8 with a byte-order mark, so the Chinese strings below survive.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\QingGao"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#define AppName "清稿 QingGao"
#define GuiExe "qinggao-gui.exe"
#define ProgId "QingGao.Draft"

[Setup]
; AppId identifies the product across versions (upgrades, uninstall); never change it.
AppId={{8C4F6A2E-3B1D-4E7A-9F2C-5D8B1A6E4C37}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=QingGao
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\QingGao
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableWelcomePage=no
; Per-user by default; an administrator can still choose an all-users install.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsedUserAreasWarning=no
#if Ver < EncodeVer(6, 3, 0)
ArchitecturesAllowed=x64
ArchitecturesInstallIn64BitMode=x64
#else
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
#endif
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=QingGao-{#AppVersion}-setup
SetupIconFile=qinggao.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
#ifdef Sign
; /Sqgsign=... is passed by build.py; it calls packaging\sign.py with the CI certificate.
SignTool=qgsign
SignedUninstaller=yes
#endif

[Languages]
; Chinese first: it is the fallback when Windows' UI language matches neither.
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.GroupIntegration=与 Windows 集成：
english.GroupIntegration=Windows integration:
chinesesimplified.TaskSendTo=在右键菜单的“发送到”中加入“清稿”(&S)
english.TaskSendTo=Add QingGao to the "&Send to" menu
chinesesimplified.TaskOpenWith=在 .txt、.html、.docx 文件的“打开方式”中加入“清稿”（不改变默认打开程序）(&O)
english.TaskOpenWith=Offer QingGao under "&Open with" for .txt, .html and .docx files (the default app stays)
chinesesimplified.AppComment=把下载的文稿清理成规范的公文格式
english.AppComment=Clean downloaded drafts into official-format documents
chinesesimplified.DraftType=清稿文稿
english.DraftType=QingGao draft

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "sendto"; Description: "{cm:TaskSendTo}"; GroupDescription: "{cm:GroupIntegration}"; Flags: unchecked
Name: "openwith"; Description: "{cm:TaskOpenWith}"; GroupDescription: "{cm:GroupIntegration}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: stale libraries from an older version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon
Name: "{usersendto}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:AppComment}"; Tasks: sendto

[Registry]
; "Open with": a ProgID plus an entry under each extension's OpenWithProgids. Nothing here writes an
; extension's default value, so whatever opens .txt/.html/.docx/.pdf today keeps doing so.
; HKA is HKCU for a per-user install and HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:DraftType}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
; The Applications key gives the "Open with" list a friendly name and limits it to the types QingGao reads.
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#GuiExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""; Tasks: openwith

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; What the app itself wrote for this Windows user: jieba's dictionary cache, logs, settings.
; The pasted drafts folder (%LOCALAPPDATA%\QingGao\粘贴文本) is the clerk's text and stays.
Type: filesandordirs; Name: "{localappdata}\QingGao\cache"
Type: filesandordirs; Name: "{localappdata}\QingGao\logs"
Type: dirifempty; Name: "{localappdata}\QingGao"
Type: files; Name: "{userappdata}\QingGao\QingGao.ini"
Type: dirifempty; Name: "{userappdata}\QingGao"
