; Banshou (扳手) Windows installer — NSIS 3 (Unicode), built from the PyInstaller one-folder bundle.
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=..\..\dist\banshou /DOUTFILE=..\..\dist\banshou-0.1.0-setup.exe banshou.nsi
;
; Why per-user (no administrator): a shop's front-desk account is often not an administrator, and the data
; folder is per-user anyway (platformdirs: %LOCALAPPDATA%\Banshou\Banshou). Installs to
; %LOCALAPPDATA%\Programs\Banshou, like other per-user desktop apps.
; Upgrade in place: a newer installer finds the old folder in the registry, replaces the program files
; (the old _internal is removed first so no stale library survives) and never touches the data folder;
; the new version backs the database up and migrates it on its first start (localdb/migrate.py).
; Uninstall keeps the shop's data unless the person asks for it to be deleted (silent uninstall keeps it).

Unicode true
!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\banshou"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\banshou-${VERSION}-setup.exe"
!endif
!ifdef NOCOMPRESS  ; CI proves the script with a stand-in payload: storing it takes seconds, LZMA minutes
  !define COMPRESSOR "zlib"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\banshou.ico"
!endif

!define APPNAME "Banshou"
!define APPNAME_ZH "扳手"
!define EXE "banshou.exe"
!define REGKEY "Software\Banshou\Installer"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Banshou"
!define DATADIR "$LOCALAPPDATA\Banshou"

Name "${APPNAME_ZH} ${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Banshou"
InstallDirRegKey HKCU "${REGKEY}" "InstallDir"
RequestExecutionLevel user
SetCompressor ${COMPRESSOR}
!ifdef NOCOMPRESS
  SetCompress off
!endif
ShowInstDetails show
BrandingText "${APPNAME_ZH} ${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME_ZH} ${APPNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME_ZH} ${APPNAME} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Banshou"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"  ; the first language is the default: shops read Chinese
!insertmacro MUI_LANGUAGE "English"

LangString MsgRunning ${LANG_SIMPCHINESE} "扳手正在运行。请先关闭扳手，然后点“重试”。"
LangString MsgRunning ${LANG_ENGLISH} "Banshou is running. Close it, then click Retry."
LangString MsgDeleteData ${LANG_SIMPCHINESE} "是否同时删除本店数据（数据库、备份、结算清单 PDF）？$\n${DATADIR}$\n$\n选“否”将保留数据，重新安装后可继续使用。"
LangString MsgDeleteData ${LANG_ENGLISH} "Also delete the shop's data (database, backups, settlement-list PDFs)?$\n${DATADIR}$\n$\nChoose No to keep it for a later reinstall."

; The program must not be running while its files are replaced or removed: deleting the executable
; fails while it runs, which is the check (no plug-in needed).
!macro EnsureNotRunning
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ${Do}
      ClearErrors
      Delete "$INSTDIR\${EXE}"
      ${IfNot} ${Errors}
        ${Break}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MsgRunning)" /SD IDCANCEL IDRETRY +2
      Abort
    ${Loop}
  ${EndIf}
!macroend

Section "Banshou" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro EnsureNotRunning
  ; Upgrade in place: drop the previous version's libraries; the data folder is elsewhere and untouched.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*.*"
  File "/oname=banshou.ico" "${ICON}"

  CreateDirectory "$SMPROGRAMS\${APPNAME_ZH} ${APPNAME}"
  CreateShortCut "$SMPROGRAMS\${APPNAME_ZH} ${APPNAME}\${APPNAME_ZH} ${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\banshou.ico"
  CreateShortCut "$SMPROGRAMS\${APPNAME_ZH} ${APPNAME}\卸载 Uninstall.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\${APPNAME_ZH} ${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\banshou.ico"

  WriteRegStr HKCU "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${REGKEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME_ZH} ${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Banshou"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\banshou.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd

Section "Uninstall"
  !insertmacro EnsureNotRunning
  Delete "$DESKTOP\${APPNAME_ZH} ${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME_ZH} ${APPNAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\banshou-cli.exe"
  Delete "$INSTDIR\banshou.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${REGKEY}"
  ; The shop's data stays unless asked (default No; a silent uninstall keeps it). Best effort: the EHR
  ; password in Windows Credential Manager (keyring service "Banshou EHR") goes with the data.
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(MsgDeleteData)" /SD IDNO IDNO keep_data
    RMDir /r "${DATADIR}"
    DeleteRegKey HKCU "Software\Banshou\Banshou"
    nsExec::Exec 'cmdkey /delete:"Banshou EHR"'
  keep_data:
SectionEnd
