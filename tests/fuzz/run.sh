#!/usr/bin/env bash
# Builds the schedule fuzz target with clang-14 (libFuzzer + ASan + UBSan) and runs
# it for 60 s (or $1 s) on a seed corpus made from schedules/*.toml.
# Needs the Debian packages clang-14 and libclang-rt-14-dev.
# The target is compiled straight from the sources it needs, so it does not depend
# on the CMake wiring; CMake builds it too with -DLOA_FUZZ=ON and clang.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${LOA_FUZZ_DIR:-$root/build/fuzz}
cxx=${CXX_FUZZ:-clang++-14}
command -v "$cxx" >/dev/null || { echo "run.sh: $cxx not found: apt-get install clang-14 libclang-rt-14-dev" >&2; exit 3; }
mkdir -p "$out/corpus" "$out/artifacts"

sources=("$root"/src/schedule/*.cpp "$root"/src/core/time_of_day.cpp "$root"/src/core/time_zone.cpp "$root"/src/core/vocabulary.cpp
         "$root"/src/core/error.cpp "$root/tests/fuzz/schedule_fuzz.cpp")
if [[ ! -x $out/schedule_fuzz ]] || [[ -n $(find "${sources[@]}" "$root"/src/schedule/*.hpp -newer "$out/schedule_fuzz") ]]; then
    echo "run.sh: building $out/schedule_fuzz with $cxx"
    "$cxx" -std=c++20 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
        -fno-sanitize-recover=all -I"$root/src" $(pkg-config --cflags tomlplusplus) \
        "${sources[@]}" -o "$out/schedule_fuzz" $(pkg-config --libs tomlplusplus) -lcctz
fi

# Seeds: the example schedules, whole and cut into their slots, and every input that
# once failed (tests/fuzz/regressions/).
cp "$root"/schedules/*.toml "$root"/tests/fuzz/regressions/* "$out/corpus/"
for file in "$root"/schedules/*.toml; do
    awk -v base="$out/corpus/$(basename "$file" .toml)-slot" '
        /^\[\[/ { n++ } { print > (base n ".toml") }' "$file"
done

echo "run.sh: fuzzing for ${seconds} s on $(ls "$out/corpus" | wc -l) files"
"$out/schedule_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$out/corpus"
echo "run.sh: no crash, no hang, no sanitizer report in ${seconds} s"
