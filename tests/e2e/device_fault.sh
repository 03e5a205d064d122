#!/usr/bin/env bash
# End-to-end device faults: loa run started with no sound device, and a device that
# disappears mid-play and comes back.
#
#   bash tests/e2e/device_fault.sh LOA RECORDER WAV_COMPARE
#
# The device is ALSA's "default", routed by ALSA's jack plugin (libasound2-plugins) to the
# recording client: PortAudio's ALSA host API, as on a station's real card. (PortAudio
# 19.6's JACK host API cannot come back from a JACK server that died: its stop waits ten
# minutes and Pa_Terminate asserts on the dead client; the player reports the device as
# missing until loa restarts. A real card is reached through ALSA.)
#
# 1. `loa run --output device:default` starts while no JACK server runs: it must not exit;
#    it reports each attempt to open the device (backoff 1, 2, 5 ... s).
# 2. JACK and the recording client "rec" start; loa finds the device; slot "a" plays a
#    10 s tone.
# 3. Mid-play, the JACK server is stopped: play "a" must be logged failed with a reason.
# 4. The server is started again under the same name (a new recording); slot "b" (a 3 s
#    tone, after the server is back) must play, exactly as rendered, logged completed.
# 5. 10 s after the last play, loa has closed its idle stream: no "loa" client in JACK.
# 6. SIGTERM: loa exits 0 (it never crashed). Prints what it saw; FAIL lines on problems.
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
for tool in sox soxi jackd jack_wait jack_lsp date awk; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed (apt-get install sox jackd2)"
done

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../support/jack_session.sh
source "$here/../support/jack_session.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-fault.XXXXXX") || fail "mktemp failed"
loa_pid=""
stop_loa() {
    if [[ -n $loa_pid ]] && kill -0 "$loa_pid" 2>/dev/null; then
        kill -TERM "$loa_pid" 2>/dev/null
        for _ in $(seq 50); do
            kill -0 "$loa_pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -0 "$loa_pid" 2>/dev/null && kill -KILL "$loa_pid" 2>/dev/null
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
problems=()

loa_ok() {
    local what=$1
    shift
    if ! "$loa" --home "$home" "$@" >"$work/cmd.out" 2>"$work/cmd.err"; then
        show_file "stdout" "$work/cmd.out"
        show_file "stderr" "$work/cmd.err"
        fail "$what: 'loa --home H $*' failed"
    fi
}
# wait_for SECONDS_EPOCH: sleep until then, failing if loa exited meanwhile.
wait_until() {
    while (($(date +%s) < $1)); do
        if [[ -n $loa_pid ]] && ! kill -0 "$loa_pid" 2>/dev/null; then
            show_file "loa run stdout" "$work/run.out"
            show_file "loa run stderr" "$work/run.err"
            fail "'loa run' exited by itself (it must survive device faults)"
        fi
        sleep 0.2
    done
}

# A station whose local time is about midday; two tones.
utc_hour=$(date -u +%H)
offset=$((12 - 10#$utc_hour))
if ((offset > 0)); then tz="Etc/GMT-$offset"; elif ((offset < 0)); then tz="Etc/GMT+$((-offset))"; else tz="Etc/GMT"; fi
sox -D -n -r 48000 -c 2 -b 16 "$work/long.wav" synth 10 sine 330 0 25 norm -6 || fail "sox failed"
sox -D -n -r 48000 -c 2 -b 16 "$work/tone.wav" synth 3 sine 440 0 25 sine 660 0 25 tremolo 2 40 norm -6 ||
    fail "sox failed"
loa_ok "init" init --code TEST-02 --name "Đài thử lỗi" --timezone "$tz"
loa_ok "import" import "$work/long.wav" --id long
loa_ok "import" import "$work/tone.wav" --id tone

t0=$(date +%s)
at_a=$((t0 + 14))
at_b=$((t0 + 40))
slot_date=$(TZ=$tz date -d "@$at_a" +%F)
cat >"$work/sched.toml" <<EOT
version = 1
title = "e2e faults"

[[slot]]
id = "a"
dates = [$slot_date]
at = ["$(TZ=$tz date -d "@$at_a" +%H:%M:%S)"]
play = ["long"]
priority = "normal"

[[slot]]
id = "b"
dates = [$(TZ=$tz date -d "@$at_b" +%F)]
at = ["$(TZ=$tz date -d "@$at_b" +%H:%M:%S)"]
play = ["tone"]
priority = "normal"
EOT
loa_ok "schedule load" schedule load "$work/sched.toml"

# 1. No server yet: loa must wait for the device, reporting attempts.
export JACK_SESSION_NAME="loa-fault-$$-${RANDOM}"
export JACK_DEFAULT_SERVER=$JACK_SESSION_NAME
cat >"$work/asound.conf" <<EOT
pcm.!default { type plug slave.pcm "loajack" }
pcm.loajack { type jack playback_ports { 0 rec:in_1 1 rec:in_2 } }
EOT
ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:$work/asound.conf \
    "$loa" --home "$home" run --output device:default </dev/null >"$work/run.out" 2>"$work/run.err" &
loa_pid=$!
wait_until $((t0 + 5))
attempts=$(grep -c 'trying the sound device again' "$work/run.out")
note "attempts reported while no device: $attempts"
grep 'trying the sound device again' "$work/run.out" | head -3 | sed 's/^/  /'
((attempts >= 2)) || problems+=("expected at least 2 reported attempts in the first 5 s without a device, saw $attempts")

# 2. The device appears; slot a starts at t0+14.
jack_start "$work/rec1.wav" rec || fail "could not start JACK and the recorder"
note "jack server up: $JACK_SESSION_SERVER"
# 3. Mid-play (4 s into the 10 s tone) the server goes away.
wait_until $((at_a + 4))
jack_stop >/dev/null 2>&1
note "jack server stopped at t0+$(($(date +%s) - t0)) s"
wait_until $((at_a + 8))
# 4. Back under the same name; slot b at t0+40.
jack_start "$work/rec2.wav" rec || fail "could not restart JACK and the recorder"
note "jack server restarted at t0+$(($(date +%s) - t0)) s"
# While slot b plays, loa's stream feeds the recorder's port...
wait_until $((at_b + 1))
connections() { jack_lsp -c rec:in_1 2>/dev/null | grep -c '^ ' || true; }
playing_connections=$(connections)
note "connections to rec:in_1 during slot b: $playing_connections"
((playing_connections > 0)) || problems+=("nothing was connected to rec:in_1 while slot b played")
# ... from a callback thread at real-time priority, where this system allows it.
if chrt -f 40 true 2>/dev/null; then
    fifo_threads=$(ps -L -o cls=,rtprio= -p "$loa_pid" | awk '$1 == "FF" && $2 == 40' | wc -l)
    note "loa threads at SCHED_FIFO 40 during slot b: $fifo_threads"
    ((fifo_threads > 0)) || problems+=("no thread of loa ran at real-time priority (SCHED_FIFO 40) while slot b played")
else
    note "real-time priority is not allowed here: the callback thread's priority is not checked"
fi
# 5. ... and 10 s after the play the idle stream is closed (13 s leaves margin).
wait_until $((at_b + 3 + 13))
idle_connections=$(connections)
note "connections to rec:in_1 after 13 s idle: $idle_connections"
((idle_connections == 0)) || problems+=("loa still feeds rec:in_1 13 s after its last play: the idle stream was not closed")

# 6. Stop loa.
kill -TERM "$loa_pid"
run_rc=""
for _ in $(seq 100); do
    if ! kill -0 "$loa_pid" 2>/dev/null; then
        run_rc=0
        wait "$loa_pid" || run_rc=$?
        break
    fi
    sleep 0.1
done
loa_pid_was=$loa_pid
if [[ -z $run_rc ]]; then
    problems+=("'loa run' (pid $loa_pid_was) did not exit within 10 s of SIGTERM")
    stop_loa
else
    loa_pid=""
    ((run_rc == 0)) || problems+=("'loa run' exited with status $run_rc after SIGTERM (expected 0)")
fi
jack_stop || problems+=("the second recorder failed (status $JACK_RECORDER_STATUS)")
note "loa said:"
sed 's/^/  | /' "$work/run.out"

# What was logged.
"$loa" --home "$home" export --from "$slot_date" --to "$(TZ=$tz date -d "@$at_b" +%F)" --format csv \
    >"$work/export.csv" 2>"$work/export.err" || problems+=("'loa export' failed: $(cat "$work/export.err")")
rows=$(awk '
    function split_csv(line, out,    n, i, c, field, quoted) {
        n = 0; field = ""; quoted = 0
        for (i = 1; i <= length(line); i++) {
            c = substr(line, i, 1)
            if (quoted) {
                if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { field = field "\""; i++ } else quoted = 0 }
                else field = field c
            } else if (c == "\"") quoted = 1
            else if (c == ",") { out[++n] = field; field = "" }
            else field = field c
        }
        out[++n] = field
        return n
    }
    { sub(/\r$/, "") }
    /^loa-export-end,/ { next } # the end record of the export (chain_witness.hpp), not a play
    NR == 1 { sub(/^\357\273\277/, ""); n = split_csv($0, head); for (i = 1; i <= n; i++) col[head[i]] = i; next }
    { split_csv($0, f); printf "slot=%s status=%s error=%s\n", f[col["slot"]], f[col["status"]], f[col["error"]] }
' "$work/export.csv")
note "log rows:"
printf '%s\n' "$rows" | sed 's/^/  /'
row_a=$(grep '^slot=a ' <<<"$rows")
row_b=$(grep '^slot=b ' <<<"$rows")
[[ $(grep -c . <<<"$row_a") == 1 && $row_a == "slot=a status=failed error="?* ]] ||
    problems+=("slot a (device lost mid-play) should be logged once as failed with a reason; got: ${row_a:-nothing}")
[[ $(grep -c . <<<"$row_b") == 1 && $row_b == "slot=b status=completed "* ]] ||
    problems+=("slot b (after the device came back) should be logged once as completed; got: ${row_b:-nothing}")

# Slot b's recording is the expected render of the tone.
cmp_out=$("$wav_compare" "$work/tone.wav" "$work/rec2.wav" --fades --fit-gain --tolerance 1e-6)
cmp_rc=$?
printf '%s\n' "$cmp_out" | sed 's/^/wav_compare: /'
((cmp_rc == 0)) || problems+=("the tone of slot b is not in the second recording as rendered (wav_compare status $cmp_rc)")
grep -q 'available again' "$work/run.out" || problems+=("loa never reported the device available again")

if ((${#problems[@]} > 0)); then
    show_file "loa run stderr" "$work/run.err"
    for p in "${problems[@]}"; do printf 'FAIL: %s\n' "$p" >&2; done
    exit_failed
fi
note "PASS: no device at start was waited for; a device lost mid-play failed that play with a reason; the next play went out after it came back; the idle stream was closed; loa exited cleanly"
