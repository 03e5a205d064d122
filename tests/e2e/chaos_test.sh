#!/usr/bin/env bash
# Chaos: `loa run --output null` on a dense schedule (an item every few seconds),
# killed with SIGKILL at random moments at least 50 times and restarted each time,
# then left to finish the window. Afterwards every item of every occurrence in the
# window must have exactly one outcome row, none may be left `started`, nothing may
# be completed twice, and the hash chain must verify. Prints the counts.
#
#   bash tests/e2e/chaos_test.sh LOA [KILLS]
set -uo pipefail
(($# >= 1)) || { echo "usage: $0 LOA [KILLS]" >&2; exit 2; }
loa=$1
kills_wanted=${2:-50}
command -v sqlite3 >/dev/null || { echo "chaos: needs the sqlite3 command (packaging/install-deps.sh)" >&2; exit 1; }
command -v sox >/dev/null || { echo "chaos: needs sox (packaging/install-deps.sh)" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"
e2e_work chaos
fail() { echo "chaos: FAIL: $*"; exit 1; }

# A station whose local time is about midday (outside the default quiet hours).
zone=$(midday_zone)

"$loa" --home "$home" init --code CHAOS-01 --timezone "$zone" >/dev/null || fail "init"
sox -n -r 48000 -c 1 "$work/mot.wav" synth 1.0 sine 440 vol 0.3 || fail "sox"
sox -n -r 48000 -c 1 "$work/hai.wav" synth 1.5 sine 660 vol 0.3 || fail "sox"
"$loa" --home "$home" import "$work/mot.wav" "$work/hai.wav" >/dev/null || fail "import"

# Two interleaved slots over a 90 s window: "a" every 6 s (two items, plays late
# whenever the player comes back), "b" every 6 s, 3 s later (one item, at most 4 s late).
window=90
start=$(( $(date +%s) + 6 ))
a_times=() b_times=()
for ((t = start; t < start + window; t += 6)); do
    a_times+=("\"$(TZ=$zone date -d "@$t" +%H:%M:%S)\"")
    b_times+=("\"$(TZ=$zone date -d "@$((t + 3))" +%H:%M:%S)\"")
done
join() { local IFS=,; echo "$*"; }
cat >"$work/chaos.toml" <<TOML
version = 1
[[slot]]
id = "a"
days = ["daily"]
at = [$(join "${a_times[@]}")]
play = ["mot", "hai"]
late = "always"

[[slot]]
id = "b"
days = ["daily"]
at = [$(join "${b_times[@]}")]
play = ["mot"]
late = "4s"
TOML
"$loa" --home "$home" schedule load "$work/chaos.toml" >"$work/load.out" 2>&1 || { cat "$work/load.out"; fail "schedule load"; }
expected=$(( ${#a_times[@]} * 2 + ${#b_times[@]} ))

start_player() {
    "$loa" --home "$home" run --output null >>"$work/run.out" 2>&1 &
    player_pid=$!
}

kills=0
began=$(date +%s)
while ((kills < kills_wanted)); do
    start_player
    # A random moment: 0.05 to 2.0 s after the start (start-up, recovery, mid-item, between items).
    sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.3f", 0.05 + (r % 1950) / 1000 }')"
    kill -KILL "$player_pid" 2>/dev/null && kills=$((kills + 1))
    wait "$player_pid" 2>/dev/null
    player_pid=""
done
killing=$(( $(date +%s) - began ))

# Let a last player finish the window (and whatever waited), then stop it cleanly.
start_player
while (( $(date +%s) < start + window + 8 )); do sleep 1; done
sleep 4
kill -TERM "$player_pid"
wait "$player_pid"
status=$?
player_pid=""
((status == 0)) || fail "the player did not exit 0 on SIGTERM (exit $status)"

q() { sqlite3 "$home/loa.db" "$1"; }
items=$(q "SELECT count(*) FROM (SELECT DISTINCT slot, occurrence, position FROM plays WHERE trigger = 'scheduled')")
outcomes=$(q "SELECT count(*) FROM plays WHERE trigger = 'scheduled' AND status NOT IN ('interrupted', 'started')")
with_outcome=$(q "SELECT count(*) FROM (SELECT DISTINCT slot, occurrence, position FROM plays
                  WHERE trigger = 'scheduled' AND status NOT IN ('interrupted', 'started'))")
started=$(q "SELECT count(*) FROM plays WHERE status = 'started'")
twice=$(q "SELECT count(*) FROM (SELECT 1 FROM plays WHERE status = 'completed'
           GROUP BY slot, occurrence, position HAVING count(*) > 1)")
by_status=$(q "SELECT group_concat(status || '=' || n, ' ') FROM (SELECT status, count(*) AS n FROM plays GROUP BY status)")
resumed_attempts=$(q "SELECT count(*) FROM (SELECT 1 FROM plays WHERE status = 'interrupted'
                      GROUP BY slot, occurrence, position)")

echo "chaos: $kills SIGKILLs in ${killing}s; window ${window}s, $expected items expected"
echo "chaos: items seen $items, with an outcome $with_outcome, outcome rows $outcomes"
echo "chaos: rows by status: $by_status"
echo "chaos: items interrupted at least once and retried: $resumed_attempts"
echo "chaos: left started: $started; items completed twice: $twice"

((kills >= kills_wanted)) || fail "only $kills kills"
((items == expected)) || fail "$items items in the log, $expected in the window"
((with_outcome == expected)) || fail "$with_outcome of $expected items have an outcome"
((outcomes == expected)) || fail "$outcomes outcome rows for $expected items (an item has two)"
((started == 0)) || fail "$started rows left started"
((twice == 0)) || fail "$twice items completed twice"
"$loa" --home "$home" verify >"$work/verify.out" 2>&1 || { cat "$work/verify.out"; fail "loa verify"; }
echo "chaos: the hash chain verifies"
echo "chaos: PASS"
