#!/usr/bin/env bash
# The hostile-input suite (issue 22, docs/robustness.md): makes every case with
# scripts/make-hostile-input.py in a temporary folder (nothing is committed), runs
# `bilateral check` or `convert` on each under /usr/bin/time -v, and prints per case the exit
# code, wall time, peak memory and the start of the message, judged against the manifest:
# `refused` must exit 1 with a message holding the expected text, `ok` exit 0, both within
# 512 MB and without a signal. Cases run at two sizes (`name@N`, `name@2N`) print how the time
# grew when the input doubled. Special files (FIFOs, a symlink to /dev/zero) are made here.
#
#   scripts/robustness.sh [--smoke] [BINARY]    # BINARY: default target/release/bilateral
#
# --smoke makes every case small (what CI runs; seconds). Exit 1 when any judged case fails.
set -uo pipefail
cd "$(dirname "$0")/.."
smoke=""
binary=""
for arg in "$@"; do
  case "$arg" in
    --smoke) smoke="--smoke" ;;
    *) binary="$arg" ;;
  esac
done
binary="${binary:-target/release/bilateral}"
binary="$(realpath "$binary")"
[ -x "$binary" ] || { echo "robustness: no binary at $binary (cargo build --release)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "robustness: needs /usr/bin/time (GNU time)" >&2; exit 2; }
limit_kb=$((512 * 1024))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS
python3 scripts/make-hostile-input.py "$work" $smoke
echo "robustness: inputs made in $((SECONDS - start)) s ($(du -sh "$work" | cut -f1) on disk)"
cd "$work"

# Special files, made here: a FIFO nobody writes, a FIFO fed a valid table, /dev/zero.
mkfifo fifo.csv fed.csv
ln -s /dev/zero zero.csv
{
  printf 'fifo\tcheck fifo.csv\trefused\tnamed pipe\n'
  printf 'fifo-fed\tcheck fed.csv\trefused\tnamed pipe\n'
  printf 'symlink-dev-zero\tcheck zero.csv\trefused\ta device\n'
  printf 'proc-file\tcheck /proc/self/status\trefused\tpseudo-file\n'
} >> manifest.tsv

failed=0
declare -A seconds
printf '%-22s %-8s %4s %8s %9s  %s\n' case expect exit seconds "peak MB" "message (first 90 characters)"
while IFS=$'\t' read -r name command expect must; do
  if [ "$name" = fifo-fed ]; then
    (cat valid.csv > fed.csv 2>/dev/null &)
  fi
  # shellcheck disable=SC2086
  timeout 300 /usr/bin/time -v -o time.txt "$binary" $command > out.txt 2> err.txt < /dev/null
  code=$?
  [ "$name" = fifo-fed ] && timeout 2 cat fed.csv > /dev/null 2>&1
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' time.txt | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' time.txt)
  signal=$(grep -c "Command terminated by signal" time.txt)
  message=$(head -c 4000 err.txt | head -n 1 | cut -c1-90)
  [ -z "$message" ] && message=$(head -n 1 out.txt | cut -c1-90)
  err_bytes=$(wc -c < err.txt)
  verdict=ok
  case "$expect" in
    refused) [ "$code" = 1 ] && [ -s err.txt ] || verdict=FAIL ;;
    ok) [ "$code" = 0 ] || verdict=FAIL ;;
    open) verdict=open ;;
  esac
  if [ "$verdict" != open ]; then
    [ "$signal" = 0 ] && [ "${peak_kb:-0}" -le "$limit_kb" ] && [ "$err_bytes" -le 65536 ] || verdict=FAIL
    if [ -n "$must" ] && ! grep -qF -- "$must" err.txt out.txt; then verdict=FAIL; fi
    # No raw ESC or BEL from a file may reach the terminal.
    if grep -q $'\x1b\|\x07' err.txt out.txt; then verdict=FAIL; fi
  fi
  [ "$verdict" = FAIL ] && failed=1
  printf '%-22s %-8s %4s %8s %9s  %s %s\n' "$name" "$expect" "$code" "${wall:-?}" "$(( ${peak_kb:-0} / 1024 ))" "$([ "$verdict" = ok ] || echo "[$verdict]")" "$message"
  seconds[$name]=${wall:-0}
done < manifest.tsv

echo
echo "time when the input doubles (linear: about 2x; the quadratic code was 4x or more):"
for name in "${!seconds[@]}"; do
  case "$name" in
    *@N)
      base=${name%@N}
      awk -v a="${seconds[$name]}" -v b="${seconds[$base@2N]}" -v n="$base" \
        'BEGIN { printf "  %-10s %6.2f s -> %6.2f s  (x%.1f)\n", n, a, b, (a > 0 ? b / a : 0) }'
      ;;
  esac
done
echo "robustness: done in $((SECONDS - start)) s"
exit $failed
