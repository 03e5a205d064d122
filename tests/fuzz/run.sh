#!/usr/bin/env bash
# Builds the fuzz targets with clang-14 (libFuzzer + ASan + UBSan) and runs them for
# $1 s in all (60 by default), split between them: schedule parse + check
# (schedule_fuzz) and station.toml (station_fuzz). Each starts from a seed corpus
# (schedules/*.toml cut into slots, station_seeds/, and every input that once
# failed, regressions/) and a dictionary of the TOML shapes that reach the parser's
# recursion (toml.dict) plus the file's own keys.
# Needs the Debian packages clang-14 and libclang-rt-14-dev.
# The targets are compiled straight from the sources they need, so they do not
# depend on the CMake wiring; CMake builds them too with -DLOA_FUZZ=ON and clang.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/fuzz
out=${LOA_FUZZ_DIR:-$root/build/fuzz}
cxx=${CXX_FUZZ:-clang++-14}
command -v "$cxx" >/dev/null || { echo "run.sh: $cxx not found: apt-get install clang-14 libclang-rt-14-dev" >&2; exit 3; }
mkdir -p "$out/artifacts"

core=("$root"/src/core/time_of_day.cpp "$root"/src/core/time_zone.cpp "$root"/src/core/vocabulary.cpp
      "$root"/src/core/error.cpp "$root"/src/core/toml_bounds.cpp "$root"/src/core/i18n.cpp
      "$root"/src/core/station_time.cpp)
schedule_sources=("$root"/src/schedule/*.cpp "${core[@]}" "$here/schedule_fuzz.cpp")
station_sources=("$root"/src/station/station_config.cpp "${core[@]}" "$here/station_fuzz.cpp")

# build NAME SOURCES...: (re)builds $out/NAME when a source or header is newer.
build() {
    local name=$1
    shift
    if [[ ! -x $out/$name ]] || [[ -n $(find "$@" "$root"/src/schedule/*.hpp "$root"/src/station/*.hpp \
                                          "$root"/src/core/*.hpp -newer "$out/$name") ]]; then
        echo "run.sh: building $out/$name with $cxx"
        "$cxx" -std=c++20 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
            -fno-sanitize-recover=all -I"$root/src" $(pkg-config --cflags tomlplusplus) \
            "$@" -o "$out/$name" $(pkg-config --libs tomlplusplus) -lcctz
    fi
}
build schedule_fuzz "${schedule_sources[@]}"
build station_fuzz "${station_sources[@]}"

# Seeds: the example schedules, whole and cut into their slots, and every input that
# once failed; the station.toml seeds.
mkdir -p "$out/corpus" "$out/station_corpus"
cp "$root"/schedules/*.toml "$here"/regressions/* "$out/corpus/"
for file in "$root"/schedules/*.toml; do
    awk -v base="$out/corpus/$(basename "$file" .toml)-slot" '
        /^\[\[/ { n++ } { print > (base n ".toml") }' "$file"
done
cp "$here"/station_seeds/* "$out/station_corpus/"
cat "$here/toml.dict" "$here/schedule.dict" > "$out/schedule.dict"
cat "$here/toml.dict" "$here/station.dict" > "$out/station.dict"

# run NAME CORPUS SECONDS
run() {
    echo "run.sh: fuzzing $1 for $3 s on $(ls "$2" | wc -l) files"
    "$out/$1" -max_total_time="$3" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -dict="$out/${1%_fuzz}.dict" -artifact_prefix="$out/artifacts/$1-" -print_final_stats=1 "$2"
}
schedule_seconds=$(( (seconds + 1) / 2 ))
run schedule_fuzz "$out/corpus" "$schedule_seconds"
run station_fuzz "$out/station_corpus" "$(( seconds - schedule_seconds ))"
echo "run.sh: no crash, no hang, no sanitizer report in ${seconds} s"
