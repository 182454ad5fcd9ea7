#!/usr/bin/env bash
# Import benchmark (issue 8): Bilateral against polars on the same files, in one run.
#
#   scripts/bench-import.sh            1,000,000-row Comtrade Plus CSV, 10,000,000-row BACI zip
#   scripts/bench-import.sh --smoke    20,000 and 200,000 rows: a check that it all runs (CI)
#
# For each file, runs Bilateral (`convert --pair RUS,IRN`, the same work as the polars
# query: filter one pair, sum by flow and year) and polars (lazy scan_csv, filter,
# group_by) alternately three times, then `bilateral check` (every row parsed, every pair
# counted) three times; prints the medians, the ratio and Bilateral's peak memory
# (/usr/bin/time -v). Polars reads the BACI CSV already unzipped (its best case);
# Bilateral reads the zip as CEPII ships it. Environment: BILATERAL (binary, default
# target/release/bilateral), BENCH_DIR (default target/bench-import).
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
if [[ "${1:-}" == "--smoke" ]]; then smoke=1; fi
if (( smoke )); then comtrade_rows=20000; baci_rows=200000; else comtrade_rows=1000000; baci_rows=10000000; fi

bin="${BILATERAL:-target/release/bilateral}"
if [[ ! -x "$bin" ]]; then
    nice -n 10 cargo build --release --quiet
fi
dir="${BENCH_DIR:-target/bench-import}"
mkdir -p "$dir"
comtrade="$dir/comtrade_plus_${comtrade_rows}.csv"
baci_zip="$dir/BACI_HS22_Y2023_V202501_${baci_rows}.zip"
baci_csv="$dir/BACI_HS22_Y2023_V202501_${baci_rows}.csv"
[[ -s "$comtrade" ]] || python3 scripts/gen-trade-bench.py comtrade "$comtrade_rows" "$comtrade"
[[ -s "$baci_zip" ]] || python3 scripts/gen-trade-bench.py baci "$baci_rows" "$baci_zip"
[[ -s "$baci_csv" ]] || python3 -c "import sys,zipfile,shutil; z=zipfile.ZipFile(sys.argv[1]); shutil.copyfileobj(z.open('BACI_HS22_Y2023_V202501.csv'), open(sys.argv[2],'wb'))" "$baci_zip" "$baci_csv"

have_polars=1
python3 -c "import polars" 2>/dev/null || have_polars=0
if (( ! have_polars )); then
    if (( smoke )); then echo "polars is not installed: its runs are skipped (pip install polars)"; else
        echo "polars is not installed: pip install polars" >&2; exit 1; fi
fi

stats="$dir/time.txt"
# Runs a command under /usr/bin/time; prints "seconds peak_kib".
timed() {
    /usr/bin/time -f "%e %M" -o "$stats" "$@" > "$dir/out.txt" 2> "$dir/err.txt" || {
        echo "failed: $*" >&2; cat "$dir/err.txt" >&2; exit 1; }
    cat "$stats"
}
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

bench() {
    local label=$1 kind=$2 ours=$3 theirs=$4
    local b_times=() b_mems=() p_times=() c_times=() c_mems=() s_times=() s_mems=()
    for _ in 1 2 3; do
        read -r t m < <(timed "$bin" convert "$ours" --pair RUS,IRN -o "$dir/out.json")
        b_times+=("$t"); b_mems+=("$m")
        if [[ "$ours" != "$theirs" ]]; then
            read -r t m < <(timed "$bin" convert "$theirs" --pair RUS,IRN -o "$dir/out.json")
            s_times+=("$t"); s_mems+=("$m")
        fi
        if (( have_polars )); then
            read -r t _ < <(timed python3 scripts/bench-import-polars.py "$kind" "$theirs")
            p_times+=("$t")
        fi
    done
    for _ in 1 2 3; do
        read -r t m < <(timed "$bin" check "$ours")
        c_times+=("$t"); c_mems+=("$m")
    done
    local b p c bm cm
    b=$(median "${b_times[@]}"); c=$(median "${c_times[@]}")
    bm=$(printf '%s\n' "${b_mems[@]}" | sort -g | tail -1); cm=$(printf '%s\n' "${c_mems[@]}" | sort -g | tail -1)
    echo "$label"
    echo "  bilateral convert --pair RUS,IRN: median ${b} s, peak $((bm / 1024)) MiB (runs: ${b_times[*]})"
    echo "  bilateral check (all pairs):      median ${c} s, peak $((cm / 1024)) MiB (runs: ${c_times[*]})"
    if (( ${#s_times[@]} )); then
        local s sm
        s=$(median "${s_times[@]}"); sm=$(printf '%s\n' "${s_mems[@]}" | sort -g | tail -1)
        echo "  bilateral convert, unzipped CSV:  median ${s} s, peak $((sm / 1024)) MiB (runs: ${s_times[*]})"
    fi
    if (( have_polars )); then
        p=$(median "${p_times[@]}")
        echo "  polars scan_csv+filter+group_by:  median ${p} s (runs: ${p_times[*]})"
        python3 -c "import sys; b,p=float(sys.argv[1]),float(sys.argv[2]); print(f'  ratio bilateral/polars: {b/p:.2f} (target <= 0.50)' if p>0 else '  ratio: polars took 0 s')" "$b" "$p"
        if (( ${#s_times[@]} )); then
            python3 -c "import sys; b,p=float(sys.argv[1]),float(sys.argv[2]); print(f'  ratio on the same unzipped CSV: {b/p:.2f}')" "$s" "$p"
        fi
    fi
    echo "  peak memory target: <= 64 MiB"
}

echo "bench-import $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); $("$bin" --version)"
[[ "${BENCH_ONLY:-}" == baci ]] || bench "Comtrade Plus CSV, $comtrade_rows rows, $(du -hL "$comtrade" | cut -f1)" comtrade "$comtrade" "$comtrade"
[[ "${BENCH_ONLY:-}" == comtrade ]] || bench "BACI year zip, $baci_rows rows, $(du -hL "$baci_zip" | cut -f1) zipped, $(du -hL "$baci_csv" | cut -f1) unzipped" baci "$baci_zip" "$baci_csv"
