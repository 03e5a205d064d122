#!/usr/bin/env bash
# End-to-end, on the virtual sound device: an emergency preempts a scheduled play, which
# then resumes where it stopped; a schedule loaded while the player runs takes effect.
#
#   bash tests/e2e/live_control_device.sh LOA RECORDER
#
# A private JACK server (dummy driver) with the recording client "rec" stands in for the
# sound card (tests/support/jack_session.sh). Timeline, T = a few seconds after start:
#   T        slot "a" starts an 8 s 440 Hz announcement
#   T+3      `loa play alert --priority emergency` (2 s of 1000 Hz): "a" fades out
#            (<= 300 ms), the alert plays, then "a" resumes and plays its remaining ~5 s
#   T+12     `loa schedule load` of a second schedule adding slot "b" at T+14
#   T+14     "b" plays the alert on time
# Checks the play log (rows, statuses, triggers, lateness) and the recording (what
# frequency is on air when). Prints what it measured; FAIL lines on problems.
set -uo pipefail
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"

(($# == 2)) || { echo "usage: $0 LOA RECORDER" >&2; exit 2; }
loa=$1
export LOA_JACK_RECORDER=$2
for tool in sox jackd jack_wait python3 date; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed (packaging/install-deps.sh installs it)"
done
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=../support/jack_session.sh
source "$here/../support/jack_session.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-live.XXXXXX") || fail "mktemp failed"
home=$work/home
loa_pid=""
stop_loa() {
    [[ -n $loa_pid ]] || return 0
    kill -TERM "$loa_pid" 2>/dev/null
    for _ in $(seq 50); do
        kill -0 "$loa_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$loa_pid" 2>/dev/null
    wait "$loa_pid" 2>/dev/null
    loa_pid=""
}
jack_session_add_cleanup --first stop_loa
[[ ${LOA_E2E_KEEP:-0} == 1 ]] && note "work directory kept: $work" || jack_session_add_cleanup "rm -rf -- '$work'"

loa_ok() {
    "$loa" --home "$home" "$@" >"$work/cmd.out" 2>"$work/cmd.err" ||
        { cat "$work/cmd.out" "$work/cmd.err" >&2; fail "'loa $*' failed"; }
}
show_run() {
    printf -- '--- loa run output ---\n' >&2
    tail -n 40 "$work/run.out" "$work/run.err" | sed 's/^/  /' >&2
}

# Station local time about midday, so nothing falls in quiet hours.
utc_hour=$(date -u +%H)
offset=$((12 - 10#$utc_hour))
if ((offset > 0)); then tz="Etc/GMT-$offset"; elif ((offset < 0)); then tz="Etc/GMT+$((-offset))"; else tz="Etc/GMT"; fi

sox -D -n -r 48000 -c 2 -b 16 "$work/long.wav" synth 8 sine 440 norm -12 || fail "sox failed"
sox -D -n -r 48000 -c 2 -b 16 "$work/alert.wav" synth 2 sine 1000 norm -12 || fail "sox failed"
jack_start "$work/rec.wav" rec || fail "could not start JACK and the recorder"
loa_ok init --code TEST-LIVE --name "Đài thử nghiệm" --timezone "$tz"
loa_ok import "$work/long.wav" --id long
loa_ok import "$work/alert.wav" --id alert

lead=8
T=$(($(date +%s) + lead))
local_date() { TZ=$tz date -d "@$1" +%F; }
local_time() { TZ=$tz date -d "@$1" +%H:%M:%S; }
slot() { # ID EPOCH ANNOUNCEMENT
    printf '[[slot]]\nid = "%s"\ndates = [%s]\nat = ["%s"]\nplay = ["%s"]\n\n' "$1" "$(local_date "$2")" "$(local_time "$2")" "$3"
}
{ printf 'version = 1\ntitle = "one"\n\n'; slot a "$T" long; } >"$work/one.toml"
{ printf 'version = 1\ntitle = "two"\n\n'; slot a "$T" long; slot b $((T + 14)) alert; } >"$work/two.toml"
loa_ok schedule load "$work/one.toml"

"$loa" --home "$home" run --output device:rec </dev/null >"$work/run.out" 2>"$work/run.err" &
loa_pid=$!
wait_until() { # EPOCH (fractional allowed)
    while python3 -c "import sys,time; sys.exit(0 if time.time() < $1 else 1)"; do
        kill -0 "$loa_pid" 2>/dev/null || { show_run; fail "'loa run' exited by itself"; }
        sleep 0.05
    done
}

wait_until $((T + 3))
emergency_sent=$(date +%s.%N)
"$loa" --home "$home" play alert --priority emergency >"$work/play.out" 2>"$work/play.err" ||
    { cat "$work/play.out" "$work/play.err" >&2; show_run; fail "'loa play alert --priority emergency' failed"; }
note "loa play: $(head -n 1 "$work/play.out")"
wait_until $((T + 12))
loa_ok schedule load "$work/two.toml"
note "schedule two loaded at $(date +%s.%N) for slot b at $((T + 14))"
wait_until $((T + 18))
stop_loa
jack_stop || fail "the recorder failed (status $JACK_RECORDER_STATUS)"

loa_ok export --from "$(local_date "$T")" --to "$(local_date $((T + 20)))" --format json -o "$work/log.jsonl"

python3 - "$work/log.jsonl" "$JACK_RECORDER_STDOUT" "$work/rec.wav" "$T" "$emergency_sent" <<'EOF' || { show_run; exit_failed; }
import json, subprocess, sys
log_path, recorder_out, recording, T, sent = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
rows = [json.loads(line) for line in open(log_path, encoding="utf-8") if line.strip()]
problems = []
print("log rows:")
for r in rows:
    print("  slot=%s position=%s announcement=%s status=%s trigger=%s lateness_ms=%s duration_ms=%s started_at=%s" % (
        r.get("slot"), r.get("position"), r.get("announcement"), r.get("status"), r.get("trigger"),
        r.get("lateness_ms"), r.get("duration_ms"), r.get("started_at")))
a = [r for r in rows if r.get("slot") == "a"]
b = [r for r in rows if r.get("slot") == "b"]
em = [r for r in rows if r.get("trigger") == "emergency"]
statuses_a = sorted(r["status"] for r in a)
if statuses_a != ["completed", "interrupted"]:
    problems.append("slot a should have one interrupted and one completed (resumed) row, has %s" % statuses_a)
else:
    total = sum(int(r["duration_ms"] or 0) for r in a)
    print("slot a airtime over both rows: %d ms (the file is 8000 ms; resumed, not restarted)" % total)
    if not 7000 <= total <= 9000:
        problems.append("slot a's two rows played %d ms in all; resuming an 8 s item should give about 8000" % total)
if len(em) != 1 or em[0]["status"] != "completed" or em[0]["announcement"] != "alert":
    problems.append("expected one completed emergency play of 'alert', found %s" % [(r["announcement"], r["status"]) for r in em])
if len(b) != 1 or b[0]["status"] != "completed":
    problems.append("slot b (loaded 2 s ahead while the player ran) should have one completed row, has %s" % [r["status"] for r in b])
else:
    print("slot b lateness_ms=%s" % b[0]["lateness_ms"])
    if abs(int(b[0]["lateness_ms"] or 0)) > 200:
        problems.append("slot b started %s ms late: the reloaded schedule was not picked up in time" % b[0]["lateness_ms"])

# The recording: map wall time to frames with the recorder's first onset.
onsets = [l.split() for l in open(recorder_out) if l.startswith("onset ")]
if not onsets:
    problems.append("the recording has no onset: nothing reached the device")
else:
    frame0 = int(onsets[0][1].split("=")[1]); wall0 = float(onsets[0][2].split("=")[1])
    def freq_at(wall, length=0.5):
        start = (frame0 + (wall - wall0) * 48000) / 48000.0
        out = subprocess.run(["sox", recording, "-n", "trim", "%.3f" % start, "%.3f" % length, "remix", "1", "stat"],
                             capture_output=True, text=True).stderr
        for line in out.splitlines():
            if line.startswith("Rough   frequency:"):
                return int(line.split()[-1])
        return None
    first_onset_ms = (wall0 - T) * 1000
    print("first sound at T%+.3f ms" % first_onset_ms)
    checks = [("slot a before the emergency", T + 1.0, 440), ("the emergency", sent + 0.9, 1000),
              ("slot a resumed", sent + 3.2, 440), ("slot b", T + 14.5, 1000)]
    for what, wall, expected in checks:
        f = freq_at(wall)
        print("%-28s at T%+.1f s: %s Hz (expected about %d)" % (what, wall - T, f, expected))
        if f is None or abs(f - expected) > expected * 0.05:
            problems.append("%s: %s Hz on air at T%+.1f s, expected about %d Hz" % (what, f, wall - T, expected))
for p in problems:
    print("FAIL: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
note "PASS: emergency preempted and the item resumed; the schedule loaded live played on time"
