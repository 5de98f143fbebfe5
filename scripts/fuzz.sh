#!/usr/bin/env bash
# scripts/fuzz.sh [TARGET|all] [SECONDS]: builds the libFuzzer targets of Fuzz/ and runs TARGET (default
# all, one after another) for SECONDS each (default 600) on its corpus Fuzz/Corpus/<TARGET>/, then
# minimises the corpus with -merge=1. See docs/FUZZING.md.
#
#   TARGET: FuzzCSV FuzzLifetime FuzzLifeStress FuzzPlan FuzzSPCSubgroups FuzzBatchPCA FuzzBaseline
#
# A hang (-timeout=10) and more than 2 GB of memory (-rss_limit_mb=2048) count as crashes. Crash
# inputs go to .build-fuzz/artifacts/<TARGET>/ and the run stops with libFuzzer's exit code; the log is
# .build-fuzz/logs/<TARGET>.log. Environment: FUZZ_NO_BUILD=1 skips the build, FUZZ_FLAGS
# adds libFuzzer flags (e.g. FUZZ_FLAGS="-only_ascii=1" or "-runs=0" to replay the corpus only),
# FUZZ_ASAN=1 builds with AddressSanitizer too (in .build-fuzz-asan; about three times slower, but it
# catches out-of-bounds reads in the readers' unsafe-pointer code). Runs under `nice -n 19`.
set -euo pipefail
cd "$(dirname "$0")/.."
all=(FuzzCSV FuzzLifetime FuzzLifeStress FuzzPlan FuzzSPCSubgroups FuzzBatchPCA FuzzBaseline)
target=${1:-all}
seconds=${2:-600}
scratch=$PWD/.build-fuzz
sanitizers=fuzzer
if [[ ${FUZZ_ASAN:-0} == 1 ]]; then scratch=$PWD/.build-fuzz-asan; sanitizers=fuzzer,address; fi
if [[ $target == all ]]; then targets=("${all[@]}"); else targets=("$target"); fi
for t in "${targets[@]}"; do
    [[ " ${all[*]} " == *" $t "* ]] || { echo "unknown target '$t'; targets: ${all[*]}" >&2; exit 64; }
done

if [[ ${FUZZ_NO_BUILD:-0} != 1 ]]; then
    # -sanitize=fuzzer instruments every Swift module (the relmodel libraries too) for coverage and
    # links libFuzzer; -enable-testing lets two targets reach the CLI target's internal readers;
    # ld.lld because gold fails on the executable's `main` alias (Fuzz/toolset.json).
    (cd Fuzz && nice -n 19 swift build -c release --scratch-path "$scratch" --toolset toolset.json \
        -Xswiftc -sanitize=$sanitizers -Xswiftc -enable-testing 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]')
fi

mkdir -p "$scratch/logs"
for t in "${targets[@]}"; do
    corpus=Fuzz/Corpus/$t
    [[ -d $corpus ]] || python3 Fuzz/Seeds/make-seeds.py "$t" "$corpus"
    artifacts=$scratch/artifacts/$t
    mkdir -p "$artifacts"
    log=$scratch/logs/$t.log
    echo "== $t: ${seconds} s on $corpus ($(ls "$corpus" | wc -l) inputs), log $log"
    status=0
    # SWIFT_BACKTRACE=enable=no: Swift's own crash handler would take the signal first and libFuzzer
    # would not save the crashing input. Reproduce a crash with the binary and the input as argument.
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no nice -n 19 "$scratch/release/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} \
        "$corpus" >"$log" 2>&1 || status=$?
    grep -E "^#[0-9]+.*DONE|^stat::number_of_executed_units|^stat::average_exec_per_sec|^Done [0-9]+ runs" "$log" || true
    if [[ $status != 0 ]]; then
        echo "$t: libFuzzer exit code $status; crash input in $artifacts/ (see $log)" >&2
        tail -40 "$log" >&2
        exit "$status"
    fi
    # Minimise: keep the smallest set of inputs that reaches every feature the corpus reaches (by the
    # plain build's coverage; AddressSanitizer's extra edges would keep more).
    if [[ ${FUZZ_ASAN:-0} == 1 ]]; then continue; fi
    fresh=$(mktemp -d)
    nice -n 19 "$scratch/release/$t" -merge=1 -timeout=10 -rss_limit_mb=2048 "$fresh" "$corpus" >>"$log" 2>&1
    rm -rf "$corpus" && mkdir -p "$corpus" && cp "$fresh"/* "$corpus"/ && rm -rf "$fresh"
    echo "$t: corpus minimised to $(ls "$corpus" | wc -l) inputs, $(cat "$corpus"/* | wc -c) bytes"
done
