#!/usr/bin/env bash
# Playout cost (issue 5, benchmark 2): `loa run --output device:rec` plays a MINUTES-long
# (default 60) 44.1 kHz stereo file to the 48 kHz JACK dummy device (decode, resample with
# libsamplerate, loudness gain, fades), while in the same run `aplay` plays a copy that sox
# resampled to 48 kHz beforehand, through ALSA's jack plugin into the same device. Both
# under /usr/bin/time: CPU seconds (user + system) and peak RSS. JACK's dummy driver runs
# in real time, so this takes MINUTES minutes. Goals: loa within 2x aplay's CPU; peak
# RSS under 30 MB. A JACK client maps the server's shared memory (~40 MB with the test
# server's 64 ports), which counts in its RSS, aplay's too; so in the same run a second
# `loa run --output null` (paced by the clock, same file, same work but no device) shows
# loa's own peak RSS and the cost of decoding, resampling and gain alone.
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
    for pid in $time_pid $null_time_pid; do
        child=$(ps -o pid= --ppid "$pid" 2>/dev/null | tr -d ' ')
        [[ -n $child ]] && kill -TERM "$child" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    [[ -n $aplay_pid ]] && kill "$aplay_pid" 2>/dev/null
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
cat >"$work/sched.toml" <<EOT
version = 1
title = "cpu"
[[slot]]
id = "cpu"
dates = [$(TZ=$tz date -d "@$at" +%F)]
at = ["$(TZ=$tz date -d "@$at" +%H:%M:%S)"]
play = ["hour"]
priority = "normal"
EOT
"$loa" --home "$home" schedule load "$work/sched.toml" >/dev/null || exit 1

cp -a "$home" "$work/home-null"
/usr/bin/time -f '%e %U %S %M' -o "$work/null.time" \
    "$loa" --home "$work/home-null" run --output null </dev/null >"$work/null.out" 2>"$work/null.err" &
null_time_pid=$!
/usr/bin/time -f '%e %U %S %M' -o "$work/loa.time" \
    "$loa" --home "$home" run --output device:rec </dev/null >"$work/run.out" 2>"$work/run.err" &
time_pid=$!
ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:$work/asound.conf \
    bench_at "$at" /usr/bin/time -f '%e %U %S %M' -o "$work/aplay.time" \
    aplay -q -D default "$work/hour48.wav" 2>"$work/aplay.err" &
aplay_pid=$!

end=$((at + seconds + 3))
while (($(date +%s) < end)); do
    grep -q ' completed hour' "$work/run.out" && break
    sleep 2
done
loa_pid=$(ps -o pid= --ppid "$time_pid" | tr -d ' ')
kill -TERM "$loa_pid"
wait "$time_pid"
time_pid=""
for _ in $(seq 30); do grep -q ' completed hour' "$work/null.out" && break; sleep 1; done
kill -TERM "$(ps -o pid= --ppid "$null_time_pid" | tr -d ' ')"
wait "$null_time_pid"
null_time_pid=""
wait "$aplay_pid"
aplay_pid=""
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
    printf "playout_cpu: loa/aplay cpu ratio=%.2f (goal <= 2); loa peak RSS goal < 30 MB\n", (ac > 0 ? lc / ac : 0)
}'
grep ' hour' "$work/run.out" | sed 's/^/playout_cpu: loa: /'
grep ' hour' "$work/null.out" | sed 's/^/playout_cpu: loa null: /'
"$loa" --home "$home" log 2>/dev/null | tail -n 3 | sed 's/^/playout_cpu: log: /'
