#!/usr/bin/env bash
# Renders the icon's vector master (bilateral.svg) into the PNG sizes the desktops use, the
# Windows .ico and the macOS .icns, all committed beside it so that no build needs these tools.
# Needs librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns); installs them
# with apt-get when missing. Run it after changing bilateral.svg.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
command -v icotool >/dev/null || missing+=(icoutils)
command -v png2icns >/dev/null || missing+=(icnsutils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" bilateral.svg --output "png/bilateral-$size.png"
done
icotool --create --output bilateral.ico png/bilateral-{16,24,32,48,64}.png --raw=png/bilateral-256.png
png2icns bilateral.icns png/bilateral-{16,32,48,128,256,512}.png >/dev/null
echo "icons: png/ (16 to 512 px), bilateral.ico, bilateral.icns"
