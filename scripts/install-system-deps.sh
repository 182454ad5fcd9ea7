#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Bilateral's tests, snapshots and window checks need.
# `cargo run --release` and `cargo test` need no -dev packages to build; the window needs a
# display and OpenGL or Vulkan, which every desktop has. On a bare machine or in CI:
#   xvfb, xauth                 a virtual X display for the real-window check
#   libgl1-mesa-dri, libegl1,   Mesa's llvmpipe software OpenGL/EGL
#   libegl-mesa0
#   mesa-vulkan-drivers,        Mesa's lavapipe software Vulkan, for wgpu (window and snapshots)
#   libvulkan1
#   libxkbcommon-x11-0, libxcursor1, libxrandr2, libxi6   what winit loads at run time on X11
#   x11-apps, imagemagick       xwd and convert, to take and read the screenshot
#   xdotool                     to drive the window in manual checks
#   poppler-utils               pdfinfo, pdffonts and pdftotext: the story PDF's test reads
#                               its pages, fonts and text as a reader does (src/export/deck/)
#   time, python3               GNU time's peak memory and the input generator, for the
#                               hostile-input suite (scripts/robustness.sh)
#   libzstd-dev, pkg-config     zstd's headers and .pc file, so that CI's type checks of the
#                               macOS and Windows builds need not compile zstd's C (.ci/run)
set -euo pipefail
packages=(xvfb xauth libgl1-mesa-dri libegl1 libegl-mesa0 mesa-vulkan-drivers libvulkan1
  libxkbcommon-x11-0 libxcursor1 libxrandr2 libxi6 x11-apps imagemagick xdotool poppler-utils time python3 libzstd-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
