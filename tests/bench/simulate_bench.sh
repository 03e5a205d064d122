#!/usr/bin/env bash
# Simulate benchmark (issue 6): `loa simulate` over a month (and a quarter) of the
# sample schedule (schedules/chong-lua-dao-2020.toml, several slots a day) with the
# bundled recordings. Prints the time, memory and plays; the target is a month in
# under a second. Then a dense day (issue 18: 5,000 plays of one slot, every 12 s
# from 05:00), whose target is under a second too. Fails only if simulate fails or
# prints no plays.
#
#   bash tests/bench/simulate_bench.sh LOA SOURCE_DIR
set -euo pipefail
(($# == 2)) || { echo "usage: $0 LOA SOURCE_DIR" >&2; exit 2; }
loa=$1
src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-simulate.XXXXXX")
trap 'rm -rf "$work"' EXIT
home="$work/home"
"$loa" --home "$home" init --code SIM-01 >/dev/null
"$loa" --home "$home" import "$src"/audio/*.flac "$src"/audio/*.ogg >/dev/null
"$loa" --home "$home" schedule load "$src/schedules/chong-lua-dao-2020.toml" >/dev/null

measure() {
    local from=$1 to=$2 label=$3
    /usr/bin/time -f '%e %M' -o "$work/time" "$loa" --home "$home" simulate --from "$from" --to "$to" >"$work/out"
    local rows
    rows=$(($(wc -l <"$work/out") - 1))
    ((rows > 0)) || { echo "simulate-bench: no plays from $from to $to" >&2; exit 1; }
    read -r seconds kb <"$work/time"
    printf "%-8s %s..%s: %6.3f s, %5.1f MB peak, %d plays (target: < 1 s)\n" \
        "$label" "$from" "$to" "$seconds" "$(awk -v kb="$kb" 'BEGIN { print kb / 1024 }')" "$rows"
}
measure 2020-08-01 2020-08-31 month
measure 2020-07-17 2020-10-16 quarter

# A day of 5,000 plays.
python3 - "$work/dense.toml" <<'PY'
import sys
times = ", ".join('"%02d:%02d:%02d"' % (s // 3600, s // 60 % 60, s % 60)
                  for s in (5 * 3600 + i * 12 for i in range(5000)))
open(sys.argv[1], "w").write('version = 1\n[[slot]]\nid = "day"\ndays = ["daily"]\nat = [%s]\n'
                             'play = ["chuong"]\nlate = "always"\n' % times)
PY
"$loa" --home "$home" schedule load "$work/dense.toml" >/dev/null
measure 2020-08-01 2020-08-01 day-5000
