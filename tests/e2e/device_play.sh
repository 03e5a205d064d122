#!/usr/bin/env bash
# End-to-end device test: a scheduled play goes out through PortAudio, on time and exact.
#
# "Exact" means: the recording is the expected render of the tone, sample for sample
# (within 1e-6, float rounding): the source with the player's 10 ms boundary fades and
# one constant gain. That gain is the loudness normalisation (station target -16 LUFS
# minus the tone's measured loudness, capped so the true peak stays at -1 dBTP); the
# test cannot know it to the last bit (loa prints levels to 0.01 dB), so it fits it by
# least squares (wav_compare --fit-gain) and checks the fitted value against the one
# computed from `loa list --json` to 0.02 dB. A level that is wrong, or any damage,
# timing slip or missing tail, still fails.
#
#   bash tests/e2e/device_play.sh LOA RECORDER WAV_COMPARE
#
# A private JACK server (dummy driver: real-time pacing, no sound card) with a recording
# client "rec" stands in for the sound card. A station whose time zone puts "now" at
# about midday (never in quiet hours) gets a 3 s test tone and a schedule with one slot a
# few seconds ahead; `loa run --output device:rec` must play it, exactly (see above),
# once, and log it as completed. Prints what it measured; exits non-zero with a FAIL line on any problem.
#
# Environment: LOA_E2E_LEAD_S (default 6) seconds between "now" and the slot;
# LOA_E2E_KEEP=1 keeps the work directory.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"

