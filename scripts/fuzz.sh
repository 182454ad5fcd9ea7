#!/usr/bin/env bash
# Coverage-guided fuzzing of every loader with cargo-fuzz on nightly (docs/fuzzing.md).
#
#   scripts/fuzz.sh                 every target to 1,000,000 executions
#   scripts/fuzz.sh --runs N        every target to N executions
#   scripts/fuzz.sh --time S        every target for S seconds
#   scripts/fuzz.sh --runs N --time S   each to N executions or S seconds, whichever is first
#   scripts/fuzz.sh --smoke         every target for 4 seconds, built without optimisation (CI)
#   scripts/fuzz.sh [...] TARGET…   only these targets
#   scripts/fuzz.sh --no-build ...  run the targets as last built
#
# Installs the nightly toolchain and cargo-fuzz first when they are missing (a fresh CI machine).
# One build serves every target. Corpora are seeded by scripts/fuzz-seeds.py and grow in
# fuzz/corpus/<target>/ (not committed). A crash leaves its input in fuzz/artifacts/<target>/
# and makes the script fail after the other targets have run. Per target, one line goes to
# fuzz/logs/results.tsv: executions, seconds, cov and ft from libFuzzer's last status line.
set -euo pipefail
cd "$(dirname "$0")/.."

ALL=(dataset_json geojson comtrade_plus_csv comtrade_bulk_gz comtrade_legacy dots_csv dots_excel
    xlsx_shared_strings xlsb_sheet xls_workbook imts wits baci_zip tidy_csv encoding compression settings date
    sipri_register_classic sipri_register_new sipri_tiv unga_voeten unga_unvotes unga_undl
    unga_roll_calls unga_ideal_points gdelt2 gdelt1 icews_tab icews_csv chronology parquet)
runs=
seconds=0
build=yes
# Optimised, as the recorded runs are; the smoke run (a check that every target builds and
# runs from its seeds) builds unoptimised, in about half the time.
profile=(-O)
profile_dir=release
targets=()
while (($#)); do
    case $1 in
        --smoke) seconds=4; profile=(--dev); profile_dir=debug ;;
        --time) seconds=$2; shift ;;
        --runs) runs=$2; shift ;;
        --no-build) build=no ;;
        -h | --help) sed -n 2,15p "$0"; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1") ;;
    esac
    shift
done
((${#targets[@]})) || targets=("${ALL[@]}")
# Without --runs: a million executions, or no limit but the time when --time or --smoke.
[[ -n $runs ]] || { ((seconds > 0)) && runs=-1 || runs=1000000; }

export CARGO_TARGET_DIR="$PWD/fuzz/target"
if [[ $build == yes ]]; then
    rustup run nightly rustc --version > /dev/null 2>&1 ||
        rustup toolchain install nightly --profile minimal
    echo "fuzz: nightly ready after ${SECONDS}s"
    cargo +nightly fuzz --version > /dev/null 2>&1 || cargo install cargo-fuzz --locked
    echo "fuzz: cargo-fuzz ready after ${SECONDS}s"
    # No sanitizer: the crate forbids `unsafe`, so what there is to find is panics, overflows
    # (-a keeps debug assertions and overflow checks on) and hangs; ASan would halve the speed.
    (cd fuzz && nice -n 15 cargo +nightly fuzz build "${profile[@]}" -a --sanitizer none)
    echo "fuzz: targets built after ${SECONDS}s"
fi
python3 scripts/fuzz-seeds.py
triple=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin="$CARGO_TARGET_DIR/$triple/$profile_dir"
mkdir -p fuzz/logs
results=fuzz/logs/results.tsv
[[ -f $results ]] || printf 'target\texecutions\tseconds\tcov\tft\tcrashes\tdate\n' > "$results"

# Longest input a target is given, in bytes (longer seeds are cut): enough for a header and
# dozens of rows, small enough for thousands of executions a second.
max_len() {
    case $1 in
        date) echo 64 ;;
        settings) echo 2048 ;;
        dataset_json | geojson) echo 8192 ;;
        parquet) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

failed=()
for target in "${targets[@]}"; do
    mkdir -p "fuzz/artifacts/$target"
    limit=(-runs="$runs")
    ((seconds == 0)) || limit+=(-max_total_time="$seconds")
    log="fuzz/logs/$target.log"
    start=$(date +%s)
    status=0
    nice -n 15 "$bin/$target" "fuzz/corpus/$target" "${limit[@]}" -max_len="$(max_len "$target")" \
        -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$target/" > "$log" 2>&1 || status=$?
    elapsed=$(($(date +%s) - start))
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    crashes=$(find "fuzz/artifacts/$target" -type f | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "${executions:-?}" "$elapsed" "${cov:-?}" \
        "${ft:-?}" "$crashes" "$(date -u +%FT%TZ)" >> "$results"
    echo "$target: ${executions:-?} executions in ${elapsed}s, cov ${cov:-?}, ft ${ft:-?}, exit $status"
    if ((status != 0)); then
        failed+=("$target")
        grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5 >&2 || true
    fi
done
echo "fuzz: done after ${SECONDS}s"
if ((${#failed[@]})); then
    echo "crashed: ${failed[*]} (inputs in fuzz/artifacts/, logs in fuzz/logs/)" >&2
    exit 1
fi
