#!/bin/sh
# tests/fuzz/run.sh FUZZER SECONDS — builds a seed corpus from the default bundle, the
# shipped configs, the broken bundles and the journey scripts (first byte: which file, as in fuzz_loaders.c),
# then fuzzes for SECONDS. Crashes are saved in build/fuzz/ as crash-*; keep each one as a
# regression case in tests/broken/.
set -eu
fuzzer=$1
seconds=$2
corpus=build/fuzz/corpus
mkdir -p "$corpus"
seed() { { printf "\\$(printf '%03o' "$1")"; cat "$2"; } >"$corpus/seed-$1-$(echo "$2" | tr / _)"; }
for f in config/*.ini; do seed 0 "$f"; done
i=1
for name in screens quiz styles guidance chemistry partners calm support; do
    for f in assets/content/en/$name.ini tests/broken/*/$name.ini tests/score/*/$name.ini; do
        [ -f "$f" ] && seed $i "$f"
    done
    i=$((i + 1))
done
for f in tests/scripts/*.txt; do seed 9 "$f"; done   # 9: the script parser
"$fuzzer" "$corpus" -max_total_time="$seconds" -max_len=65536 -artifact_prefix=build/fuzz/ \
    -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|Done' || true
ls build/fuzz/crash-* 2>/dev/null && { echo "fuzz: crashes found (above)"; exit 1; }
echo "fuzz: no crash in $seconds s"
