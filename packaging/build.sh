#!/usr/bin/env bash
# Builds Bilateral's packages into target/packaging/, installing the tools it needs.
#   packaging/build.sh deb        Debian/Ubuntu .deb (cargo-deb), checked with lintian,
#                                 desktop-file-validate and appstreamcli, its glibc floor
#                                 (2.35, Ubuntu 22.04) and its size (at most 10 MB)
#   packaging/build.sh deb --from-release
#                                 the same package around the binary `cargo build --release`
#                                 already wrote (CI's check of the packaging, without a second
#                                 full build); what ships is the `dist` one above
#   packaging/build.sh tarball    the portable Linux archive (.tar.gz): the binary, the
#                                 desktop entry, icons, MIME type, man pages and INSTALL
#   packaging/build.sh windows    bilateral.exe (windowed) and bilateral-cli.exe (console),
#                                 cross-built with mingw-w64, an NSIS installer (at most
#                                 12 MB), and a test of it under wine: silent install, the CLI,
#                                 silent uninstall; then the window itself under wine
#                                 (packaging/windows-window-check.sh)
#   packaging/build.sh macos      on a Mac: Bilateral.app (and a .dmg); elsewhere it only
#                                 checks the Info.plist and icon, as a Mac is needed to build
#   packaging/build.sh all        all of them
# Each writes SHA256SUMS beside the packages in target/packaging/.
# Release builds use Cargo's `dist` profile (fat LTO, one codegen unit, stripped); see
# docs/packaging.md for the times and sizes. On a shared machine run it under `nice`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/target/packaging
generated=$out/generated
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
app_id=io.github.bilateral.Bilateral
windows_target=x86_64-pc-windows-gnu
# The oldest glibc the Linux binary may need: Ubuntu 22.04 LTS's (Debian 12 has 2.36).
glibc_floor=2.35
# The download budgets (issue 27), in bytes.
deb_budget_bytes=10000000
setup_budget_bytes=12000000
tarball=bilateral-$version-x86_64-linux.tar.gz
setup=bilateral-$version-x86_64-setup.exe
# Where Cargo writes its builds (CARGO_TARGET_DIR or the build.target-dir setting, if set).
target_dir=$(cargo metadata --format-version 1 --no-deps --offline \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# Installs the Debian packages named that are not installed yet.
need_debian_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || fail "needs the Debian packages ${missing[*]} (no apt-get here)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  say "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The man pages, shell completions and third-party notices, generated from the sources.
generate_docs() {
  local target=$1
  say "man pages, completions, third-party notices ($target)"
  rm -rf "$generated"
  cargo run --quiet --locked --example packaging-docs --features packaging -- "$generated" >/dev/null
  gzip -9n "$generated"/man/*.1
  python3 packaging/third_party_notices.py "$target" "$generated/THIRD-PARTY-NOTICES"
  gzip -9n --keep "$generated/THIRD-PARTY-NOTICES"
  python3 packaging/appstream_releases.py CHANGELOG.md "packaging/linux/$app_id.metainfo.xml" \
    "$version" "$generated/$app_id.metainfo.xml"
}

# Fails unless the desktop entry, the AppStream metadata (with its releases from CHANGELOG.md)
# and the MIME type are valid.
validate_linux_metadata() {
  need_debian_packages desktop-file-utils appstream libxml2-utils
  say "checking the desktop entry, AppStream metadata (releases from CHANGELOG.md) and MIME type"
  desktop-file-validate "packaging/linux/$app_id.desktop"
  appstreamcli validate --no-net "$generated/$app_id.metainfo.xml"
  xmllint --noout "packaging/linux/$app_id.xml"
}

# Fails if the binary needs a glibc newer than $glibc_floor: a versioned symbol (`objdump -T`)
# or a version reference such as GLIBC_ABI_DT_RELR (`objdump -p`, what packed relocations
# add). With a .deb, also fails unless its Depends names the glibc the binary really needs.
check_glibc_floor() {
  local binary=$1 deb=${2:-} symbols references newest newer
  symbols=$(objdump -T "$binary") || fail "$binary: objdump -T cannot read it"
  references=$(objdump -p "$binary") || fail "$binary: objdump -p cannot read it"
  newest=$(grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' <<<"$symbols"$'\n'"$references" | sed 's/^GLIBC_//' | sort -uV | tail -1)
  [ -n "$newest" ] || fail "$binary: no versioned glibc symbol found (is it a dynamic glibc binary?)"
  if grep -q 'GLIBC_ABI_' <<<"$references"; then
    fail "$binary needs $(grep -oE 'GLIBC_ABI_[A-Z_]+' <<<"$references" | sort -u | tr '\n' ' ')(packed relocations need glibc 2.36; see build.rs)"
  fi
  if [ "$(printf '%s\n%s\n' "$newest" "$glibc_floor" | sort -V | tail -1)" != "$glibc_floor" ]; then
    newer=$(awk -v floor="$glibc_floor" '{ for (i = 1; i <= NF; i++) if ($i ~ /^\(?GLIBC_[0-9.]+\)?$/) { v = $i; gsub(/[()]|GLIBC_/, "", v); print v, $NF } }' <<<"$symbols" \
      | sort -V | awk -v floor="$glibc_floor" '{ split($1, a, "."); split(floor, f, "."); if (a[1] > f[1] || (a[1] == f[1] && a[2] > f[2])) print "GLIBC_" $1 " " $2 }' | head -20)
    fail "$binary needs glibc $newest, newer than the floor $glibc_floor (Ubuntu 22.04); symbols:
$newer"
  fi
  echo "glibc: the newest version $(basename "$binary") needs is GLIBC_$newest (floor $glibc_floor): ok"
  [ -n "$deb" ] || return 0
  local depends wanted
  depends=$(dpkg-deb -f "$deb" Depends)
  wanted=$(grep -oE 'libc6 \(>= [0-9.]+\)' <<<"$depends" | head -1)
  [ "$wanted" = "libc6 (>= $newest)" ] || fail "$deb: Depends says '${wanted:-no libc6}', the binary needs libc6 (>= $newest)"
  echo "glibc: the package's Depends says $wanted: matches the binary"
}

# Fails when the file is larger than its budget.
check_budget() {
  local file=$1 budget=$2 size
  size=$(stat -c %s "$file")
  [ "$size" -le "$budget" ] || fail "$(basename "$file") is $size bytes, over its budget of $budget bytes"
  echo "size: $(basename "$file") $size bytes, within its budget of $budget bytes"
}

# SHA256SUMS beside the packages of this version in $out, for `sha256sum -c SHA256SUMS`.
write_checksums() {
  local packages=()
  mapfile -t packages < <(cd "$out" && ls -1 bilateral_"$version"-*_amd64.deb "$tarball" "$setup" 2>/dev/null || true)
  [ ${#packages[@]} -gt 0 ] || return 0
  (cd "$out" && sha256sum "${packages[@]}" > SHA256SUMS)
  say "$out/SHA256SUMS"
  cat "$out/SHA256SUMS"
}

build_deb() {
  local from_release=${1:-}
  need_debian_packages dpkg-dev lintian desktop-file-utils appstream libxml2-utils python3 gzip binutils
  if ! command -v cargo-deb >/dev/null; then
    say "installing cargo-deb"
    cargo install --locked cargo-deb
  fi
  generate_docs x86_64-unknown-linux-gnu
  validate_linux_metadata
  mkdir -p "$out"
  local started=$SECONDS binary
  if [ "$from_release" = --from-release ]; then
    binary=$target_dir/release/bilateral
    [ -x "$binary" ] || fail "deb --from-release packages the binary of 'cargo build --release',
  and there is none at $binary: run 'cargo build --release' first (or 'packaging/build.sh deb'
  for the package that ships, built with the dist profile)"
    say "building the .deb from $binary (the release build, for CI; the shipped one is dist)"
    cargo deb --locked --profile release --no-build --output "$out/"
  else
    binary=$target_dir/dist/bilateral
    say "building the .deb (cargo build --profile dist)"
    cargo deb --locked --profile dist --output "$out/"
  fi
  echo "built in $((SECONDS - started)) s"
  local deb
  deb=$(ls -t "$out"/bilateral_"$version"-*_*.deb | head -1)
  say "lintian $deb"
  # Errors fail the build; warnings are printed for a person to judge.
  lintian --fail-on error --info "$deb"
  say "contents"
  dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
  dpkg-deb --contents "$deb" | awk '{print $3, $6}'
  echo "binary: $(stat -c %s "$binary") bytes ($binary, before cargo-deb strips it); package: $(stat -c %s "$deb") bytes"
  say "glibc floor and download budget"
  check_glibc_floor "$binary" "$deb"
  # The budget is the shipped package's; CI's, around the release binary, is only larger.
  if [ "$from_release" = --from-release ]; then
    echo "size: $(basename "$deb") $(stat -c %s "$deb") bytes (release binary; the budget of $deb_budget_bytes bytes is checked on the dist package)"
  else
    check_budget "$deb" "$deb_budget_bytes"
  fi
  echo "deb: $deb"
}

# The portable archive for distributions without dpkg: a prefix tree (bin/, share/) to copy
# into ~/.local or /usr/local, with INSTALL saying how. Built around the `dist` binary.
build_tarball() {
  need_debian_packages desktop-file-utils appstream libxml2-utils python3 gzip binutils
  [ -f "$generated/$app_id.metainfo.xml" ] || generate_docs x86_64-unknown-linux-gnu
  validate_linux_metadata
  say "the portable archive (cargo build --profile dist)"
  local started=$SECONDS
  cargo build --locked --profile dist --bin bilateral
  echo "built in $((SECONDS - started)) s"
  local binary=$target_dir/dist/bilateral
  check_glibc_floor "$binary"
  local name=${tarball%.tar.gz} stage=$out/tarball
  local root=$stage/$name share=$stage/$name/share
  rm -rf "$stage"
  mkdir -p "$root/bin" "$share/applications" "$share/metainfo" "$share/mime/packages" \
    "$share/icons/hicolor/scalable/apps" "$share/man/man1" "$share/bash-completion/completions" \
    "$share/zsh/site-functions" "$share/fish/vendor_completions.d"
  install -m 755 "$binary" "$root/bin/bilateral"
  install -m 644 "packaging/linux/$app_id.desktop" "$share/applications/"
  install -m 644 "$generated/$app_id.metainfo.xml" "$share/metainfo/"
  install -m 644 "packaging/linux/$app_id.xml" "$share/mime/packages/"
  install -m 644 packaging/icons/bilateral.svg "$share/icons/hicolor/scalable/apps/$app_id.svg"
  local size
  for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$share/icons/hicolor/${size}x$size/apps"
    install -m 644 "packaging/icons/png/bilateral-$size.png" "$share/icons/hicolor/${size}x$size/apps/$app_id.png"
  done
  install -m 644 "$generated"/man/*.1.gz "$share/man/man1/"
  install -m 644 "$generated/completions/bilateral.bash" "$share/bash-completion/completions/bilateral"
  install -m 644 "$generated/completions/_bilateral" "$share/zsh/site-functions/"
  install -m 644 "$generated/completions/bilateral.fish" "$share/fish/vendor_completions.d/"
  install -m 644 packaging/linux/INSTALL "$generated/THIRD-PARTY-NOTICES" README.md CHANGELOG.md \
    LICENSE-MIT LICENSE-APACHE "$root/"
  # The same bytes from the same tree: sorted names, no owner, the last commit's time.
  local epoch
  epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$stage" -cf - "$name" \
    | gzip -9n > "$out/$tarball"
  rm -rf "$stage"
  say "contents"
  tar -tzvf "$out/$tarball" | awk '{print $3, $6}'
  echo "tarball: $out/$tarball, $(stat -c %s "$out/$tarball") bytes"
}

build_windows() {
  need_debian_packages gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis icoutils python3 gzip
  if ! rustup target list --installed | grep -qx "$windows_target"; then
    say "rustup target add $windows_target"
    rustup target add "$windows_target" || fail "could not add the Rust target $windows_target:
  rustup needs to download it from static.rust-lang.org. Run 'rustup target add $windows_target'
  where that is reachable (or copy ~/.rustup/toolchains/*/lib/rustlib/$windows_target here)."
  fi
  generate_docs "$windows_target"
  say "cross-building bilateral.exe (cargo build --profile dist --target $windows_target)"
  local started=$SECONDS stage=$out/windows/stage
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    cargo build --locked --profile dist --target "$windows_target" --bin bilateral
  echo "built in $((SECONDS - started)) s"
  rm -rf "$out/windows"
  mkdir -p "$stage/examples"
  local built=$target_dir/$windows_target/dist/bilateral.exe
  cp "$built" "$stage/bilateral-cli.exe"
  python3 packaging/windows/gui_subsystem.py "$built" "$stage/bilateral.exe"
  check_windows_exe "$stage/bilateral.exe" "Windows GUI"
  check_windows_exe "$stage/bilateral-cli.exe" "Windows CUI"
  # Windows readers expect CRLF line ends in .txt files.
  local file
  for file in LICENSE-MIT LICENSE-APACHE; do sed 's/$/\r/' "$file" > "$stage/$file.txt"; done
  sed 's/$/\r/' "$generated/THIRD-PARTY-NOTICES" > "$stage/THIRD-PARTY-NOTICES.txt"
  sed 's/$/\r/' README.md > "$stage/README.txt"
  cp "$generated/completions/_bilateral.ps1" "$stage/"
  cp assets/russia-iran.json "$stage/examples/"
  say "NSIS installer"
  local installer=$out/$setup
  makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$installer" packaging/windows/installer.nsi
  echo "exe: $(stat -c %s "$stage/bilateral.exe") bytes; installer: $(stat -c %s "$installer") bytes"
  check_budget "$installer" "$setup_budget_bytes"
  test_windows_installer "$installer"
  say "the window under wine (packaging/windows-window-check.sh)"
  packaging/windows-window-check.sh "$stage/bilateral.exe" "$out/windows/window-check"
  echo "windows: $installer"
}

