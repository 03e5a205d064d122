#!/usr/bin/env bash
# Idle benchmark (issues 6 and 16): `loa run --output null` on a station whose next slot
# is about 23 hours away, with no systemd watchdog (whose heartbeat would be the one
# periodic wake-up). Once the player has settled (a second without a context switch,
# at most 20 s), it prints, over a measured idle period, the player's wake-ups per
# minute (context switches of all its threads, /proc/PID/task/*/status), its CPU use
# (/proc/PID/stat utime+stime) and its resident memory (VmRSS). Targets: 0 wake-ups,
# under 0.1 % CPU and 20 MB RSS. Afterwards the player must still answer `loa status`
# and stop on SIGTERM with exit 0.
#
# Prints figures and fails only if the player does not run, unless MAX_SWITCHES is
# given: then it also fails when the period had more context switches than that (the
# test "e2e: idle player" runs it so; a count, not a timing).
#
#   bash tests/bench/idle_bench.sh LOA [SECONDS [MAX_SWITCHES]]
set -euo pipefail
(($# >= 1)) || { echo "usage: $0 LOA [SECONDS [MAX_SWITCHES]]" >&2; exit 2; }
loa=$1
seconds=${2:-60}
max_switches=${3:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-idle.XXXXXX")
pid=""
cleanup() {
    [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
home="$work/home"

# A station whose local time is about midday (outside the default quiet hours).
h=$(date -u +%H); o=$((12 - 10#$h))
if ((o > 0)); then zone="Etc/GMT-$o"; elif ((o < 0)); then zone="Etc/GMT+$((-o))"; else zone="Etc/GMT"; fi
"$loa" --home "$home" init --code IDLE-01 --timezone "$zone" >/dev/null
sox -n -r 48000 -c 1 "$work/mot.wav" synth 1.0 sine 440 vol 0.3
"$loa" --home "$home" import "$work/mot.wav" >/dev/null
# One slot an hour before now (station time), so the next occurrence is ~23 h away; it is
# daily with "late = 0", so today's passed one is logged missed and then all is quiet.
at=$(TZ=$zone date -d '-1 hour' +%H:%M)
cat >"$work/idle.toml" <<TOML
version = 1
[[slot]]
id = "xa"
days = ["daily"]
at = ["$at"]
play = ["mot"]
late = "0"
TOML
"$loa" --home "$home" schedule load "$work/idle.toml" >/dev/null

# No watchdog: its heartbeat is the one wake-up an idle player is meant to have.
env -u NOTIFY_SOCKET -u WATCHDOG_USEC -u WATCHDOG_PID \
    "$loa" --home "$home" run --output null >"$work/run.out" 2>&1 &
pid=$!

switches() {
    local total=0 v n
    for status in /proc/"$pid"/task/*/status; do
        v=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "$status" 2>/dev/null || echo 0)
        n=$(awk '/^nonvoluntary_ctxt_switches/ { print $2 }' "$status" 2>/dev/null || echo 0)
        total=$((total + ${v:-0} + ${n:-0}))
    done
    echo "$total"
}
cpu_ticks() { awk '{ print $14 + $15 }' /proc/"$pid"/stat; }
alive() { kill -0 "$pid" 2>/dev/null || { cat "$work/run.out"; echo "idle-bench: the player is not running" >&2; exit 1; }; }

# Start-up (open the output, recover, read the schedule, log the passed slot missed):
# settled once the schedule is active and a whole second passes without a switch.
settle_start=$SECONDS
while ((SECONDS - settle_start < 20)); do
    sleep 1
    alive
    grep -q "is active" "$work/run.out" || continue
    a=$(switches); sleep 1; b=$(switches)
    ((a == b)) && break
done
alive
switches_before=$(switches)
ticks_before=$(cpu_ticks)
t0=$(date +%s.%N)
sleep "$seconds"
t1=$(date +%s.%N)
switches_after=$(switches)
ticks_after=$(cpu_ticks)
threads=$(ls /proc/"$pid"/task | wc -l)
rss_kb=$(awk '/^VmRSS/ { print $2 }' /proc/"$pid"/status)
hz=$(getconf CLK_TCK)
alive

awk -v s0="$switches_before" -v s1="$switches_after" -v c0="$ticks_before" -v c1="$ticks_after" \
    -v t0="$t0" -v t1="$t1" -v hz="$hz" -v rss="$rss_kb" -v threads="$threads" 'BEGIN {
    elapsed = t1 - t0
    printf "idle period:     %.1f s (next slot ~23 h away, no watchdog), %d threads\n", elapsed, threads
    printf "wake-ups:        %.1f per minute (%d context switches; target 0)\n", (s1 - s0) * 60 / elapsed, s1 - s0
    printf "CPU:             %.4f %% (%d ticks of 1/%d s; target < 0.1 %%)\n", (c1 - c0) / hz / elapsed * 100, c1 - c0, hz
    printf "RSS:             %.1f MB (target < 20 MB)\n", rss / 1024
}'

# Still alive, not merely asleep: it answers and stops cleanly.
"$loa" --home "$home" status >"$work/status.out" 2>&1 || {
    cat "$work/status.out" "$work/run.out"; echo "idle-bench: the idle player did not answer loa status" >&2; exit 1; }
kill -TERM "$pid"
code=0
wait "$pid" || code=$?
pid=""
((code == 0)) || { cat "$work/run.out"; echo "idle-bench: the player exited $code on SIGTERM" >&2; exit 1; }

if [[ -n $max_switches ]]; then
    count=$((switches_after - switches_before))
    if ((count > max_switches)); then
        echo "FAIL: $count context switches of the idle player in ${seconds} s (at most $max_switches):" \
             "some thread polls (a timed wait, a sleep loop)" >&2
        exit 1
    fi
    echo "ok: $count context switches of the idle player in ${seconds} s (at most $max_switches)"
fi
