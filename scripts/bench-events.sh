#!/usr/bin/env bash
# Event benchmark (issue 23): a generated month of GDELT 2.0 exports (about 5,000,000
# events in 2,976 zip files, real column shapes; scripts/gen-gdelt-bench.py) reduced to one
# pair by Bilateral and by polars, in one run.
#
#   scripts/bench-events.sh            5,000,000 events, 31 days
#   scripts/bench-events.sh --smoke    20,000 events, one day (96 files): a check that it all runs
#   scripts/bench-events.sh --icews    a year of ICEWS, 1,000,000 events in one .tab (gen-icews-bench.py)
#
# Bilateral: `convert FOLDER --pair USA,RUS` on the folder of zips, as GDELT publishes
# them, and on the folder of unzipped exports; polars (scripts/bench-events-polars.py):
# lazy scan_csv of the unzipped exports, filter on the pair both ways, group by month,
# direction and quad class, and the 20 most mentioned events. Three alternating runs each;
# medians, the ratio, and peak memory (/usr/bin/time). Then `bilateral check` of the zips
# (every row counted by pair). Environment: BILATERAL (binary, default
# target/release/bilateral), BENCH_DIR (default: a folder under the system's temp dir;
# the files are kept there for the next run, never committed).
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
icews=0
for arg in "$@"; do
    case "$arg" in
        --smoke) smoke=1 ;;
        --icews) icews=1 ;;
        *) echo "usage: bench-events.sh [--smoke] [--icews]" >&2; exit 2 ;;
    esac
done
if (( smoke )); then events=20000; days=1; else events=5000000; days=31; fi

bin="${BILATERAL:-target/release/bilateral}"
if [[ ! -x "$bin" ]]; then
    nice -n 10 cargo build --release --quiet
fi

stats="${TMPDIR:-/tmp}/bilateral-bench-events-time.txt"
timed() {
    /usr/bin/time -f "%e %M" -o "$stats" "$@" > "${TMPDIR:-/tmp}/bilateral-bench-out.txt" 2> "${TMPDIR:-/tmp}/bilateral-bench-err.txt" || {
        echo "failed: $*" >&2; cat "${TMPDIR:-/tmp}/bilateral-bench-err.txt" >&2; exit 1; }
    cat "$stats"
}
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
peak() { printf '%s\n' "$@" | sort -g | tail -1; }

if (( icews )); then
    # A year of ICEWS (1,000,000 events, the size of the busiest years) in one .tab file,
    # reduced to Russia–Iran by Bilateral and by polars (bench-events-polars.py --icews).
    if (( smoke )); then events=20000; else events=1000000; fi
    dir="${BENCH_DIR:-${TMPDIR:-/tmp}/bilateral-bench-events}/icews-${events}"
    file="$dir/events.2015.tab"
    if [[ ! -s "$dir/done" ]]; then
        mkdir -p "$dir"
        python3 scripts/gen-icews-bench.py "$events" "$file" | tee "$dir/generated.txt"
        echo ok > "$dir/done"
    fi
    python3 -c "import polars" 2>/dev/null || { echo "polars is not installed: pip install polars" >&2; exit 1; }
    b_t=(); b_m=(); p_t=(); p_m=()
    for _ in 1 2 3; do
        read -r t m < <(timed "$bin" convert "$file" --pair RUS,IRN -o "$dir/out.json"); b_t+=("$t"); b_m+=("$m")
        read -r t m < <(timed python3 scripts/bench-events-polars.py --icews "$file" "Russian Federation" Iran); p_t+=("$t"); p_m+=("$m")
    done
    echo "bench-events --icews $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); $("$bin" --version)"
    echo "ICEWS, $events events in one .tab: $(du -sh "$file" | cut -f1)"
    b=$(median "${b_t[@]}"); p=$(median "${p_t[@]}")
    echo "  bilateral convert --pair RUS,IRN:          median ${b} s, peak $(( $(peak "${b_m[@]}") / 1024 )) MiB (runs: ${b_t[*]})"
    echo "  polars scan_csv+filter+group_by:           median ${p} s, peak $(( $(peak "${p_m[@]}") / 1024 )) MiB (runs: ${p_t[*]})"
    python3 -c "import sys; b,p=map(float,sys.argv[1:]); print(f'  ratio bilateral/polars: {b/p:.2f} (target <= 0.50)' if p>0 else '  ratio: polars took 0 s')" "$b" "$p"
    echo "  peak memory target: <= 64 MiB"
    exit 0
fi

dir="${BENCH_DIR:-${TMPDIR:-/tmp}/bilateral-bench-events}/${events}"
zips="$dir/zip"; csvs="$dir/csv"
if [[ ! -s "$dir/done" ]]; then
    rm -rf "$zips" "$csvs"
    mkdir -p "$dir"
    python3 scripts/gen-gdelt-bench.py "$events" "$zips" "$csvs" "$days" | tee "$dir/generated.txt"
    echo ok > "$dir/done"
fi

have_polars=1
python3 -c "import polars" 2>/dev/null || have_polars=0
if (( ! have_polars )); then
    if (( smoke )); then echo "polars is not installed: its runs are skipped (pip install polars)"; else
        echo "polars is not installed: pip install polars" >&2; exit 1; fi
fi


z_t=(); z_m=(); u_t=(); u_m=(); p_t=(); p_m=(); c_t=(); c_m=()
for _ in 1 2 3; do
    read -r t m < <(timed "$bin" convert "$zips" --pair USA,RUS -o "$dir/out.json"); z_t+=("$t"); z_m+=("$m")
    read -r t m < <(timed "$bin" convert "$csvs" --pair USA,RUS -o "$dir/out-csv.json"); u_t+=("$t"); u_m+=("$m")
    if (( have_polars )); then
        read -r t m < <(timed python3 scripts/bench-events-polars.py "$csvs/*.export.CSV" USA RUS); p_t+=("$t"); p_m+=("$m")
    fi
    read -r t m < <(timed "$bin" check "$zips"); c_t+=("$t"); c_m+=("$m")
done
files=$(find "$zips" -name '*.zip' | wc -l)
echo "bench-events $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); $("$bin" --version)"
echo "GDELT 2.0, $events events in $files exports: $(du -sh "$zips" | cut -f1) zipped, $(du -sh "$csvs" | cut -f1) unzipped"
z=$(median "${z_t[@]}"); u=$(median "${u_t[@]}"); c=$(median "${c_t[@]}")
echo "  bilateral convert --pair USA,RUS, zips:     median ${z} s, peak $(( $(peak "${z_m[@]}") / 1024 )) MiB (runs: ${z_t[*]})"
echo "  bilateral convert --pair USA,RUS, unzipped: median ${u} s, peak $(( $(peak "${u_m[@]}") / 1024 )) MiB (runs: ${u_t[*]})"
echo "  bilateral check (all pairs), zips:          median ${c} s, peak $(( $(peak "${c_m[@]}") / 1024 )) MiB (runs: ${c_t[*]})"
if (( have_polars )); then
    p=$(median "${p_t[@]}")
    echo "  polars scan_csv+filter+group_by, unzipped:  median ${p} s, peak $(( $(peak "${p_m[@]}") / 1024 )) MiB (runs: ${p_t[*]})"
    python3 -c "import sys; z,u,p=map(float,sys.argv[1:]); print(f'  ratio bilateral/polars: zips {z/p:.2f}, unzipped {u/p:.2f} (target <= 0.50)' if p>0 else '  ratio: polars took 0 s')" "$z" "$u" "$p"
fi
echo "  peak memory target: <= 64 MiB"
