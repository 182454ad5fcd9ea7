; Bilateral's Windows installer (NSIS 3, 64-bit Unicode). Built by `packaging/build.sh windows`:
;   makensis -DVERSION=0.1.0 -DSTAGE=<folder with the exes> -DOUTFILE=<setup.exe> installer.nsi
; Installs for the current user only (no administrator rights) into
; %LOCALAPPDATA%\Programs\Bilateral, adds a Start-menu entry, offers Bilateral in "Open with"
; for .json and .geojson files (without taking them over: Windows cannot tell a Bilateral
; dataset from other JSON by its name), and registers an uninstaller that removes all of it.
; Silent: setup.exe /S, and uninstall.exe /S.

Unicode true
Target amd64-unicode
!include LogicLib.nsh
!include Win\COM.nsh
!include Win\Propkey.nsh

!define APP_ID "io.github.bilateral.Bilateral"
!define PROG_ID "io.github.bilateral.Bilateral.Dataset"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SHCNE_ASSOCCHANGED 0x08000000

Name "Bilateral"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Bilateral"
RequestExecutionLevel user
SetCompressor /SOLID lzma
Icon "..\icons\bilateral.ico"
UninstallIcon "..\icons\bilateral.ico"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "Bilateral"
VIAddVersionKey "FileDescription" "Bilateral installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "The Bilateral authors; MIT or Apache-2.0"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "Bilateral"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\bilateral.exe"
  File "${STAGE}\bilateral-cli.exe"
  File "${STAGE}\LICENSE-MIT.txt"
  File "${STAGE}\LICENSE-APACHE.txt"
  File "${STAGE}\THIRD-PARTY-NOTICES.txt"
  File "${STAGE}\README.txt"
  File "${STAGE}\_bilateral.ps1"
  SetOutPath "$INSTDIR\examples"
  File "${STAGE}\examples\russia-iran.json"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\Bilateral.lnk" "$INSTDIR\bilateral.exe" "" "$INSTDIR\bilateral.exe" 0
  Call SetShortcutAppId

  ; The dataset type: Bilateral opens it; offered in "Open with" for .json and .geojson.
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "Bilateral dataset"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "AppUserModelID" "${APP_ID}"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\bilateral.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\bilateral.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.json\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\.geojson\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\bilateral.exe" "FriendlyAppName" "Bilateral"
  WriteRegStr HKCU "Software\Classes\Applications\bilateral.exe\SupportedTypes" ".json" ""
  WriteRegStr HKCU "Software\Classes\Applications\bilateral.exe\SupportedTypes" ".geojson" ""
  WriteRegStr HKCU "Software\Classes\Applications\bilateral.exe\shell\open\command" "" '"$INSTDIR\bilateral.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Bilateral"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Bilateral authors"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\bilateral.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Gives the Start-menu shortcut the application id, so that the taskbar groups the window
; under it. Skipped quietly where the shell has no property store (older Windows, wine).
Function SetShortcutAppId
  !insertmacro ComHlpr_CreateInProcInstance ${CLSID_ShellLink} ${IID_IShellLink} r0 ""
  ${If} $0 P<> 0
    ${IUnknown::QueryInterface} $0 '("${IID_IPersistFile}",.r1)'
    ${If} $1 P<> 0
      ${IPersistFile::Load} $1 '("$SMPROGRAMS\Bilateral.lnk", ${STGM_READWRITE})'
      ${IUnknown::QueryInterface} $0 '("${IID_IPropertyStore}",.r2)'
      ${If} $2 P<> 0
        System::Call '*(&w64 "${APP_ID}")p.r4'
        System::Call '*${SYSSTRUCT_PROPERTYKEY}(${PKEY_AppUserModel_ID})p.r5'
        System::Call '*${SYSSTRUCT_PROPVARIANT}(${VT_LPWSTR},,r4)p.r6'
        ${IPropertyStore::SetValue} $2 '(r5,r6)'
        ${IPropertyStore::Commit} $2 ""
        System::Free $4
        System::Free $5
        System::Free $6
        ${IUnknown::Release} $2 ""
        ${IPersistFile::Save} $1 '("$SMPROGRAMS\Bilateral.lnk",1)'
      ${EndIf}
      ${IUnknown::Release} $1 ""
    ${EndIf}
    ${IUnknown::Release} $0 ""
  ${EndIf}
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Bilateral.lnk"
  Delete "$INSTDIR\bilateral.exe"
  Delete "$INSTDIR\bilateral-cli.exe"
  Delete "$INSTDIR\LICENSE-MIT.txt"
  Delete "$INSTDIR\LICENSE-APACHE.txt"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\_bilateral.ps1"
  Delete "$INSTDIR\examples\russia-iran.json"
  RMDir "$INSTDIR\examples"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegValue HKCU "Software\Classes\.json\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.json\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.json"
  DeleteRegValue HKCU "Software\Classes\.geojson\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.geojson\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.geojson"
  DeleteRegKey HKCU "Software\Classes\Applications\bilateral.exe"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd
