#!/usr/bin/env bash
# Start accuracy (issue 5, benchmark 1): PLAYS scheduled plays (default 20) through
# `loa run --output device:rec` on JACK's dummy driver, each measured by the recording
# client's onset timestamp against its scheduled instant; in the same run and the same
# JACK graph, PLAYS `aplay` starts of the same tone, each exec'd by a process that
# sleeps until its instant (through ALSA's jack plugin), as the baseline.
# Prints |offset| median and p99 for both. Goal for loa: median <= 1 ms, p99 <= 3 ms.
#
#   [LOA_BENCH_SPACING=S] bash tests/bench/playout_start_bench.sh LOA RECORDER [PLAYS]
set -uo pipefail
(($# >= 2)) || { echo "usage: $0 LOA RECORDER [PLAYS]" >&2; exit 2; }
loa=$1
export LOA_JACK_RECORDER=$2
plays=${3:-20}
# Seconds between loa's starts (aplay's come 1.5 s after each). Above 10 the player
# closes its idle stream between plays and reopens it for each: LOA_BENCH_SPACING=14
# measures the starts after a reopen.
spacing=${LOA_BENCH_SPACING:-3}
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../support/jack_session.sh
source "$here/../support/jack_session.sh"
# shellcheck source=playout_common.sh
source "$here/playout_common.sh"
for tool in sox jackd aplay python3 awk; do
    command -v "$tool" >/dev/null || { echo "'$tool' is not installed (packaging/install-deps.sh)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-start.XXXXXX")
loa_pid=""
aplay_pids=()
cleanup() {
    [[ -n $loa_pid ]] && kill -TERM "$loa_pid" 2>/dev/null && wait "$loa_pid" 2>/dev/null
    local pid
    for pid in "${aplay_pids[@]}"; do kill "$pid" 2>/dev/null; done
    return 0
}
jack_session_add_cleanup --first cleanup
[[ ${LOA_BENCH_KEEP:-0} == 1 ]] || jack_session_add_cleanup "rm -rf -- '$work'"
home=$work/home

# A 0.5 s tone starting at its peak (no leading zero sample: the onset is its first frame).
sox -D -n -r 48000 -c 2 -b 16 "$work/tone.wav" synth 0.5 sine 440 0 25 norm -6
tz=$(bench_timezone)
"$loa" --home "$home" init --code BENCH --timezone "$tz" >/dev/null
"$loa" --home "$home" import "$work/tone.wav" --id tone >/dev/null
bench_alsa_config "$work/asound.conf"

jack_start "$work/rec.wav" rec || exit 1

first=$(($(date +%s) + 8))
times=()
for ((i = 0; i < plays; i++)); do
    times+=("\"$(TZ=$tz date -d "@$((first + i * spacing))" +%H:%M:%S)\"")
done
{
    echo 'version = 1'
    echo 'title = "start accuracy"'
    echo '[[slot]]'
    echo 'id = "bench"'
    echo "dates = [$(TZ=$tz date -d "@$first" +%F)]"
    echo "at = [$(IFS=,; echo "${times[*]}")]"
    echo 'play = ["tone"]'
    echo 'priority = "normal"'
} >"$work/sched.toml"
"$loa" --home "$home" schedule load "$work/sched.toml" >/dev/null || { echo "schedule load failed" >&2; exit 1; }
if (($(date +%s) + 3 > first)); then
    echo "setup took too long; the first slot is too close" >&2
    exit 1
fi

"$loa" --home "$home" run --output device:rec </dev/null >"$work/run.out" 2>"$work/run.err" &
loa_pid=$!
for ((i = 0; i < plays; i++)); do
    instant=$((first + i * spacing + 1)).5
    echo "$instant" >>"$work/aplay.instants"
    ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:$work/asound.conf \
        bench_at "$instant" aplay -q -D default "$work/tone.wav" 2>>"$work/aplay.err" &
    aplay_pids+=($!)
done
for ((i = 0; i < plays; i++)); do echo "$((first + i * spacing))" >>"$work/loa.instants"; done

end=$((first + plays * spacing + 2))
while (($(date +%s) < end)); do sleep 0.5; done
kill -TERM "$loa_pid"
wait "$loa_pid"
loa_pid=""
wait "${aplay_pids[@]}" 2>/dev/null
aplay_pids=()
jack_stop || { echo "the recorder failed" >&2; exit 1; }

# Each onset belongs to the nearest planned instant of either kind (they are 1.5 s apart).
grep '^onset ' "$JACK_RECORDER_STDOUT" | sed 's/.*wall=//' >"$work/onsets"
match() { # INSTANTS_FILE: |onset - instant| in ms for each instant's nearest onset
    awk 'NR == FNR { o[++n] = $1; next }
         { best = 1e9; for (i = 1; i <= n; i++) { d = (o[i] - $1) * 1000; if (d < 0) d = -d; if (d < best) best = d }
           if (best < 1000) printf "%.3f\n", best; else print "missing" > "/dev/stderr" }' "$work/onsets" "$1"
}
loa_stats=$(match "$work/loa.instants" | bench_stats)
aplay_stats=$(match "$work/aplay.instants" | bench_stats)
signed=$(awk 'NR == FNR { o[++n] = $1; next }
    { best = 1e9; for (i = 1; i <= n; i++) { d = (o[i] - $1) * 1000; if ((d < 0 ? -d : d) < (best < 0 ? -best : best)) best = d }
      printf "%.3f ", best }' "$work/onsets" "$work/loa.instants")
completed=$(grep -c ' completed tone' "$work/run.out")
echo "playout_start: onsets recorded: $(wc -l <"$work/onsets") (expected $((2 * plays)))"
echo "playout_start: loa plays completed: $completed of $plays"
echo "playout_start: loa   |offset| ms: $loa_stats"
echo "playout_start: aplay |offset| ms: $aplay_stats"
echo "playout_start: loa signed offsets ms: $signed"
# The virtual device is only as punctual as this machine: when jackd's cycle or a client's
# callback is held up (a busy host, a virtual CPU descheduled), JACK reports an xrun and
# onsets near it come late, loa's and aplay's alike. Read the figures beside these counts.
awk '/JackTimedDriver::Process XRun/ { driver++ }
     /JackEngine::XRun: client = / { name = $4; sub(/\.P\.[0-9.]*$/, "", name); late[name]++ }
     END { printf "playout_start: jackd xruns: driver cycle late %d times; client callback unfinished:", driver
           if (length(late) == 0) printf " none"
           for (name in late) printf " %s %d", name, late[name]
           printf "\n" }' "$JACK_SESSION_LOG"
