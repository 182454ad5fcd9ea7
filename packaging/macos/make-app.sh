#!/usr/bin/env bash
# Lays out Bilateral.app from a macOS binary, on a Mac:
#   packaging/macos/make-app.sh BINARY [OUT_DIR]      (OUT_DIR defaults to target/packaging/macos)
# BINARY is `target/dist/bilateral` from `cargo build --profile dist` on the Mac, or a universal
# binary from `lipo -create` (packaging/build.sh macos does both). Writes OUT_DIR/Bilateral.app,
# signs it ad hoc when `codesign` is there (Apple silicon refuses to run unsigned code), and packs
# Bilateral-VERSION.dmg when `hdiutil` is there. A signature with a Developer ID and
# notarisation, which Gatekeeper wants for apps downloaded from the web, need Apple's account
# and are left to the release manager.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:?usage: make-app.sh BINARY [OUT_DIR]}
out=${2:-$here/../../target/packaging/macos}
[ -f "$binary" ] || { echo "make-app.sh: no binary at $binary" >&2; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$here/../../Cargo.toml" | head -1)
app=$out/Bilateral.app
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$binary" "$app/Contents/MacOS/bilateral"
chmod 755 "$app/Contents/MacOS/bilateral"
cp "$here/Info.plist" "$app/Contents/Info.plist"
cp "$here/../icons/bilateral.icns" "$app/Contents/Resources/bilateral.icns"
cp "$here/../../LICENSE-MIT" "$here/../../LICENSE-APACHE" "$app/Contents/Resources/"
if [ -f "$out/../generated/THIRD-PARTY-NOTICES" ]; then
  cp "$out/../generated/THIRD-PARTY-NOTICES" "$app/Contents/Resources/"
fi
printf 'APPL????' > "$app/Contents/PkgInfo"
plist_version=$(sed -n '/CFBundleShortVersionString/{n;s/.*<string>\(.*\)<\/string>.*/\1/p;}' "$app/Contents/Info.plist")
if [ "$plist_version" != "$version" ]; then
  echo "make-app.sh: Info.plist says version $plist_version, Cargo.toml $version" >&2
  exit 1
fi
if command -v codesign >/dev/null; then
  codesign --force --deep --sign - "$app"
fi
echo "macOS: $app"
if command -v hdiutil >/dev/null; then
  hdiutil create -volname Bilateral -srcfolder "$app" -ov -format UDZO "$out/Bilateral-$version.dmg"
  echo "macOS: $out/Bilateral-$version.dmg"
fi
