#!/usr/bin/env bash
# Playout cost (issue 5, benchmark 2): `loa run --output device:rec` plays a MINUTES-long
# (default 60) 44.1 kHz stereo file to the 48 kHz JACK dummy device (decode, resample with
# soxr, loudness gain, fades); then, alone on the same server, `aplay` plays a copy that
# sox resampled to 48 kHz beforehand, through ALSA's jack plugin into the same device.
# One after the other, not together: two clients of one JACK graph wake each other and
# share two cores, which skews both figures (measured together, the ratio wandered from
# 1.7 to 2.6 between runs; alone, each JACK thread costs the same). Each under
# /usr/bin/time for CPU seconds (user + system) and peak RSS; the whole run takes twice
# MINUTES. Beside the device run, a second `loa run --output null` (paced by the clock,
# same file, same decoding, resampling and gain, no device) shows what playing costs
# without a sound system; it competes with the device run for the CPU, so it can only
# make loa's figure worse.
# Goals: loa within 2x aplay's CPU; peak RSS under 30 MB. Peak RSS is split
# (tests/bench/peak_memory.py) into loa's own memory (anon), its program and linked
# libraries, libraries the sound system loads at run time (PortAudio's device scan opens
# every ALSA plugin device defined, e.g. a52 which pulls in libavcodec), and the JACK
# server's shared memory (~40 MB here, locked into every client of a real-time server;
# aplay maps it too).
#
#   bash tests/bench/playout_cpu_bench.sh LOA RECORDER [MINUTES]
set -uo pipefail
(($# >= 2)) || { echo "usage: $0 LOA RECORDER [MINUTES]" >&2; exit 2; }
loa=$1
export LOA_JACK_RECORDER=$2
minutes=${3:-60}
seconds=$((minutes * 60))
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../support/jack_session.sh
source "$here/../support/jack_session.sh"
# shellcheck source=playout_common.sh
source "$here/playout_common.sh"
for tool in sox jackd aplay python3 awk /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "'$tool' is not installed (packaging/install-deps.sh)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-cpu.XXXXXX")
time_pid=""
null_time_pid=""
aplay_pid=""
cleanup() {
    local pid child
    for pid in $time_pid $null_time_pid $aplay_pid; do
        child=$(ps -o pid= --ppid "$pid" 2>/dev/null | tr -d ' ')
        [[ -n $child ]] && kill -TERM "$child" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    return 0
}
jack_session_add_cleanup --first cleanup
[[ ${LOA_BENCH_KEEP:-0} == 1 ]] || jack_session_add_cleanup "rm -rf -- '$work'"
home=$work/home

# Programme-like material: pink noise at -20 dBFS with a 3 Hz level change.
sox -D -n -r 44100 -c 2 -b 16 "$work/hour.wav" synth "$seconds" pinknoise vol -20dB tremolo 3 40
sox -D "$work/hour.wav" -r 48000 "$work/hour48.wav"
tz=$(bench_timezone)
"$loa" --home "$home" init --code BENCH --timezone "$tz" >/dev/null
echo "playout_cpu: importing the ${minutes}-minute file..."
"$loa" --home "$home" import "$work/hour.wav" --id hour >/dev/null || { echo "import failed" >&2; exit 1; }
bench_alsa_config "$work/asound.conf"
# Keep the work directory small: the library holds its own copy.
rm -f "$work/hour.wav"

jack_start "$work/rec.wav" rec || exit 1
# The recording itself is not needed (and would be 1.4 GB an hour).
at=$(($(date +%s) + 10))
bench_one_play "$work/sched.toml" "$tz" "$at" hour
"$loa" --home "$home" schedule load "$work/sched.toml" >/dev/null || exit 1

# child_of PID: the process /usr/bin/time started.
child_of() {
    local child="" _
    for _ in $(seq 50); do
        child=$(ps -o pid= --ppid "$1" | tr -d ' ')
        [[ -n $child ]] && break
        sleep 0.1
    done
    echo "$child"
}
# Phase 1: loa to the device, and loa to null beside it.
cp -a "$home" "$work/home-null"
/usr/bin/time -f '%e %U %S %M' -o "$work/null.time" \
    "$loa" --home "$work/home-null" run --output null </dev/null >"$work/null.out" 2>"$work/null.err" &
null_time_pid=$!
/usr/bin/time -f '%e %U %S %M' -o "$work/loa.time" \
    "$loa" --home "$home" run --output device:rec </dev/null >"$work/run.out" 2>"$work/run.err" &
time_pid=$!
python3 "$here/peak_memory.py" "$(child_of "$time_pid")" "$work/loa.mem" &
samplers=($!)
python3 "$here/peak_memory.py" "$(child_of "$null_time_pid")" "$work/null.mem" &
samplers+=($!)
echo "playout_cpu: loa plays ${minutes} min to the device (and to null beside it)..."
bench_wait_completed "$work/run.out" hour $((at + seconds + 20 - $(date +%s)))
kill -TERM "$(child_of "$time_pid")"
wait "$time_pid"
time_pid=""
bench_wait_completed "$work/null.out" hour 30
kill -TERM "$(child_of "$null_time_pid")"
wait "$null_time_pid"
null_time_pid=""

# Phase 2: aplay alone on the same server, from its own start for the same length.
echo "playout_cpu: aplay plays the pre-resampled copy..."
ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:$work/asound.conf \
    /usr/bin/time -f '%e %U %S %M' -o "$work/aplay.time" \
    aplay -q -D default "$work/hour48.wav" 2>"$work/aplay.err" &
aplay_pid=$!
python3 "$here/peak_memory.py" "$(child_of "$aplay_pid")" "$work/aplay.mem" &
samplers+=($!)
wait "$aplay_pid"
aplay_pid=""
wait "${samplers[@]}"
jack_stop >/dev/null 2>&1

read -r loa_wall loa_user loa_sys loa_kb <"$work/loa.time"
read -r aplay_wall aplay_user aplay_sys aplay_kb <"$work/aplay.time"
read -r null_wall null_user null_sys null_kb <"$work/null.time"
awk -v lw="$loa_wall" -v lu="$loa_user" -v ls="$loa_sys" -v lk="$loa_kb" \
    -v aw="$aplay_wall" -v au="$aplay_user" -v as="$aplay_sys" -v ak="$aplay_kb" -v m="$minutes" \
    -v nw="$null_wall" -v nu="$null_user" -v ns="$null_sys" -v nk="$null_kb" 'BEGIN {
    lc = lu + ls; ac = au + as
    printf "playout_cpu: %d min of 44.1 kHz stereo to the 48 kHz device\n", m
    printf "playout_cpu: loa   cpu_s=%.2f (user %.2f sys %.2f) wall_s=%.0f peak_rss_mb=%.1f\n", lc, lu, ls, lw, lk / 1024
    printf "playout_cpu: aplay cpu_s=%.2f (user %.2f sys %.2f) wall_s=%.0f peak_rss_mb=%.1f (pre-resampled copy)\n", ac, au, as, aw, ak / 1024
    printf "playout_cpu: loa --output null cpu_s=%.2f (user %.2f sys %.2f) wall_s=%.0f peak_rss_mb=%.1f (no device)\n", nu + ns, nu, ns, nw, nk / 1024
    printf "playout_cpu: loa/aplay cpu ratio=%.2f (goal <= 2); loa peak RSS goal < 30 MB, without the JACK server'"'"'s shared memory that every JACK client maps (aplay too)\n", (ac > 0 ? lc / ac : 0)
}'
for who in loa aplay null; do
    [[ -s $work/$who.mem ]] || continue
    bench_memory_split playout_cpu "$who" "$work/$who.mem"
done
grep ' hour' "$work/run.out" | sed 's/^/playout_cpu: loa: /'
grep ' hour' "$work/null.out" | sed 's/^/playout_cpu: loa null: /'
"$loa" --home "$home" log 2>/dev/null | tail -n 3 | sed 's/^/playout_cpu: log: /'
