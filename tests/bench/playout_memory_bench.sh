#!/usr/bin/env bash
# Peak memory of `loa run` on a station PC's kind of sound system (issue 5, benchmark 2's
# RSS goal): ALSA, no JACK server. A machine without a sound card stands in for one with
# an ALSA device of the null plugin (it takes samples as fast as they come, so only the
# memory figures mean anything here, not CPU or timing). Three runs of a 60-second
# 44.1 kHz stereo file:
#   null output        no sound system at all (loa's floor);
#   ALSA               the system's ALSA configuration as it is installed here;
#   ALSA, no plugins   without /etc/alsa/conf.d, i.e. as on a PC without the
#                      libasound2-plugins package (pulse, jack, ... devices), whose
#                      libraries PortAudio's device scan otherwise loads (not a52's:
#                      loa leaves that device out of the scan).
# The JACK device's figure (JACK's shared memory included) is playout_cpu_bench.sh's.
# Each peak is split by peak_memory.py; goal < 30 MB.
#
#   bash tests/bench/playout_memory_bench.sh LOA
set -uo pipefail
(($# >= 1)) || { echo "usage: $0 LOA" >&2; exit 2; }
loa=$1
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=playout_common.sh
source "$here/playout_common.sh"
for tool in sox python3 awk; do
    command -v "$tool" >/dev/null || { echo "'$tool' is not installed (packaging/install-deps.sh)" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/loa-bench-memory.XXXXXX")
loa_pid=""
runs=0
cleanup() {
    [[ -n $loa_pid ]] && kill -TERM "$loa_pid" 2>/dev/null && wait "$loa_pid" 2>/dev/null
    [[ ${LOA_BENCH_KEEP:-0} == 1 ]] || rm -rf -- "$work"
}
trap cleanup EXIT
# No JACK server may be started, or used if one runs: this is the ALSA-only case.
export JACK_NO_START_SERVER=1 JACK_DEFAULT_SERVER=loa-memory-bench-none

sox -D -n -r 44100 -c 2 -b 16 "$work/minute.wav" synth 60 pinknoise vol -20dB
tz=$(bench_timezone)
"$loa" --home "$work/home" init --code BENCH --timezone "$tz" >/dev/null
"$loa" --home "$work/home" import "$work/minute.wav" --id minute >/dev/null || { echo "import failed" >&2; exit 1; }
echo 'pcm.station { type null }' >"$work/station.conf"
sed '\|"/etc/alsa/conf.d"|d' /usr/share/alsa/alsa.conf >"$work/alsa-no-plugins.conf"

# measure LABEL OUTPUT ALSA_CONFIG_PATH: one play of the file; prints the split peak.
measure() {
    local label=$1 output=$2 config=$3 home=$work/home-$((++runs)) at
    cp -a "$work/home" "$home"
    at=$(($(date +%s) + 3))
    bench_one_play "$work/sched.toml" "$tz" "$at" minute
    "$loa" --home "$home" schedule load "$work/sched.toml" >/dev/null || exit 1
    ALSA_CONFIG_PATH=$config "$loa" --home "$home" run --output "$output" </dev/null \
        >"$work/run.out" 2>"$work/run.err" &
    loa_pid=$!
    python3 "$here/peak_memory.py" "$loa_pid" "$work/$label.mem" &
    local sampler=$!
    bench_wait_completed "$work/run.out" minute 90 ||
        { echo "playout_memory: $label: the play did not complete:" >&2; cat "$work/run.err" >&2; }
    kill -TERM "$loa_pid"
    wait "$loa_pid"
    loa_pid=""
    wait "$sampler"
    bench_memory_split playout_memory "$label" "$work/$label.mem"
}
measure "null output" null /usr/share/alsa/alsa.conf
measure "ALSA" device:station "/usr/share/alsa/alsa.conf:$work/station.conf"
measure "ALSA, no plugins" device:station "$work/alsa-no-plugins.conf:$work/station.conf"
echo "playout_memory: goal < 30 MB"
