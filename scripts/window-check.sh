#!/usr/bin/env bash
# The release binary in a real X window (Xvfb, Mesa's software Vulkan), so the app's own
# wgpu pipeline runs as on a user's desktop, on a matrix of datasets: the built-in one, an
# empty new relationship, a dataset of one point and one event, a pair made from each real
# download layout in tests/fixtures/trade, trade files opened directly (the import dialog),
# a GeoJSON layer alone, and a large generated dataset. In each: every view, the map panned
# and zoomed, the year slider dragged, presenter mode in and out, the window made small and
# large again. A case passes when the app never panics, is still running, leaves no crash
# note, and still answers at the end (two views asked for give two different pictures). On
# the built-in data the trade chart's turnover line must be on screen.
#
# Usage: scripts/window-check.sh [OUT_DIR]   (default target/window-check)
#   Screenshots: OUT_DIR/<case>-<step>.png, one per view and step, to be looked at.
#   BILATERAL_BINARY=/usr/bin/bilateral checks another binary (packaging/ci-deb.sh);
#   WINDOW_CHECK_CASES="builtin empty" runs only those cases.
# Needs: scripts/install-system-deps.sh (Xvfb, Mesa, xdotool, xwd, ImageMagick), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/window-check}
binary=${BILATERAL_BINARY:-target/release/bilateral}
[ -x "$binary" ] || [ -n "${BILATERAL_BINARY:-}" ] || cargo build --release
display=:${DISPLAY_NUMBER:-97}
trade=tests/fixtures/trade
mkdir -p "$out"
rm -f "$out"/*.png
work=$(mktemp -d)
xvfb=""
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
Xvfb "$display" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display

# The datasets: pairs made from real downloads with `bilateral convert`, one per layout.
"$binary" new --pair USA,IRN -o "$work/empty.json" >/dev/null
python3 scripts/gen-large-dataset.py "$work/large.json" 40 >/dev/null
converted=(
  "comtrade-plus-csv|comtrade_plus/TradeData_THA_M_8542_2014-2024.csv|THA,RUS"
  "comtrade-plus-xlsx|comtrade_plus/TradeData_THA_M_8542_2014-2024.xlsx|THA,IRN"
  "comtrade-legacy|comtrade_legacy/comtrade_CHN_USA_X_2018_HS2.csv|CHN,USA"
  "comtrade-legacy-eu|comtrade_legacy/comtrade_EU28_UKR_X_1007.csv|EUU,UKR"
  "imf-dots-xlsx|imf_dots/Exports_and_Imports_by_Areas_and_Countries_2014-2017_edited.xlsx|WLD,RUS"
  "imf-imts|imf_imts/IMTS_USA_XG_FOB_USD_G001-G998_A_2023-2024.xml|USA,WLD"
  "wits-partner-xlsx|wits/WITS-Partner_AUS_2021.xlsx|AUS,CHN"
  "wits-partner-csv|wits/WITS-Partner_USA_M_1991-2018.csv|USA,CHN"
  "wits-summary|wits/en_RUS_AllYears_WITS_Trade_Summary.CSV|CHN,RUS"
  "baci|baci/baci_HS22_Y2023_KOR_852352_subset.csv|KOR,USA"
)
cases=("builtin|" "empty|$work/empty.json" "single-point|tests/fixtures/dataset/single-point.json")
for entry in "${converted[@]}"; do
  IFS='|' read -r name file pair <<<"$entry"
  "$binary" convert "$trade/$file" --pair "$pair" -o "$work/$name.json" >/dev/null
  cases+=("$name|$work/$name.json")
done
cases+=(
  "opened-dots-csv|$trade/imf_dots/DOTS_G7_2024M2.csv"
  "opened-comtrade-bulk|$trade/comtrade_plus_bulk/comtrade_example.txt"
  "geojson-layer|tests/fixtures/geojson/geojsonhint/good/good-featurecollection.geojson"
  "large|$work/large.json"
)

shot() { xwd -root -silent -display "$display" | convert xwd:- "$out/$1.png"; }
alive() { kill -0 "$app" 2>/dev/null; }
keys() { xdotool key --window "$window" "$@"; sleep 0.5; }
drag() { # x1 y1 x2 y2
  xdotool mousemove "$1" "$2" mousedown 1 mousemove "$(( ($1 + $3) / 2 ))" "$(( ($2 + $4) / 2 ))" \
    mousemove "$3" "$4" mouseup 1
  sleep 0.4
}
scroll() { # x y button times
  xdotool mousemove "$1" "$2"
  for _ in $(seq 1 "$4"); do xdotool click "$3"; done
  sleep 0.4
}

failed=()
checked=0
for entry in "${cases[@]}"; do
  IFS='|' read -r name file <<<"$entry"
  if [ -n "${WINDOW_CHECK_CASES:-}" ] && [[ " $WINDOW_CHECK_CASES " != *" $name "* ]]; then
    continue
  fi
  checked=$((checked + 1))
  home=$work/home-$name
  mkdir -p "$home/config/bilateral" "$home/data"
  # A new user's settings, with the window at a known place: the steps below click in it.
  echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800}}' \
    >"$home/config/bilateral/settings.json"
  log=$home/app.log
  # shellcheck disable=SC2086
  XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_RUNTIME_DIR=$home \
    "$binary" ${file:+"$file"} >"$log" 2>&1 &
  app=$!
  # 60 s: a window opens in a few seconds, but on a loaded 2-core machine one took over 30.
  window=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app" 2>/dev/null | head -1 || true)
  problem=""
  if [ -z "$window" ]; then
    problem="no window within 60 s"
  else
    xdotool windowfocus "$window" 2>/dev/null || true
    sleep 1.5
    shot "$name-start"
    for view in 1 2 3 4 5; do
      keys ctrl+$view
      alive || break
      shot "$name-view$view"
    done
    if alive; then
      # The map: pan, zoom in and out, drag the year slider to its start and back.
      keys ctrl+2
      drag 400 400 520 470
      scroll 450 400 4 3
      scroll 450 400 5 5
      drag 550 763 80 763
      shot "$name-map-moved"
      drag 80 763 600 763
      # The timeline: pan and zoom it.
      keys ctrl+3
      drag 500 400 300 400
      scroll 500 400 4 2
      shot "$name-timeline-moved"
    fi
    if alive; then
      # Presenter mode in and out, on the map.
      keys ctrl+2
      keys F5
      shot "$name-presenter"
      keys Right
      keys Escape
    fi
    if alive; then
      # A small window (below the minimum size it asks for), then large again.
      xdotool windowsize "$window" 500 350
      sleep 0.8
      shot "$name-small"
      xdotool windowsize "$window" 1280 800
      sleep 0.8
    fi
    if alive; then
      # Still answering: two views asked for give two different pictures.
      # A slow frame (a large dataset on a software renderer) gets a few seconds to show.
      keys ctrl+1
      first=$(xwd -root -silent -display "$display" | md5sum)
      keys ctrl+5
      answered=false
      for _ in 1 2 3 4 5 6; do
        second=$(xwd -root -silent -display "$display" | md5sum)
        if [ "$first" != "$second" ]; then answered=true; break; fi
        sleep 0.5
      done
      $answered || problem="the window no longer answers (the same picture for two views)"
    fi
    if [ "$name" = builtin ] && alive; then
      # The turnover series' blue (Okabe-Ito #0072B2) on the trade view.
      keys ctrl+1
      shot "$name-trade"
      blue=$(convert "$out/$name-trade.png" -fill black +opaque "rgb(0,114,178)" \
        -fill white -opaque "rgb(0,114,178)" -format "%[fx:int(mean*w*h)]" info:)
      [ "$blue" -gt 150 ] || problem="no trade chart drawn ($blue pixels of the turnover colour)"
    fi
  fi
  if ! alive; then
    problem="the app exited"
  fi
  if grep -q "panicked" "$log"; then
    problem="it panicked: $(grep -m1 -A2 panicked "$log" | tr '\n' ' ' | cut -c1-300)"
  fi
  if [ -e "$home/data/bilateral/last-crash.json" ]; then
    problem="it left a crash note: $(cut -c1-300 "$home/data/bilateral/last-crash.json")"
  fi
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
  if [ -n "$problem" ]; then
    failed+=("$name: $problem")
    echo "window-check: $name: FAILED: $problem"
    echo "--- app log (last 20 lines):"
    tail -20 "$log"
  else
    echo "window-check: $name: ok"
  fi
done
shots=$(find "$out" -name '*.png' | wc -l)
if [ ${#failed[@]} -gt 0 ]; then
  echo "window-check: ${#failed[@]} of $checked cases failed (screenshots in $out):"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "window-check: all $checked cases survived every step; $shots screenshots in $out"
