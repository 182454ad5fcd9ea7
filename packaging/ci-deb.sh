#!/usr/bin/env bash
# CI for the Linux package, as a user meets it: builds the .deb (packaging/build.sh deb runs
# lintian, desktop-file-validate and appstreamcli), installs it with apt-get, runs the window
# check on the installed /usr/bin/bilateral, opens a dataset through its MIME type as a file
# manager does (`gio open`, which uses the MIME database and the .desktop entry's Exec line),
# and removes the package again, so the machine is left as it was.
# Usage: packaging/ci-deb.sh   (as root or with sudo; needs apt-get)
#        packaging/ci-deb.sh --from-release   packages target/release/bilateral, which CI has
#                                 just built, instead of building the dist profile (.ci/run)
#        BILATERAL_DEB=target/packaging/bilateral_….deb packaging/ci-deb.sh   checks a package already built
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
app_id=io.github.bilateral.Bilateral
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

bash scripts/install-system-deps.sh
deb=${BILATERAL_DEB:-}
if [ -z "$deb" ]; then
  packaging/build.sh deb "$@"
  deb=$(ls -t target/packaging/bilateral_*.deb | head -1)
fi
# What the MIME check needs besides the window check's packages: gio, and xdg-mime for a
# second opinion on the type, and xprop for the window class.
missing=()
for package in libglib2.0-bin xdg-utils x11-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

work=$(mktemp -d)
xvfb=""
app=""
installed_packages() { dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' | awk '$1 == "ii" {print $2}' | sort; }
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  if dpkg-query -W -f='${Status}' bilateral 2>/dev/null | grep -q "install ok installed"; then
    # The package and whatever it brought in (its dependencies and recommendations), so that
    # the machine is left as it was.
    local added
    added=$(comm -13 "$work/packages-before" <(installed_packages) | tr '\n' ' ')
    echo "ci-deb: removing $added"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq $added >/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

installed_packages > "$work/packages-before"
echo "ci-deb: apt-get install ./$deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "./$deb"
dpkg -L bilateral | grep -E "bin/|\.desktop|metainfo|mime/packages|man1|hicolor/(16x16|scalable)"

echo "ci-deb: the window check on the installed program"
BILATERAL_BINARY=/usr/bin/bilateral WINDOW_CHECK_CASES="builtin empty" scripts/window-check.sh target/packaging/installed-window

echo "ci-deb: a dataset opened through its MIME type"
dataset=$work/another-pair.json
sed '0,/"title": "Russia and Iran"/s//"title": "Opened through its MIME type"/' \
  assets/russia-iran.json > "$dataset"
echo '{"plain": "json"}' > "$work/plain.json"
type_of() { gio info --attributes=standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'; }
[ "$(type_of "$dataset")" = application/x-bilateral+json ] \
  || { echo "ci-deb: $dataset is $(type_of "$dataset"), not application/x-bilateral+json"; exit 1; }
[ "$(type_of "$work/plain.json")" = application/json ] \
  || { echo "ci-deb: plain JSON became $(type_of "$work/plain.json")"; exit 1; }
echo "gio: dataset is application/x-bilateral+json, plain JSON stays application/json"
echo "xdg-mime query filetype: $(xdg-mime query filetype "$dataset")"
# The whole answer first: `gio … | grep -q` under pipefail fails whenever grep exits before gio
# has written everything (gio then dies of SIGPIPE), which happened on a correct install.
handlers=$(gio mime application/x-bilateral+json)
grep -q "$app_id.desktop" <<< "$handlers" \
  || { echo "ci-deb: no handler for application/x-bilateral+json:"; echo "$handlers"; exit 1; }
grep -q '^Exec=bilateral %f$' "/usr/share/applications/$app_id.desktop"

display=:${DISPLAY_NUMBER:-96}
Xvfb "$display" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 2
mkdir -p "$work/config"
DISPLAY=$display XDG_CONFIG_HOME=$work/config gio open "$dataset"
window=""
for _ in $(seq 1 60); do
  sleep 1
  window=$(DISPLAY=$display xdotool search --name "Opened through its MIME type" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
done
[ -n "$window" ] || { echo "ci-deb: no window titled with the opened dataset after 60 s"; exit 1; }
app=$(DISPLAY=$display xdotool getwindowpid "$window")
echo "window: $(DISPLAY=$display xdotool getwindowname "$window")"
echo "process: $(tr '\0' ' ' < "/proc/$app/cmdline")"
DISPLAY=$display xprop -id "$window" WM_CLASS | grep -q "\"$app_id\"" \
  || { echo "ci-deb: WM_CLASS is not $app_id:"; DISPLAY=$display xprop -id "$window" WM_CLASS; exit 1; }
echo "WM_CLASS: $app_id (matches StartupWMClass)"
sleep 3
xwd -root -silent -display "$display" | convert xwd:- target/packaging/opened-by-mime.png
echo "screenshot: target/packaging/opened-by-mime.png"
echo "ci-deb: passed in $((SECONDS - started)) s"