# Fails unless the exe has the subsystem named, the icon and version resources, and imports
# only DLLs that come with Windows (no mingw runtime such as libgcc_s or libwinpthread).
check_windows_exe() {
  local exe=$1 subsystem=$2 dlls headers
  # Each tool's whole output is read first: `tool | grep -q` fails under pipefail when grep
  # stops reading early and the tool dies of SIGPIPE.
  headers=$(x86_64-w64-mingw32-objdump -p "$exe") || fail "$exe: objdump cannot read it"
  grep -q "Subsystem.*($subsystem)" <<<"$headers" || fail "$exe: subsystem is not $subsystem"
  [ -n "$(wrestool --list --type=14 "$exe")" ] || fail "$exe: no icon resource"
  [ -n "$(wrestool --list --type=16 "$exe")" ] || fail "$exe: no version resource"
  dlls=$(sed -n 's/.*DLL Name: //p' <<<"$headers" | sort -u | tr '\n' ' ')
  if grep -qiE "libgcc|libwinpthread|libstdc|mingw" <<<"$dlls"; then fail "$exe imports mingw DLLs: $dlls"; fi
  echo "$(basename "$exe"): $subsystem, icon and version resources, imports $dlls"
}

# Installs silently into a throw-away wine prefix, runs the CLI on the built-in data and on the
# example, uninstalls silently and checks that no file, shortcut or registry key is left.
test_windows_installer() {
  local setup=$1
  need_debian_packages wine wine64 gcc-mingw-w64-x86-64 xvfb xauth
  say "testing the installer under wine ($(wine --version))"
  local prefix
  prefix=$(mktemp -d /tmp/bilateral-wine.XXXXXX)
  export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  # wine 8.0 lacks ProcessPrng (bcryptprimitives.dll), which Rust's standard library imports;
  # a test-only stand-in goes into the throw-away prefix, never into the installer.
  wine wineboot --init >/dev/null 2>&1
  x86_64-w64-mingw32-gcc -O2 -shared -o "$prefix/bcryptprimitives.dll" \
    packaging/windows/wine-shim/bcryptprimitives.c packaging/windows/wine-shim/bcryptprimitives.def -ladvapi32
  local system32=$prefix/drive_c/windows/system32
  cp "$prefix/bcryptprimitives.dll" "$system32/bcryptprimitives.dll"
  export WINEDLLOVERRIDES="$WINEDLLOVERRIDES;bcryptprimitives=n"
  local appdata_local
  appdata_local=$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
  local install_dir
  install_dir=$(winepath -u "$appdata_local\\Programs\\Bilateral" 2>/dev/null)
  wine "$setup" /S
  wineserver -w
  [ -f "$install_dir/bilateral.exe" ] || fail "silent install: no $install_dir/bilateral.exe"
  echo "installed: $(cd "$install_dir" && find . -type f | sort | tr '\n' ' ')"
  local start_menu
  start_menu=$(winepath -u "$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')\\Microsoft\\Windows\\Start Menu\\Programs")
  [ -f "$start_menu/Bilateral.lnk" ] || fail "no Start-menu shortcut at $start_menu/Bilateral.lnk"
  wine reg query "HKCU\\Software\\Classes\\$app_id.Dataset\\shell\\open\\command" >/dev/null 2>&1 \
    || fail "the dataset type is not registered"
  wine reg query "HKCU\\Software\\Classes\\.json\\OpenWithProgids" /v "$app_id.Dataset" >/dev/null 2>&1 \
    || fail ".json does not offer Bilateral in Open with"
  local cli_out
  cli_out=$(wine "$install_dir/bilateral-cli.exe" check "$appdata_local\\Programs\\Bilateral\\examples\\russia-iran.json" 2>&1 | tr -d '\r')
  printf "bilateral-cli.exe check examples\\\\russia-iran.json: %s\\n" "$cli_out"
  grep -q ": ok: " <<<"$cli_out" || fail "bilateral-cli.exe check did not report the example as ok"
  local converted
  converted=$(wine "$install_dir/bilateral-cli.exe" convert 2>/dev/null | tr -d '\r' | wc -c)
  [ "$converted" -gt 10000 ] || fail "bilateral-cli.exe convert wrote $converted bytes of the built-in data"
  echo "bilateral-cli.exe convert (built-in data): $converted bytes of JSON"
  wine "$install_dir/bilateral-cli.exe" --version | tr -d '\r'
  wine "$install_dir/uninstall.exe" /S
  wineserver -w
  sleep 2
  wineserver -w
  local left=""
  [ -e "$install_dir" ] && left+=" $install_dir"
  [ -e "$start_menu/Bilateral.lnk" ] && left+=" the Start-menu shortcut"
  wine reg query "HKCU\\Software\\Classes\\$app_id.Dataset" >/dev/null 2>&1 && left+=" the dataset type"
  wine reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$app_id" >/dev/null 2>&1 && left+=" the uninstall entry"
  wine reg query "HKCU\\Software\\Classes\\Applications\\bilateral.exe" >/dev/null 2>&1 && left+=" Applications\\bilateral.exe"
  wine reg query "HKCU\\Software\\Classes\\.json\\OpenWithProgids" /v "$app_id.Dataset" >/dev/null 2>&1 && left+=" the .json Open-with entry"
  wineserver -k || true
  rm -rf "$prefix"
  [ -z "$left" ] || fail "the uninstaller left:$left"
  echo "uninstalled: no file, shortcut or registry key left"
}

