#!/usr/bin/env bash
# Starts the release binary in a real X window (Xvfb), takes a screenshot and fails unless
# the trade chart was drawn: the turnover series' blue (Okabe–Ito #0072B2) must be on screen.
# Usage: scripts/window-check.sh [SCREENSHOT.png]; BILATERAL_BINARY=/usr/bin/bilateral checks another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
shot=${1:-target/window-check.png}
binary=${BILATERAL_BINARY:-target/release/bilateral}
[ -x "$binary" ] || [ -n "${BILATERAL_BINARY:-}" ] || cargo build --release
display=:${DISPLAY_NUMBER:-97}
Xvfb "$display" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
config=$(mktemp -d)
cleanup() { kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$config"; }
trap cleanup EXIT
sleep 2
# A fresh config folder: the check sees what a new user sees.
DISPLAY=$display XDG_CONFIG_HOME=$config "$binary" >"$config/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do
  sleep 1
  if ! kill -0 "$app" 2>/dev/null; then
    echo "window-check: the app exited early:"; cat "$config/app.log"; exit 1
  fi
  xwd -root -silent -display "$display" | convert xwd:- "$shot"
  blue=$(convert "$shot" -fill black +opaque "rgb(0,114,178)" -fill white -opaque "rgb(0,114,178)" \
    -format "%[fx:int(mean*w*h)]" info:)
  if [ "$blue" -gt 150 ]; then
    echo "window-check: chart drawn ($blue pixels of the turnover series' colour); screenshot at $shot"
    exit 0
  fi
done
echo "window-check: no chart after 60 s (last screenshot at $shot); app log:"
cat "$config/app.log"
exit 1
