#!/bin/sh
# tests/fuzz/run.sh TARGET SECONDS — fuzzes build/fuzz/fuzz_TARGET (config, bundle or
# script) for SECONDS, from a seed corpus of the shipped files: the configs, the default
# bundle, the broken bundles, the journey scripts, and the regression inputs. The corpus
# grows in build/fuzz/corpus-TARGET between runs. A crash is saved as
# tests/fuzz/regress/TARGET-crash-*: commit it with the fix, and `make test` replays it.
set -eu
target=$1
seconds=$2
fuzzer=build/fuzz/fuzz_$target
corpus=build/fuzz/corpus-$target
mkdir -p "$corpus" tests/fuzz/regress
n=0
seed() { n=$((n + 1)); { [ -z "${2:-}" ] || printf "\\$(printf '%03o' "$2")"; cat "$1"; } >"$corpus/seed-$n"; }
case $target in
config) for f in config/*.ini tests/scripts/*.ini tests/broken/*/config.ini; do [ -f "$f" ] && seed "$f"; done ;;
bundle)
    i=0
    for name in screens quiz styles guidance chemistry partners calm support; do
        for f in assets/content/en/$name.ini tests/broken/*/$name.ini tests/score/*/$name.ini; do
            [ -f "$f" ] && seed "$f" $i
        done
        i=$((i + 1))
    done ;;
script) for f in tests/scripts/*.txt; do seed "$f"; done ;;
*) echo "usage: tests/fuzz/run.sh config|bundle|script SECONDS" >&2; exit 2 ;;
esac
for f in tests/fuzz/regress/$target-*; do [ -f "$f" ] && cp "$f" "$corpus/"; done
log=build/fuzz/$target.log
"$fuzzer" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="tests/fuzz/regress/$target-" -print_final_stats=1 >"$log" 2>&1 || true
grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY' "$log" | sed "s/^/fuzz $target: /"
cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
echo "fuzz $target: $seconds s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) inputs"
if grep -q 'ERROR\|SUMMARY' "$log"; then
    echo "fuzz $target: FOUND A CRASH (see $log; the input is in tests/fuzz/regress/)"
    exit 1
fi
echo "fuzz $target: no crash"