build_macos() {
  say "macOS"
  python3 -c "import plistlib,sys; d=plistlib.load(open('packaging/macos/Info.plist','rb')); \
assert d['CFBundleIdentifier']=='$app_id' and d['CFBundleShortVersionString']=='$version', d" \
    || fail "packaging/macos/Info.plist: wrong id or version"
  head -c 4 packaging/icons/bilateral.icns | grep -q icns || fail "packaging/icons/bilateral.icns is not an icns file"
  if [ "$(uname -s)" != Darwin ]; then
    echo "Info.plist and bilateral.icns checked. Bilateral.app needs a Mac to build (Apple's SDK"
    echo "and linker): run 'packaging/build.sh macos' there, or packaging/macos/make-app.sh BINARY."
    return 0
  fi
  generate_docs aarch64-apple-darwin
  local targets=(aarch64-apple-darwin x86_64-apple-darwin) target binaries=()
  for target in "${targets[@]}"; do
    rustup target add "$target"
    cargo build --locked --profile dist --target "$target" --bin bilateral
    binaries+=("$target_dir/$target/dist/bilateral")
  done
  mkdir -p "$out/macos"
  lipo -create -output "$out/macos/bilateral" "${binaries[@]}"
  packaging/macos/make-app.sh "$out/macos/bilateral" "$out/macos"
}

case "${1:-}" in
  deb)
    [ -z "${2:-}" ] || [ "$2" = --from-release ] || { echo "usage: packaging/build.sh deb [--from-release]" >&2; exit 2; }
    build_deb "${2:-}" ;;
  tarball) build_tarball ;;
  windows) build_windows ;;
  macos) build_macos ;;
  all) build_deb; build_tarball; build_windows; build_macos ;;
  *) echo "usage: packaging/build.sh deb|tarball|windows|macos|all" >&2; exit 2 ;;
esac
write_checksums
