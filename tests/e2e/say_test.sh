#!/usr/bin/env bash
# loa say on a fresh station: a typed notice becomes an announcement (measured at the
# station's loudness, its text kept beside it, shown by loa show), an unknown voice
# is refused, a failing [tts] command falls back to espeak-ng with a warning naming
# it, a working one is used, and --play plays the notice at once through loa play's
# path (into a WAV file here), logged.
#
#   bash tests/e2e/say_test.sh LOA
set -uo pipefail
(($# == 1)) || { echo "usage: $0 LOA" >&2; exit 2; }
loa=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/e2e_helpers.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-say.XXXXXX")
trap 'rm -rf "$work"' EXIT
home="$work/home"
say() { "$loa" --home "$home" say "$@"; }

# A station whose local time is about midday (outside quiet hours), whatever the hour.
h=$(date -u +%H); o=$((12 - 10#$h))
if ((o > 0)); then zone="Etc/GMT-$o"; elif ((o < 0)); then zone="Etc/GMT+$((-o))"; else zone="Etc/GMT"; fi
"$loa" --home "$home" init --code SAY-01 --name "Đài thử" --timezone "$zone" >/dev/null || fail "init failed"

text="UBND xã thông báo: ngày 17/7/2020 lúc 06:15 bão số 2 đổ bộ, gió 60 km/h. Bà con chú ý!"
say "$text" --id bao-so-2 --title "Bão số 2" >"$work/say.out" 2>"$work/say.err" ||
    { show_file "loa say" "$work/say.err"; fail "loa say failed"; }
grep -q '^bao-so-2	' "$work/say.out" || { show_file "loa say" "$work/say.out"; fail "loa say did not print the id"; }
"$loa" --home "$home" show bao-so-2 --json >"$work/show.json" || fail "loa show --json failed"
python3 - "$work/show.json" "$text" <<'PY' || fail "the stored notice is not as it should be"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["spoken_text"] == sys.argv[2], a["spoken_text"]
assert not a["silent"], "silent"
assert abs(a["loudness_lufs"] - -16.0) < 0.5, a["loudness_lufs"]
assert a["true_peak_dbtp"] <= -1.0, a["true_peak_dbtp"]
assert 4000 < a["duration_ms"] < 20000, a["duration_ms"]
print(f'measured: {a["duration_ms"] / 1000:.1f} s, {a["loudness_lufs"]:.1f} LUFS, true peak {a["true_peak_dbtp"]:.1f} dBTP')
PY
"$loa" --home "$home" show bao-so-2 | grep -qF "$text" || fail "loa show does not show the text"

# The same notice again is the same content: already in the library.
say "$text" --id bao-so-2 >/dev/null 2>&1 || fail "saying the same notice again failed"

# From a file, with the southern voice; an id from its first words.
printf 'Thông báo lịch tiêm chủng\nTừ 01/4 đến 5/4 tại trạm y tế.\n' >"$work/notice.txt"
say --file "$work/notice.txt" --voice vi-VN-x-south >"$work/file.out" 2>&1 ||
    { show_file "loa say --file" "$work/file.out"; fail "loa say --file failed"; }
grep -q '^thong-bao-lich-tiem-chung	' "$work/file.out" || { show_file "loa say --file" "$work/file.out"; fail "no id from the first words"; }

# An unknown voice is refused, naming it.
say "Xin chào" --voice en >"$work/voice.out" 2>&1 && fail "an unknown voice was accepted"
grep -q "'en'\|vi|vi-VN-x-central" "$work/voice.out" || { show_file "loa say --voice en" "$work/voice.out"; fail "the refusal does not name the voice"; }

# A [tts] command that fails: espeak-ng reads, and a warning names the command.
grep -q '^\[tts\]' "$home/station.toml" || printf '\n[tts]\n' >>"$home/station.toml"
sed -i 's|^\[tts\]$|[tts]\ncommand = "exit 7"|' "$home/station.toml"
say "Thông báo khẩn" --id khan >"$work/fallback.out" 2>"$work/fallback.err" ||
    { show_file "loa say" "$work/fallback.err"; fail "loa say with a failing command failed"; }
grep -q 'exit 7' "$work/fallback.err" && grep -q 'espeak-ng' "$work/fallback.err" ||
    { show_file "loa say" "$work/fallback.err"; fail "no warning naming the failing command"; }
grep -q '^khan	' "$work/fallback.out" || fail "the fallback did not store the notice"

# A [tts] command that works (sox writes the WAV): its sound is stored, 2.0 s long.
sed -i 's|^command = .*|command = "cat >/dev/null; sox -n -r 16000 -c 1 -b 16 -t wav - synth 2 sine 300 vol 0.3"|' "$home/station.toml"
say "Thông báo" --id giong-ngoai >"$work/command.out" 2>"$work/command.err" ||
    { show_file "loa say" "$work/command.err"; fail "loa say with a working command failed"; }
[[ ! -s $work/command.err ]] || { show_file "loa say" "$work/command.err"; fail "a working command gave a warning"; }
"$loa" --home "$home" show giong-ngoai --json | grep -q '"duration_ms":2000' || fail "the command's WAV was not the one stored"
sed -i '/^command = /d' "$home/station.toml"

# --play: plays it at once, as loa play does, and the play log has it.
say "Loa thử" --id loa-thu --play --output "wav:$work/played.wav" >"$work/play.out" 2>&1 ||
    { show_file "loa say --play" "$work/play.out"; fail "loa say --play failed"; }
peak=$(sox "$work/played.wav" -n stats 2>&1 | awk '/^Pk lev dB/ {print $4}')
awk -v p="$peak" 'BEGIN {exit !(p > -20)}' || fail "the played notice is silent (peak $peak dB)"
"$loa" --home "$home" log --json | grep -q '"announcement":"loa-thu"' || fail "the play is not in the log"
note "loa say: all checks passed"
