#!/usr/bin/env bash
# clang-tidy-14 over every source in src/, with the checks in .clang-tidy, from the
# compile commands of the ci build (cmake --preset ci exports them). Any finding fails
# (WarningsAsErrors: '*'); the baseline is zero. src/lib/ is loa's own code, checked too.
#   tools/lint.sh [BUILD_DIR]     default build/ci
# About 3.5 minutes on 2 cores (about 390 s of CPU for the 133 sources in src/).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build/ci}
if [ ! -f "$build/compile_commands.json" ]; then
    echo "lint.sh: no $build/compile_commands.json; run cmake --preset ci first" >&2
    exit 2
fi
for tool in clang-tidy-14 run-clang-tidy-14; do
    command -v "$tool" >/dev/null ||
        { echo "lint.sh: $tool not found (packaging/install-deps.sh installs clang-tidy-14)" >&2; exit 2; }
done

# The files are a regular expression over the compile commands' absolute paths: src/ only.
root=$(pwd -P)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
run-clang-tidy-14 -clang-tidy-binary "$(command -v clang-tidy-14)" -p "$build" -j "$(nproc)" -quiet \
    "^$root/src/.*\\.cpp\$" >"$log" 2>&1 || status=$?
# Only the findings (each header's once) and clang-tidy's own errors; not the command
# lines nor the "N warnings generated" counts.
sed -i 's/\x1b\[[0-9;]*m//g' "$log" # run-clang-tidy's colours
grep -E '^/.*: (warning|error): ' "$log" | sort -u || true
if ((status != 0)); then
    grep -E '^(Error|error:|clang-tidy-14: )' "$log" | sort -u || true
    echo "lint.sh: clang-tidy found problems in src/ (exit $status); see above" >&2
    exit 1
fi
echo "lint.sh: no findings in src/"
