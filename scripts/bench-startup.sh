#!/usr/bin/env bash
# Cold start of the window, phase by phase, under Xvfb with Mesa's software renderer: the
# release binary is started RUNS times on each view with a fresh config folder, and the
# phases it logs (src/startup.rs) are read back; the medians are printed.
#
#   settings read               the top of main to the settings read
#   window and renderer ready   winit's window and wgpu's device, surface and egui renderer
#   dataset loaded              the built-in dataset parsed, the views' state made
#   first frame laid out        the first frame's layout (the map decodes its basemap here)
#   first frame drawn           tessellated, rendered by Mesa and presented
#
# Usage: scripts/bench-startup.sh [RUNS] [BINARY]   (defaults 7, target/release/bilateral)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
binary=${2:-target/release/bilateral}
[ -x "$binary" ] || cargo build --release
display=:${DISPLAY_NUMBER:-92}
Xvfb "$display" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
work=$(mktemp -d)
cleanup() { kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
sleep 2

phases=("settings read" "window and renderer ready" "dataset loaded" "first frame laid out" "first frame drawn")
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a" } else { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }

printf '%-9s' "view"
for phase in "${phases[@]}"; do printf ' | %-25s' "$phase"; done
printf '\n'
for view in trade map timeline events sources; do
  : > "$work/$view.log"
  for _ in $(seq 1 "$runs"); do
    config=$(mktemp -d "$work/config.XXXX")
    mkdir -p "$config/bilateral"
    printf '{"last_view": "%s"}\n' "$view" > "$config/bilateral/settings.json"
    DISPLAY=$display XDG_CONFIG_HOME=$config RUST_LOG=bilateral::startup=info \
      timeout 5 "$binary" >>"$work/$view.log" 2>&1 || true
  done
  printf '%-9s' "$view"
  for phase in "${phases[@]}"; do
    value=$(grep -F "$phase:" "$work/$view.log" | sed -E 's/.*: ([0-9.]+) ms.*/\1/' | median)
    printf ' | %-25s' "$value ms"
  done
  printf '\n'
done
echo "(medians of $runs runs each, milliseconds from the top of main; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
