#!/usr/bin/env bash
# `loa simulate` end to end: it prints one play row per item that `schedule show`
# plans over the period (CSV and JSON lines), honours date-time bounds and
# --schedule FILE, refuses bad bounds, and leaves the station's database
# byte-identical (no log row, no schedule version, nothing).
#
#   bash tests/e2e/simulate_test.sh LOA SOURCE_DIR
set -uo pipefail
(($# == 2)) || { echo "usage: $0 LOA SOURCE_DIR" >&2; exit 2; }
loa=$1
src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-simulate.XXXXXX")
trap 'rm -rf "$work"' EXIT
home="$work/home"
passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$1"; }
check() { if [[ $2 == "$3" ]]; then ok "$1 ($2)"; else bad "$1: got '$2', wanted '$3'"; fi; }

"$loa" --home "$home" init --code SIM-01 >/dev/null
"$loa" --home "$home" import "$src"/audio/*.flac "$src"/audio/*.ogg >/dev/null
"$loa" --home "$home" schedule load "$src/schedules/chong-lua-dao-2020.toml" >/dev/null
before=$(sha256sum "$home/loa.db" | cut -d' ' -f1)

# What `schedule show` plans for the week, item by item.
planned=$("$loa" --home "$home" schedule show --from 2020-07-20 --days 7 --json |
    grep -o '"items":\[[^]]*\]' | tr ',' '\n' | grep -c '"')
"$loa" --home "$home" simulate --from 2020-07-20 --to 2020-07-26 >"$work/week.csv"
check "simulate exits 0" "$?" 0
check "the CSV header has DESIGN.md's play row fields" "$(head -n 1 "$work/week.csv" | tr -d '\r')" \
    "play_id,station,slot,scheduled_at,position,started_at,ended_at,announcement,sha256,status,lateness_ms,duration_ms,priority,trigger,error,reason_code,reason_params"
check "one row per planned item over the week (--to inclusive)" "$(($(wc -l <"$work/week.csv") - 1))" "$planned"
check "every simulated item completes" "$(tail -n +2 "$work/week.csv" | grep -vc ',completed,')" 0
"$loa" --home "$home" simulate --from 2020-07-20 --to 2020-07-26 --json >"$work/week.json"
check "JSON lines: the same number of plays" "$(wc -l <"$work/week.json")" "$planned"
check "JSON lines carry the status" "$(grep -c '"status":"completed"' "$work/week.json")" "$planned"

# Date-time bounds: Monday 06:00 to 12:00 holds the 06:15 and 09:00 sessions only.
"$loa" --home "$home" simulate --from 2020-07-20T06:00 --to "2020-07-20 12:00" >"$work/morning.csv"
check "a date-time range holds only its sessions" \
    "$(tail -n +2 "$work/morning.csv" | cut -d, -f3,4 | sort -u | tr '\n' ' ')" \
    "phat-dong,2020-07-20T09:00:00.000+07:00 sang,2020-07-20T06:15:00.000+07:00 "

# Another file, not loaded: the storm warning's three days, every three hours,
# emergencies that play even at night.
"$loa" --home "$home" simulate --from 2020-09-17 --to 2020-09-19 --schedule "$src/schedules/canh-bao-bao.toml" \
    >"$work/storm.csv"
check "--schedule FILE simulates that file" "$?" 0
check "... its 24 sessions, day and night" "$(tail -n +2 "$work/storm.csv" | cut -d, -f3,4 | sort -u | grep -c '^canh-bao,')" 24
check "... as emergencies" "$(tail -n +2 "$work/storm.csv" | grep -vc ',emergency,scheduled,')" 0

"$loa" --home "$home" simulate --from 2020-07-26 --to 2020-07-20 >/dev/null 2>"$work/err"
check "--to before --from is a usage error" "$?" 2
"$loa" --home "$home" simulate --from 2020-07-20T6h --to 2020-07-21 >/dev/null 2>"$work/err"
check "a malformed time is a usage error" "$?" 2
"$loa" --home "$home" simulate --from 2020-07-20 >/dev/null 2>"$work/err"
check "--to is required" "$?" 2

check "the station database is byte-identical after simulating" "$(sha256sum "$home/loa.db" | cut -d' ' -f1)" "$before"
check "no play was logged" "$("$loa" --home "$home" log | grep -c 'completed')" 0

echo "simulate e2e: $passed passed, $failed failed"
((failed == 0))
