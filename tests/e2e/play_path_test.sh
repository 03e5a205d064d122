#!/usr/bin/env bash
# One play path: the same mono announcement played by `loa play` with no player
# running and by a scheduled slot of `loa run`, both into a WAV file, gives the same
# samples (the same gain, mono spread included) and the same row fields (title,
# campaign, sha256, device, clock_synced), and the progress line counts from #1.
#
#   bash tests/e2e/play_path_test.sh LOA
set -uo pipefail
(($# == 1)) || { echo "usage: $0 LOA" >&2; exit 2; }
loa=$1
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../support/e2e_helpers.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-play-path.XXXXXX")
player_pid=""
cleanup() {
    [[ -n $player_pid ]] && kill -KILL "$player_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
home="$work/home"

# A station whose local time is about midday (outside quiet hours), whatever the hour.
h=$(date -u +%H); o=$((12 - 10#$h))
if ((o > 0)); then zone="Etc/GMT-$o"; elif ((o < 0)); then zone="Etc/GMT+$((-o))"; else zone="Etc/GMT"; fi
"$loa" --home "$home" init --code PATH-01 --name "Đài thử" --timezone "$zone" >/dev/null || fail "init failed"
# A quiet mono tone (so the gain boosts it, and the mono spread matters), 1.5 s.
sox -n -r 48000 -c 1 -b 16 "$work/mono.wav" synth 1.5 sine 440 vol 0.05 || fail "sox cannot make the tone"
"$loa" --home "$home" campaign add thu-nghiem --title "Thử nghiệm" >/dev/null || fail "campaign add failed"
"$loa" --home "$home" import "$work/mono.wav" --id mono --title "Chuông thử" --campaign "thu-nghiem" >/dev/null ||
    fail "import failed"

# 1. loa play with no player running.
"$loa" --home "$home" play mono --output "wav:$work/out.wav" >"$work/play.out" 2>&1 ||
    { show_file "loa play" "$work/play.out"; fail "loa play failed"; }
mv "$work/out.wav" "$work/direct.wav"

# 2. The same file through a slot of the running player, into the same output.
at=$(($(date +%s) + 3))
cat >"$work/schedule.toml" <<TOML
version = 1
[[slot]]
id = "ngay"
dates = [$(TZ=$zone date -d "@$at" +%F)]
at = ["$(TZ=$zone date -d "@$at" +%T)"]
play = ["mono"]
late = "0"
TOML
"$loa" --home "$home" schedule load "$work/schedule.toml" >/dev/null || fail "schedule load failed"
"$loa" --home "$home" run --output "wav:$work/out.wav" >"$work/run.out" 2>&1 &
player_pid=$!
deadline=$(($(date +%s) + 20))
until grep -q "completed mono" "$work/run.out"; do
    (($(date +%s) > deadline)) && { show_file "loa run" "$work/run.out"; fail "the slot never completed"; }
    sleep 0.1
done
kill -TERM "$player_pid"
wait "$player_pid"
player_pid=""
python3 - "$work/direct.wav" "$work/out.wav" "$home/loa.db" <<'PY'
import math, sqlite3, struct, sys, wave

def samples(path):
    with wave.open(path) as w:
        data = w.readframes(w.getnframes())
    return struct.unpack("<%dh" % (len(data) // 2), data)

def peak_db(values):
    peak = max(abs(v) for v in values) or 1
    return 20 * math.log10(peak / 32768)

direct, scheduled = samples(sys.argv[1]), samples(sys.argv[2])
print(f"loa play: {len(direct)} samples, peak {peak_db(direct):.2f} dBFS; "
      f"loa run: {len(scheduled)} samples, peak {peak_db(scheduled):.2f} dBFS")
problems = []
if direct != scheduled:
    problems.append(f"the two plays differ: peak {peak_db(direct):.2f} dBFS through loa play, "
                    f"{peak_db(scheduled):.2f} dBFS through the slot")
db = sqlite3.connect(sys.argv[3])
fields = "title, campaign, sha256, device, clock_synced"
rows = db.execute(f"SELECT trigger, status, {fields} FROM plays ORDER BY play_id").fetchall()
for row in rows:
    print("row:", row)
if len(rows) != 2:
    problems.append(f"{len(rows)} rows, wanted 2")
else:
    (t1, s1, *f1), (t2, s2, *f2) = rows
    if (t1, s1, t2, s2) != ("manual", "completed", "scheduled", "completed"):
        problems.append(f"rows {t1} {s1} and {t2} {s2}, wanted manual completed and scheduled completed")
    for name, a, b in zip(fields.split(", "), f1, f2):
        if a != b:
            problems.append(f"{name}: {a!r} through loa play, {b!r} through the slot")
    if f1[0] != "Chuông thử" or f1[1] != "thu-nghiem":
        problems.append(f"title and campaign {f1[0]!r}, {f1[1]!r} are not the library's")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
same=$?
line='^([0-9]{2}/[0-9]{2}/[0-9]{4} )?[0-9]{2}:[0-9]{2}:[0-9]{2} playing mono \(ngay #1\)$'
if ! grep -Eq "$line" "$work/run.out"; then
    show_file "loa run" "$work/run.out"
    printf "FAIL: no progress line 'HH:MM:SS playing mono (ngay #1)'\n" >&2
    same=1
fi
((same == 0)) || exit_failed
note "ok: loa play and a scheduled slot play the same samples and write the same row fields"
