#!/usr/bin/env bash
# Idle benchmark (issue 6): `loa run --output null` on a station whose next slot is
# about 23 hours away. Over a measured idle period it prints the player's wake-ups
# per minute (context switches of all its threads, /proc/PID/task/*/status), its CPU
# use (/proc/PID/stat utime+stime) and its resident memory (VmRSS). Targets: under
# 0.1 % CPU and 20 MB RSS, and no periodic polling. Prints figures; fails only if
# the player does not run.
#
#   bash tests/bench/idle_bench.sh LOA [SECONDS]
set -euo pipefail
(($# >= 1)) || { echo "usage: $0 LOA [SECONDS]" >&2; exit 2; }
loa=$1
seconds=${2:-60}
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

"$loa" --home "$home" run --output null >"$work/run.out" 2>&1 &
pid=$!
sleep 3 # start-up: open the output, recover, read the schedule
kill -0 "$pid" 2>/dev/null || { cat "$work/run.out"; echo "idle-bench: the player did not start" >&2; exit 1; }

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

awk -v s0="$switches_before" -v s1="$switches_after" -v c0="$ticks_before" -v c1="$ticks_after" \
    -v t0="$t0" -v t1="$t1" -v hz="$hz" -v rss="$rss_kb" -v threads="$threads" 'BEGIN {
    elapsed = t1 - t0
    printf "idle period:     %.1f s (next slot ~23 h away), %d threads\n", elapsed, threads
    printf "wake-ups:        %.1f per minute (%d context switches)\n", (s1 - s0) * 60 / elapsed, s1 - s0
    printf "CPU:             %.4f %% (%d ticks of 1/%d s; target < 0.1 %%)\n", (c1 - c0) / hz / elapsed * 100, c1 - c0, hz
    printf "RSS:             %.1f MB (target < 20 MB)\n", rss / 1024
}'
