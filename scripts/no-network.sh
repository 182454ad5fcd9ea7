#!/usr/bin/env bash
# Proof that Bilateral never touches the network.
#
# 1. Every command-line tool (check, convert, export) and the window (each view, a trade file
#    opened, a GeoJSON layer) run under strace, which logs every socket the process and its
#    threads open. Any socket outside AF_UNIX (the X server, D-Bus) fails the check.
# 2. The same runs inside a network namespace with no interface at all (`unshare -n`): they
#    must work there exactly as they do outside.
#
# Usage: scripts/no-network.sh [BINARY]   (default target/release/bilateral; needs root or
#        unprivileged user namespaces for `unshare -n`; installs strace if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-target/release/bilateral}
[ -x "$binary" ] || cargo build --release
binary=$(realpath "$binary")
sudo=""
isolate=(unshare --net)
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
  # Without root, a user namespace (mapped to root inside) lets us make the network one.
  isolate=(unshare --map-root-user --net)
fi
for tool in strace unshare; do
  command -v "$tool" >/dev/null || {
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq strace util-linux
  }
done

work=$(mktemp -d)
xvfb=""
cleanup() {
  if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# A display no other X server uses (a fixed number would meet another Xvfb on the machine).
# shellcheck source=packaging/xvfb-display.sh
source packaging/xvfb-display.sh
start_xvfb

# A real trade download (committed for tests: tests/fixtures/trade/PROVENANCE.md) and a small GeoJSON layer.
trade_fixture=$(realpath tests/fixtures/trade/wits/en_RUS_AllYears_WITS_Trade_Summary.CSV)
geojson_fixture=$work/layer.geojson
printf '%s\n' '{"type": "FeatureCollection", "features": [{"type": "Feature",' \
  '"properties": {"name": "Tehran"}, "geometry": {"type": "Point", "coordinates": [51.39, 35.69]}}]}' \
  > "$geojson_fixture"
# Runs one command twice: traced for sockets, then without any network interface.
# `run NAME COMMAND…`
failures=0
runs=0
run() {
  local name=$1
  shift
  runs=$((runs + 1))
  local log="$work/$name.strace"
  if ! RUN_SHOT="$name-traced" strace -f -qq -e trace=socket,connect,sendto,bind -o "$log" "$@" >"$work/$name.out" 2>&1; then
    echo "no-network: '$name' failed under strace:"; tail -5 "$work/$name.out"; failures=$((failures + 1)); return
  fi
  local sockets
  sockets=$(grep -E 'socket\(' "$log" | grep -vE 'socket\((AF_UNIX|AF_LOCAL|AF_NETLINK)' || true)
  local inet
  inet=$(grep -E 'AF_INET|AF_INET6|AF_PACKET' "$log" || true)
  if [ -n "$sockets$inet" ]; then
    echo "no-network: '$name' opened a network socket:"; echo "$sockets$inet" | head -5
    failures=$((failures + 1))
  fi
  local unix_count
  unix_count=$(grep -cE 'socket\(AF_UNIX' "$log" || true)
  if ! RUN_SHOT="$name-isolated" "${isolate[@]}" "$@" >"$work/$name.isolated.out" 2>&1; then
    echo "no-network: '$name' failed without a network interface:"; tail -5 "$work/$name.isolated.out"
    failures=$((failures + 1)); return
  fi
  echo "no-network: $name: no internet socket ($unix_count local sockets); works with no network"
}

# A window run: starts the app on one view with a fresh config folder, takes a screenshot
# after 6 s, and fails if the app exited before. `window VIEW [FILE…]`
window() {
  local view=$1
  shift
  local config
  config=$(mktemp -d "$work/config-$view.XXXX")
  mkdir -p "$config/bilateral"
  printf '{"last_view": "%s"}\n' "$view" > "$config/bilateral/settings.json"
  DISPLAY=$display XDG_CONFIG_HOME=$config "$binary" "$@" &
  local app=$!
  sleep 6
  kill -0 "$app" 2>/dev/null || { echo "the app exited early"; return 1; }
  xwd -root -silent -display "$display" | convert xwd:- "$shots/${RUN_SHOT:-$view}.png"
  kill "$app"
  wait "$app" 2>/dev/null || true
}
export -f window
shots=$(realpath -m target/no-network)
rm -rf "$shots" && mkdir -p "$shots"
export binary display work shots

run check-builtin "$binary" check assets/russia-iran.json
run check-trade "$binary" check "$trade_fixture"
run convert-trade "$binary" convert "$trade_fixture" --pair CHN,RUS -o "$work/converted.json"
run export-svg-csv "$binary" export --view trade --svg "$work/trade.svg" --csv "$work/trade.csv"
run export-png "$binary" export --view map --png "$work/map.png" --size 1200x800
for view in trade map timeline events sources; do
  run "window-$view" bash -c "window $view"
done
run window-trade-file bash -c "window trade '$trade_fixture'"
run window-geojson bash -c "window map '$geojson_fixture'"

if [ "$failures" -gt 0 ]; then
  echo "no-network: $failures of $runs runs failed"
  exit 1
fi
echo "no-network: passed: $runs runs, none opened an internet socket, all worked with no network"
echo "no-network: the windows' screenshots are in $shots"
