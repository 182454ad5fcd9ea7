# Sourced by the packaging checks that open windows (windows-window-check.sh,
# ubuntu-22.04-check.sh): `start_xvfb` starts Xvfb on a display number no other X server on the
# machine uses (Xvfb picks it and writes it to fd 3) and sets `xvfb` (its process id) and
# `display`, exported as DISPLAY. A fixed number is shared with whatever else runs Xvfb on the
# machine, whose windows then cover the checked ones; the caller kills `$xvfb`.
# `await_window PATTERN SECONDS` waits for a visible window whose title matches and sets `window`.

start_xvfb() {
  local display_file
  display_file=$(mktemp)
  Xvfb -displayfd 3 -screen 0 1600x900x24 -nolisten tcp 3>"$display_file" >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 1 50); do [ -s "$display_file" ] && break; sleep 0.2; done
  display=:$(head -1 "$display_file")
  rm -f "$display_file"
  [ "$display" != : ] || { echo "$(basename "$0"): Xvfb did not start" >&2; exit 1; }
  export DISPLAY=$display
}

await_window() {
  window=""
  local _
  for _ in $(seq 1 "$2"); do
    window=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true)
    [ -n "$window" ] && return 0
    sleep 1
  done
  return 1
}
