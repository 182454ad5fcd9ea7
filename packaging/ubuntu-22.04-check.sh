#!/usr/bin/env bash
# The .deb on an Ubuntu 22.04 LTS userland (glibc 2.35), the oldest system it promises: a
# chroot of Ubuntu 22.04 ("jammy", minbase) made with debootstrap from Ubuntu's archive and
# kept in target/packaging/jammy-root for later runs. In it: `apt-get install` of the package
# (what it depends on and recommends comes from Ubuntu's archive), no library left unresolved
# (`ldd`), `bilateral --version` and `bilateral check` on the example, the window on the host's
# Xvfb with the built-in data (the trade chart's turnover colour counted), a dataset opened as
# a file manager opens it on a double-click (`gio open`, through the MIME type and the desktop
# entry), then `apt-get purge`, after which no file of the package may be left.
#
# Usage: packaging/ubuntu-22.04-check.sh [DEB]   (as root; default: the newest .deb in
#        target/packaging/). UBUNTU_KEYRING=… names the Ubuntu archive keyring for debootstrap
#        (Debian has no package of it; the ubuntu-keyring package from Ubuntu's archive holds
#        it); without it debootstrap is told not to check signatures, and says so.
# Not in CI: it downloads about 200 MB from Ubuntu's archive and takes several minutes; run it
# before a release (docs/packaging.md has the last run).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=packaging/xvfb-display.sh
source packaging/xvfb-display.sh
deb=$(realpath "${1:-$(ls -t target/packaging/bilateral_*_amd64.deb | head -1)}")
root=$(realpath -m target/packaging/jammy-root)
out=$(realpath -m target/packaging/ubuntu-22.04-check)
display=""
started=$SECONDS
[ "$(id -u)" -eq 0 ] || { echo "ubuntu-22.04-check: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
for tool in debootstrap Xvfb xdotool xwd convert; do
  command -v "$tool" >/dev/null || { echo "ubuntu-22.04-check: needs $tool (apt-get install debootstrap xvfb xdotool x11-apps imagemagick)" >&2; exit 2; }
done
mkdir -p "$out"
rm -f "$out"/*.png

if [ ! -x "$root/usr/bin/apt-get" ]; then
  echo "ubuntu-22.04-check: debootstrap jammy into $root"
  keyring=(--no-check-gpg)
  [ -n "${UBUNTU_KEYRING:-}" ] && keyring=(--keyring="$UBUNTU_KEYRING")
  [ -n "${UBUNTU_KEYRING:-}" ] || echo "ubuntu-22.04-check: no UBUNTU_KEYRING: the archive's signatures are not checked"
  debootstrap --variant=minbase --components=main,universe "${keyring[@]}" jammy "$root" >"$out/debootstrap.log" 2>&1 \
    || { tail -20 "$out/debootstrap.log"; exit 1; }
fi

xvfb=""
app=""
mounted=()
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  local index
  for ((index = ${#mounted[@]} - 1; index >= 0; index--)); do umount -l "${mounted[$index]}" 2>/dev/null || true; done
}
trap cleanup EXIT
bind() { mkdir -p "$root$1"; mount --bind "$1" "$root$1"; mounted+=("$root$1"); }
mount -t proc proc "$root/proc"; mounted+=("$root/proc")
bind /sys
bind /dev
bind /tmp/.X11-unix 2>/dev/null || { mkdir -p /tmp/.X11-unix; bind /tmp/.X11-unix; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_jammy() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home LANG=C.UTF-8 \
  DISPLAY="$display" XDG_RUNTIME_DIR=/tmp/home/run XDG_CONFIG_HOME=/tmp/home/config "$@"; }
# The same in the background, with `app` its process id (exec: no shell in between to kill).
start_in_jammy() { # log command…
  local log=$1
  shift
  (exec chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home LANG=C.UTF-8 \
    DISPLAY="$display" XDG_RUNTIME_DIR=/tmp/home/run XDG_CONFIG_HOME=/tmp/home/config "$@" >"$log" 2>&1) &
  app=$!
}

echo "ubuntu-22.04-check: $(in_jammy cat /etc/lsb-release | sed -n 's/DISTRIB_DESCRIPTION=//p' | tr -d '"'), $(in_jammy ldd --version | head -1)"
in_jammy apt-get update -qq
# What a desktop has and minbase lacks, for the double-click: gio and the MIME and desktop
# databases (their triggers then take in what the package installs).
in_jammy env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglib2.0-bin shared-mime-info \
  desktop-file-utils >"$out/install.log" 2>&1 || { tail -20 "$out/install.log"; exit 1; }
cp "$deb" "$root/tmp/"
echo "ubuntu-22.04-check: apt-get install ./$(basename "$deb")"
in_jammy env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" >>"$out/install.log" 2>&1 \
  || { tail -20 "$out/install.log"; exit 1; }
echo "installed: $(in_jammy dpkg-query -W -f='${Package} ${Version}, Depends: ${Depends}' bilateral)"
unresolved=$(in_jammy ldd /usr/bin/bilateral | grep "not found" || true)
[ -z "$unresolved" ] || { echo "ubuntu-22.04-check: unresolved libraries: $unresolved"; exit 1; }
for library in libEGL.so.1 libvulkan.so.1 libX11.so.6 libX11-xcb.so.1 libXcursor.so.1 libXi.so.6 \
  libxkbcommon-x11.so.0 libfontconfig.so.1 libwayland-client.so.0; do
  in_jammy sh -c "ldconfig -p | grep -q '$library '" || { echo "ubuntu-22.04-check: $library, which Bilateral opens at run time, is not installed"; exit 1; }
done
echo "libraries: ldd finds every one; the ones opened at run time are installed"
echo "--version: $(in_jammy bilateral --version)"
checked=$(in_jammy bilateral check /usr/share/doc/bilateral/examples/russia-iran.json)
echo "check: $checked"
grep -q ": ok: " <<<"$checked" || { echo "ubuntu-22.04-check: the example is not ok"; exit 1; }

start_xvfb
sleep 2
in_jammy mkdir -p /tmp/home/run /tmp/home/config/bilateral
echo '{"window": {"x": 0, "y": 0, "width": 1280, "height": 800}}' >"$root/tmp/home/config/bilateral/settings.json"
# The window on the built-in data.
start_in_jammy "$out/window.log" bilateral
await_window "^Bilateral" 60 || { echo "ubuntu-22.04-check: no window within 60 s"; tail -20 "$out/window.log"; exit 1; }
sleep 3
xwd -root -silent | convert xwd:- "$out/builtin-trade.png"
blue=$(convert "$out/builtin-trade.png" -fill black +opaque "rgb(0,114,178)" -fill white -opaque "rgb(0,114,178)" \
  -format "%[fx:int(mean*w*h)]" info:)
echo "window: $(xdotool getwindowname "$window"); trade chart: $blue pixels of the turnover colour"
[ "$blue" -gt 150 ] || { echo "ubuntu-22.04-check: no trade chart drawn"; exit 1; }
kill "$app"; wait "$app" 2>/dev/null || true; app=""

# A double-click in a file manager: gio open, through the MIME type and the .desktop entry.
sed '0,/"title": "Russia and Iran"/s//"title": "Opened on Ubuntu 22.04"/' assets/russia-iran.json >"$root/tmp/home/another-pair.json"
echo "type: $(in_jammy gio info --attributes=standard::content-type /tmp/home/another-pair.json | sed -n 's/.*content-type: //p'); handler: $(in_jammy gio mime application/x-bilateral+json | sed -n 's/^Default application.*: //p')"
# Without a session bus gio does not return after starting the program: it runs aside.
start_in_jammy "$out/gio-open.log" gio open /tmp/home/another-pair.json
gio=$app
await_window "Opened on Ubuntu 22.04" 60 || { echo "ubuntu-22.04-check: no window titled with the opened dataset within 60 s"; exit 1; }
app=$(xdotool getwindowpid "$window")
sleep 3
xwd -root -silent | convert xwd:- "$out/opened-by-gio.png"
echo "opened: $(xdotool getwindowname "$window"), process: $(tr '\0' ' ' <"/proc/$app/cmdline")"
kill "$app" "$gio" 2>/dev/null || true
app=""
sleep 1

echo "ubuntu-22.04-check: apt-get purge bilateral"
in_jammy env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq bilateral >>"$out/install.log" 2>&1
left=$(in_jammy sh -c 'ls /usr/bin/bilateral /usr/share/applications/io.github.bilateral.Bilateral.desktop /usr/share/mime/packages/io.github.bilateral.Bilateral.xml /usr/share/doc/bilateral 2>/dev/null' || true)
[ -z "$left" ] || { echo "ubuntu-22.04-check: left after purge: $left"; exit 1; }
echo "removed: no file of the package left"
echo "ubuntu-22.04-check: passed in $((SECONDS - started)) s; screenshots in $out"
