#!/usr/bin/env bash
# The Windows program's window, not only its command line: the release bilateral.exe under
# wine on Xvfb, in a throw-away prefix with the test-only bcryptprimitives stand-in
# (packaging/windows/wine-shim/), wgpu on Vulkan (Mesa's lavapipe through wine's winevulkan;
# wgpu's DX12 path fails in wine's shader compiler). Each step is checked and photographed:
#   builtin      the built-in data; every view (Ctrl+1…5); the trade chart's turnover line drawn
#   new-pair     File ▸ New relationship (Ctrl+N), two countries picked by typing, Start; the
#                window is titled with the pair; every view of it
#   import       a trade file opened with the program, as Explorer's "Open with" does: the import
#                dialog, "Start a new relationship"; the window is titled with the file's pair
#   export       Ctrl+E, wine's save dialog, a file name typed: a PNG of the view is written
# A step fails when the window does not come, the program exits or panics, leaves a crash
# note, or the step's own check fails; the script then exits 1 after trying the others.
#
# Usage: packaging/windows-window-check.sh BILATERAL_EXE [OUT_DIR]
#   (packaging/build.sh windows runs it on the exe it built; OUT_DIR defaults to
#   target/packaging/windows/window-check, with OUT_DIR/<step>-<what>.png to be looked at)
# Needs: wine (8.0 in Debian 12), mingw-w64, Xvfb, xdotool, ImageMagick, Mesa's Vulkan driver.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/xvfb-display.sh
source packaging/xvfb-display.sh
exe=$(realpath "${1:?usage: packaging/windows-window-check.sh BILATERAL_EXE [OUT_DIR]}")
out=$(realpath -m "${2:-target/packaging/windows/window-check}")
trade_file=tests/fixtures/trade/comtrade_legacy/comtrade_CHN_USA_X_2018_HS2.csv
started=$SECONDS
mkdir -p "$out"
rm -f "$out"/*.png

prefix=$(mktemp -d /tmp/bilateral-wine-window.XXXXXX)
xvfb=""
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  WINEPREFIX=$prefix wineserver -k 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$prefix"
}
trap cleanup EXIT

start_xvfb
export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
# wgpu's own variable (src/app/graphics.rs): Vulkan, which wine hands to the host's lavapipe.
export WGPU_BACKEND=vulkan
echo "windows-window-check: $(wine --version), prefix $prefix"
wine wineboot --init >/dev/null 2>&1
wineserver -w
# wine 8.0 lacks ProcessPrng (bcryptprimitives.dll), which Rust's standard library imports.
x86_64-w64-mingw32-gcc -O2 -shared -o "$prefix/drive_c/windows/system32/bcryptprimitives.dll" \
  packaging/windows/wine-shim/bcryptprimitives.c packaging/windows/wine-shim/bcryptprimitives.def -ladvapi32

windows_path() { winepath -w "$1" 2>/dev/null | tr -d '\r'; }
unix_path() { winepath -u "$1" 2>/dev/null | tr -d '\r'; }
appdata=$(unix_path "$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')")
local_appdata=$(unix_path "$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')")
settings_dir=$appdata/Bilateral/Bilateral/config
crash_note=$local_appdata/Bilateral/Bilateral/data/last-crash.json

shot() { xwd -root -silent -display "$display" | convert xwd:- "$out/$1.png"; }
alive() { [ -n "$app" ] && kill -0 "$app" 2>/dev/null; }
title() { xdotool getwindowname "$window" 2>/dev/null || true; }
keys() { xdotool windowfocus "$window" 2>/dev/null || true; xdotool key "$@"; sleep 1; }
# A click at x, y of the window's client area (as laid out at 1280×800).
click() { xdotool windowfocus "$window" 2>/dev/null || true; xdotool mousemove --window "$window" "$1" "$2" click 1; sleep 1; }
# Waits up to $2 s for the program's window titled like $1 (sets `window`); gives up if it exits.
await_app_window() {
  local _
  for _ in $(seq 1 "$2"); do
    await_window "$1" 1 && return 0
    alive || return 1
  done
  return 1
}
await_title() { # pattern seconds
  local _
  for _ in $(seq 1 "$2"); do
    grep -qE "$1" <<<"$(title)" && return 0
    sleep 1
  done
  return 1
}
# Pixels of the colour rgb($1) in the screenshot $2.
pixels_of() {
  convert "$out/$2.png" -fill black +opaque "rgb($1)" -fill white -opaque "rgb($1)" \
    -format "%[fx:int(mean*w*h)]" info:
}

# Starts bilateral.exe with the arguments given, a new user's settings (the window at a known
# place and size: the clicks below are made in it) and no crash note.
start() {
  mkdir -p "$settings_dir"
  echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800}}' >"$settings_dir/settings.json"
  rm -f "$crash_note"
  log=$out/$step.log
  wine "$exe" "$@" >"$log" 2>&1 &
  app=$!
}
stop() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
  wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
}

failed=()
problem=""
finish_step() {
  if [ -z "$problem" ] && ! alive; then problem="the program exited"; fi
  if grep -q panicked "$log" 2>/dev/null; then
    problem="it panicked: $(grep -m1 -A2 panicked "$log" | tr '\n' ' ' | cut -c1-300)"
  fi
  if [ -e "$crash_note" ]; then problem="it left a crash note: $(cut -c1-300 "$crash_note")"; fi
  if [ -n "$problem" ]; then
    failed+=("$step: $problem")
    echo "windows-window-check: $step: FAILED: $problem ($((SECONDS - step_started)) s)"
    echo "--- wine's output (last 15 lines):"
    tail -15 "$log" 2>/dev/null || true
  else
    echo "windows-window-check: $step: ok ($((SECONDS - step_started)) s)"
  fi
  problem=""
}
every_view() { # name prefix
  local view
  for view in 1 2 3 4 5; do
    keys ctrl+"$view"
    sleep 1
    alive || return 0
    shot "$1-view$view"
  done
}

step=builtin
step_started=$SECONDS
start
if ! await_app_window "^Bilateral" 120; then
  problem="no window titled Bilateral within 120 s"
else
  sleep 3
  shot builtin-start
  echo "  window: $(title); first picture after $((SECONDS - step_started)) s"
  every_view builtin
  if alive; then
    keys ctrl+1
    sleep 1
    shot builtin-trade
    # The turnover series' blue (Okabe-Ito #0072B2), as scripts/window-check.sh checks it.
    blue=$(pixels_of 0,114,178 builtin-trade)
    echo "  trade chart: $blue pixels of the turnover colour"
    [ "$blue" -gt 150 ] || problem="no trade chart drawn ($blue pixels of the turnover colour)"
  fi
fi

# A new pair from the built-in data: the form starts with the open pair; each picker is a
# button that opens a search box, where a code and Enter choose the country.
if [ -z "$problem" ] && alive; then
  finish_step
  step=new-pair
  step_started=$SECONDS
  keys ctrl+n
  shot new-pair-form
  click 240 105
  xdotool type --delay 100 IND
  keys Return
  click 240 134
  xdotool type --delay 100 BRA
  keys Return
  shot new-pair-chosen
  click 91 163
  if await_title "India and Brazil" 20; then
    echo "  window: $(title)"
    every_view new-pair
  else
    problem="after Start the relationship the window is titled '$(title)', not India and Brazil"
  fi
fi
finish_step
stop

# A trade file opened with the program, the way Explorer's "Open with" passes it.
step=import
step_started=$SECONDS
start "$(windows_path "$(realpath "$trade_file")")"
if ! await_app_window "^Bilateral" 120; then
  problem="no window within 120 s"
else
  sleep 4
  shot import-dialog
  click 412 434
  if await_title "China and United States" 30; then
    echo "  window: $(title)"
    sleep 1
    shot import-done
  else
    problem="after 'Start a new relationship' the window is titled '$(title)', not China and United States"
  fi
fi

# The PNG export of the imported pair's trade view through wine's save dialog.
if [ -z "$problem" ] && alive; then
  finish_step
  step=export
  step_started=$SECONDS
  png=$prefix/drive_c/export-check.png
  keys ctrl+e
  dialog=""
  for _ in $(seq 1 30); do
    dialog=$(xdotool search --onlyvisible --name "Current view as PNG" 2>/dev/null | head -1 || true)
    [ -n "$dialog" ] && break
    sleep 1
  done
  if [ -z "$dialog" ]; then
    shot export-no-dialog
    problem="no save dialog titled 'Current view as PNG' within 30 s of Ctrl+E"
  else
    sleep 3
    shot export-dialog
    xdotool windowfocus "$dialog" 2>/dev/null || true
    # The file name box has the focus and holds the suggested name, caret at its start (Ctrl+A
    # does not select it in wine 8.0's dialog): End, Shift+Home and Delete empty it.
    xdotool key End shift+Home Delete
    xdotool type --delay 50 'C:\export-check.png'
    xdotool key Return
    for _ in $(seq 1 60); do
      [ -s "$png" ] && break
      sleep 1
    done
    sleep 2
    shot export-done
    if [ ! -s "$png" ]; then
      problem="no PNG at C:\\export-check.png within 60 s of the save dialog's Enter"
    else
      cp "$png" "$out/exported-view.png"
      echo "  exported: $(identify -format '%m %wx%h' "$png"), $(stat -c %s "$png") bytes"
      identify -format '%m' "$png" | grep -qx PNG || problem="the exported file is not a PNG"
    fi
  fi
fi
finish_step
stop

echo "windows-window-check: $((SECONDS - started)) s; screenshots in $out"
if [ ${#failed[@]} -gt 0 ]; then
  echo "windows-window-check: ${#failed[@]} step(s) failed:"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "windows-window-check: every step passed"
