; Inno Setup script: wraps the Windows one-folder build (dist\de06desk\) into a setup.exe.
;
; Build on Windows (see installer\README.md), from the repository root:
;     iscc /DAppVersion=0.1.0 installer\windows\de06desk.iss
; AppVersion defaults to the version stamped into dist\de06desk\de06desk.exe, which the
; PyInstaller spec takes from de06desk.__version__ — so a plain `iscc installer\windows\de06desk.iss`
; after `pyinstaller ... installer\de06desk.spec` gives the right version too.
;
; Vietnamese.isl is one of Inno Setup's *unofficial* translations: if the compiler says it cannot
; find compiler:Languages\Vietnamese.isl, download Vietnamese.isl from
; https://jrsoftware.org/files/istrans/ and copy it into the Languages folder of Inno Setup
; (e.g. C:\Program Files (x86)\Inno Setup 6\Languages\).
;
; Upgrades: the AppId below never changes, so a newer setup.exe installs over the old one
; (same folder, shortcuts kept). User data (database, backups, keys, logs) lives in
; %LOCALAPPDATA%\de06desk (platformdirs), outside {app}: neither an upgrade nor an uninstall
; touches it. Do not add it to [UninstallDelete].

#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + "..\..\dist\de06desk\de06desk.exe")
#endif
#if AppVersion == ""
  #error "No version: build dist\de06desk first, or pass /DAppVersion=x.y.z to iscc"
#endif

#define AppName "de06desk"
#define AppExe "de06desk.exe"
#define Dist AddBackslash(SourcePath) + "..\..\dist\de06desk"

[Setup]
; Never change this GUID: it is what makes a newer setup an upgrade of the installed program.
AppId={{18103B9F-2563-4561-A98C-CDE2A748F624}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=de06desk
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} {#AppVersion} setup
; Per-user install by default (officers often have no administrator rights):
; %LOCALAPPDATA%\Programs\de06desk; an administrator may choose "all users" instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Upgrades reuse the folder and language chosen the first time.
UsePreviousAppDir=yes
UsePreviousLanguage=yes
; Python 3.11 needs Windows 8.1 or later, 64-bit.
MinVersion=6.3
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\..\resources\icons\de06desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
; Close a running de06desk before replacing its files (Restart Manager).
CloseApplications=yes
RestartApplications=no
OutputDir=..\..\dist
OutputBaseFilename=de06desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "vietnamese"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vietnamese.DataFolder=Thư mục dữ liệu de06desk
english.DataFolder=de06desk data folder
vietnamese.CommandLine=Cửa sổ lệnh de06desk
english.CommandLine=de06desk command prompt
vietnamese.DataKept=Dữ liệu của bạn (cơ sở dữ liệu, bản sao lưu, khóa) vẫn được giữ nguyên trong:%n%1%n%nCài lại de06desk để dùng tiếp.
english.DataKept=Your data (database, backups, keys) is kept in:%n%1%n%nInstall de06desk again to keep using it.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program's libraries wholesale so no file of the old version lingers.
; Only inside {app}: user data is elsewhere (%LOCALAPPDATA%\de06desk) and never deleted.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:DataFolder}"; Filename: "{localappdata}\de06desk"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k de06desk-cli.exe --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\de06desk')]),
      mbInformation, MB_OK);
end;
