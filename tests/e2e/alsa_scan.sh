#!/usr/bin/env bash
# PortAudio's device scan leaves out ALSA's AC-3 encoder device "a52" (libasound2-plugins):
# opening it would load libavcodec and some sixty codec libraries into the player
# (src/playout/port_audio_session.cpp). The dynamic loader's own log (LD_DEBUG=files)
# shows every library a process loads:
#   control   aplay opening "a52" loads its plugin, so the log would show it;
#   loa       `loa devices` and a play by `loa run` through an ALSA device (ALSA's null
#             plugin, as the machine has no card) still find the device, and load neither
#             the a52 plugin nor libavcodec.
#
#   bash tests/e2e/alsa_scan.sh LOA
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"

(($# == 1)) || { echo "usage: $0 LOA" >&2; exit 2; }
loa=$1
[[ -x $loa ]] || fail "not an executable: $loa"
for tool in aplay sox; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed (packaging/install-deps.sh)"
done
plugin=$(find /usr/lib -name libasound_module_pcm_a52.so -print -quit 2>/dev/null)
[[ -n $plugin ]] || fail "ALSA's a52 plugin is not installed (packaging/install-deps.sh: libasound2-plugins)"

work=$(mktemp -d "${TMPDIR:-/tmp}/loa-alsa-scan.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
# No JACK server: this is a station's ALSA-only sound system.
export JACK_NO_START_SERVER=1 JACK_DEFAULT_SERVER=loa-alsa-scan-none
echo 'pcm.station { type null }' >"$work/station.conf"
export ALSA_CONFIG_PATH="/usr/share/alsa/alsa.conf:$work/station.conf"
grep -q '^pcm\.a52' /etc/alsa/conf.d/*.conf /usr/share/alsa/alsa.conf.d/*.conf 2>/dev/null ||
    fail "the ALSA configuration defines no a52 device (libasound2-plugins' 60-a52-encoder.conf)"

# loaded LOG NAME: whether the loader's log shows a library NAME being loaded.
loaded() { grep -q "file=[^ ]*$2" "$1"; }

LD_DEBUG=files aplay -q -D a52 -t raw -d 1 /dev/zero >/dev/null 2>"$work/aplay.log"
loaded "$work/aplay.log" libasound_module_pcm_a52.so ||
    { show_file "aplay's loader log" "$work/aplay.log"; fail "control: the loader log of aplay -D a52 does not show the a52 plugin"; }
note "control: aplay -D a52 loads $(basename "$plugin")"

LD_DEBUG=files "$loa" devices >"$work/devices.out" 2>"$work/devices.log" ||
    { show_file "loa devices" "$work/devices.out"; fail "loa devices failed"; }
grep -q "station" "$work/devices.out" || { show_file "loa devices" "$work/devices.out"; fail "loa devices does not list the ALSA device 'station'"; }
for library in libasound_module_pcm_a52.so libavcodec; do
    ! loaded "$work/devices.log" "$library" || fail "loa devices loaded $library"
done
note "loa devices: lists 'station', loads neither the a52 plugin nor libavcodec"

home=$work/home
"$loa" --home "$home" init --code SCAN --timezone UTC >/dev/null || fail "loa init failed"
sox -D -n -r 48000 -c 1 -b 16 "$work/tone.wav" synth 1 sine 1000 vol -20dB || fail "sox failed"
"$loa" --home "$home" import "$work/tone.wav" --id tone >/dev/null || fail "loa import failed"
# As an emergency, so that it plays whatever the hour (quiet hours).
LD_DEBUG=files "$loa" --home "$home" play tone --priority emergency --output device:station >"$work/play.out" 2>"$work/play.log" ||
    { show_file "loa play" "$work/play.out"; fail "loa play through the ALSA device failed"; }
for library in libasound_module_pcm_a52.so libavcodec; do
    ! loaded "$work/play.log" "$library" || fail "loa play loaded $library"
done
note "loa play through device:station: $(tail -n 1 "$work/play.out"); loaded neither the a52 plugin nor libavcodec"
echo "alsa_scan: all passed"