(($# == 3)) || { echo "usage: $0 LOA RECORDER WAV_COMPARE" >&2; exit 2; }
loa=$1
export LOA_JACK_RECORDER=$2
wav_compare=$3
for exe in "$loa" "$LOA_JACK_RECORDER" "$wav_compare"; do
    [[ -x $exe ]] || fail "not an executable: $exe"
done
for tool in sox soxi jackd jack_wait date awk; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed (apt-get install sox jackd2)"
done

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../support/jack_session.sh
source "$here/../support/jack_session.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-device.XXXXXX") || fail "mktemp failed"
loa_pid=""
# On any exit (a failure, ctest's timeout signal, ^C) no player may be left running.
stop_loa() {
    if [[ -n $loa_pid ]] && kill -0 "$loa_pid" 2>/dev/null; then
        kill -TERM "$loa_pid" 2>/dev/null
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$loa_pid" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$loa_pid" 2>/dev/null; then
            printf 'loa (pid %s) ignored SIGTERM for 2 s; killing it\n' "$loa_pid" >&2
            kill -KILL "$loa_pid" 2>/dev/null
        fi
        wait "$loa_pid" 2>/dev/null
    fi
    loa_pid=""
}
jack_session_add_cleanup --first stop_loa
if [[ ${LOA_E2E_KEEP:-0} == 1 ]]; then
    note "work directory kept: $work"
else
    jack_session_add_cleanup "rm -rf -- '$work'"
fi
home=$work/home
lead_s=${LOA_E2E_LEAD_S:-6}
[[ $lead_s =~ ^[1-9][0-9]*$ ]] || fail "LOA_E2E_LEAD_S must be a whole number of seconds (got '$lead_s')"

# loa_ok WHAT ARGS...: run loa, fail with its output if it does not exit 0.
loa_ok() {
    local what=$1
    shift
    "$loa" --home "$home" "$@" >"$work/cmd.out" 2>"$work/cmd.err"
    local rc=$?
    if ((rc != 0)); then
        show_file "stdout" "$work/cmd.out"
        show_file "stderr" "$work/cmd.err"
        fail "$what: 'loa --home H $*' exited with status $rc"
    fi
}

# The test signal.
# 3 s, 48 kHz, stereo, 16-bit: 440 Hz left, 660 Hz right, both starting at their peak
# (cosine phase: no leading zero sample), 2 Hz tremolo for structure, peak -6 dBFS.
tone=$work/tone.wav
sox -D -n -r 48000 -c 2 -b 16 "$tone" synth 3 sine 440 0 25 sine 660 0 25 tremolo 2 40 norm -6 ||
    fail "sox could not make the test signal"
tone_frames=$(soxi -s "$tone") || fail "soxi could not read $tone"
tone_seconds=$(awk -v f="$tone_frames" 'BEGIN { printf "%d", (f + 47999) / 48000 }')
self=$("$wav_compare" "$tone" "$tone") || fail "wav_compare of the tone against itself failed: $self"
grep -qx 'offset_frames=0' <<<"$self" || fail "the test signal does not start with a non-zero sample: $self"

# A station whose local time is about midday.
utc_hour=$(date -u +%H)
offset=$((12 - 10#$utc_hour))
if ((offset > 0)); then
    tz="Etc/GMT-$offset"
elif ((offset < 0)); then
    tz="Etc/GMT+$((-offset))"
else
    tz="Etc/GMT"
fi
note "station timezone: $tz (UTC hour $utc_hour)"

# JACK and the recorder.
recording=$work/recording.wav
jack_start "$recording" rec || fail "could not start JACK and the recorder"
note "jack server: $JACK_SESSION_SERVER"

loa_ok "init" init --code TEST-01 --name "Đài thử nghiệm" --timezone "$tz"
loa_ok "import" import "$tone" --id tone
loa_ok "list" list --json
# The gain the engine must apply: station.toml's defaults (-16 LUFS target, 12 dB
# maximum boost) and the -1 dBTP ceiling, from what import measured.
expected_gain_db=$(grep -o '"loudness_lufs":[-0-9.]*,"true_peak_dbtp":[-0-9.]*' "$work/cmd.out" |
    awk -F'[:,]' '{ g = -16 - $2; if (g > 12) g = 12; if (g > -1 - $4) g = -1 - $4; printf "%.4f", g }')
[[ -n $expected_gain_db ]] || fail "could not read the tone's loudness from 'loa list --json': $(cat "$work/cmd.out")"
note "tone: $(grep -o '"loudness_lufs":[-0-9.]*,"true_peak_dbtp":[-0-9.]*' "$work/cmd.out"); expected gain ${expected_gain_db} dB"

# One slot a few seconds ahead.
target=$(($(date +%s) + lead_s))
slot_date=$(TZ=$tz date -d "@$target" +%F)
slot_time=$(TZ=$tz date -d "@$target" +%H:%M:%S)
cat >"$work/sched.toml" <<EOF
version = 1
title = "e2e"

[[slot]]
id = "thu"
dates = [$slot_date]
at = ["$slot_time"]
play = ["tone"]
priority = "normal"
EOF
loa_ok "schedule load" schedule load "$work/sched.toml"
note "slot: $slot_date $slot_time $tz = $target (unix), in $((target - $(date +%s))) s"

# Play.
"$loa" --home "$home" run --output device:rec </dev/null >"$work/run.out" 2>"$work/run.err" &
loa_pid=$!

problems=()
until_epoch=$((target + tone_seconds + 3))
while (($(date +%s) < until_epoch)); do
    if ! kill -0 "$loa_pid" 2>/dev/null; then
        rc=0
        wait "$loa_pid" || rc=$?
        loa_pid=""
        problems+=("'loa run' exited by itself with status $rc before the play was over")
        break
    fi
    sleep 0.2
done
if [[ -n $loa_pid ]]; then
    kill -TERM "$loa_pid" 2>/dev/null
    run_rc=""
    for _ in $(seq 150); do
        if ! kill -0 "$loa_pid" 2>/dev/null; then
            run_rc=0
            wait "$loa_pid" || run_rc=$?
            break
        fi
        sleep 0.1
    done
    if [[ -z $run_rc ]]; then
        problems+=("'loa run' did not exit within 15 s of SIGTERM (killed; the checks below show how far it got)")
        stop_loa
    else
        loa_pid=""
        note "loa run exit status after SIGTERM: $run_rc"
        ((run_rc == 0)) || problems+=("'loa run' exited with status $run_rc after SIGTERM (expected 0)")
    fi
fi

# Print every problem found so far, with loa's output, and exit_failed (if there are any).
exit_if_problems() {
    ((${#problems[@]} > 0)) || return 0
    show_file "loa run stdout" "$work/run.out"
    show_file "loa run stderr" "$work/run.err"
    local p
    for p in "${problems[@]}"; do
        printf 'FAIL: %s\n' "$p" >&2
    done
    exit_failed
}

if ! jack_stop; then
    problems+=("the recorder failed (status $JACK_RECORDER_STATUS): the recording is not trustworthy")
    exit_if_problems
fi
stopped=$(grep '^stopped ' "$JACK_RECORDER_STDOUT")
note "recorder: $stopped"
onsets=$(grep -c '^onset ' "$JACK_RECORDER_STDOUT")
note "recorder onsets: $onsets"
grep '^onset ' "$JACK_RECORDER_STDOUT" | sed 's/^/  /'

# What came out.
cmp_out=$("$wav_compare" "$tone" "$recording" --fades --fit-gain --tolerance 1e-6)
cmp_rc=$?
printf '%s\n' "$cmp_out" | sed 's/^/wav_compare: /'
offset_frames=$(sed -n 's/^offset_frames=\(-\{0,1\}[0-9]*\)$/\1/p' <<<"$cmp_out")
case $cmp_rc in
    0) ;;
    1) if [[ $offset_frames == -1 ]]; then
           problems+=("the recording is silent: nothing reached device rec")
       else
           problems+=("the recording is not the expected render of the tone (see wav_compare above)")
       fi ;;
    *) fail "wav_compare could not compare $tone with $recording (status $cmp_rc)" ;;
esac

fitted_gain_db=$(sed -n 's/^fitted_gain_db=//p' <<<"$cmp_out")
if [[ -n $fitted_gain_db ]] &&
    ! awk -v f="$fitted_gain_db" -v e="$expected_gain_db" 'BEGIN { d = f - e; exit !(d <= 0.02 && d >= -0.02) }'; then
    problems+=("the tone was played at ${fitted_gain_db} dB; loudness normalisation asks for ${expected_gain_db} dB")
fi

# Start offset: the recorder's wall time of the frame where the tone begins, minus the slot.
if [[ -n $offset_frames && $offset_frames != -1 ]]; then
    onset_wall=$(awk -v f="$offset_frames" '$1 == "onset" && $2 == ("frame=" f) { sub(/^wall=/, "", $3); print $3; exit }' \
        "$JACK_RECORDER_STDOUT")
    if [[ -z $onset_wall ]]; then
        problems+=("the recorder reported no onset at recording frame $offset_frames")
    else
        start_offset_ms=$(awk -v w="$onset_wall" -v t="$target" 'BEGIN { printf "%.3f", (w - t) * 1000 }')
        note "start_offset_ms=$start_offset_ms"
        if awk -v x="$start_offset_ms" 'BEGIN { exit !(x > 2000 || x < -2000) }'; then
            problems+=("the tone started ${start_offset_ms} ms from its scheduled instant (limit 2000 ms)")
        fi
    fi
fi

# What was logged.
if "$loa" --home "$home" export --from "$slot_date" --to "$slot_date" --format csv >"$work/export.csv" 2>"$work/export.err"; then
    # CSV with quoted fields ("" escapes quotes); columns found by name from the header.
    rows=$(awk -v bom="$(printf '\357\273\277')" '
        function split_csv(line, out,    n, i, c, field, quoted) {
            n = 0; field = ""; quoted = 0
            for (i = 1; i <= length(line); i++) {
                c = substr(line, i, 1)
                if (quoted) {
                    if (c == "\"") {
                        if (substr(line, i + 1, 1) == "\"") { field = field "\""; i++ }
                        else quoted = 0
                    } else field = field c
                } else if (c == "\"") quoted = 1
                else if (c == ",") { out[++n] = field; field = "" }
                else field = field c
            }
            out[++n] = field
            return n
        }
        { sub(/\r$/, "") }
        /^loa-export-end,/ { next } # the end record of the export (chain_witness.hpp), not a play
        NR == 1 {
            if (index($0, bom) == 1) $0 = substr($0, length(bom) + 1)
            n = split_csv($0, head)
            for (i = 1; i <= n; i++) col[head[i]] = i
            if (!("slot" in col) || !("status" in col)) { print "NOHEADER"; exit }
            next
        }
        {
            split_csv($0, f)
            if (f[col["slot"]] == "thu")
                printf "status=%s scheduled_at=%s started_at=%s lateness_ms=%s duration_ms=%s announcement=%s\n",
                    f[col["status"]], f[col["scheduled_at"]], f[col["started_at"]],
                    f[col["lateness_ms"]], f[col["duration_ms"]], f[col["announcement"]]
        }' "$work/export.csv")
    if [[ $rows == NOHEADER ]]; then
        show_file "export" "$work/export.csv"
        problems+=("the CSV export has no slot/status columns in its header")
    else
        count=$(grep -c . <<<"$rows")
        note "log rows for slot thu: $count"
        [[ -n $rows ]] && printf '%s\n' "$rows" | sed 's/^/  /'
        if ((count != 1)); then
            show_file "export" "$work/export.csv"
            problems+=("expected exactly one play row for slot thu, found $count")
        elif [[ $rows != status=completed\ * ]]; then
            problems+=("the play of slot thu was logged as '${rows%% *}', expected status=completed")
        fi
    fi
else
    show_file "export stderr" "$work/export.err"
    problems+=("'loa export --from $slot_date --to $slot_date --format csv' failed")
fi

exit_if_problems
note "PASS: scheduled play went out as rendered (gain ${fitted_gain_db} dB, fades), on time, and was logged once as completed"
