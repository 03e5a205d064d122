#!/usr/bin/env bash
# End-to-end control of the player: `loa status` and `loa play` with no player
# running, and a running `loa run`: SIGHUP reloads, SIGTERM fades out the current
# play, logs it interrupted and exits 0 within 2 s (the measured time is printed).
#
#   bash tests/e2e/control_test.sh LOA SOURCE_DIR [--engine-control]
#
# --engine-control adds what needs the engine's control API wired into `loa run`
# (src/cli/engine_control.cpp): the running player answers on loa.sock.
set -uo pipefail
(($# >= 2)) || { echo "usage: $0 LOA SOURCE_DIR [--engine-control]" >&2; exit 2; }
loa=$1
src=$2
live=${3:-}
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"
e2e_work e2e-control
# start_player: `loa run --output null` in the background, its output in $work/run.out.
start_player() {
    "$loa" --home "$home" run --output null >"$work/run.out" 2>&1 &
    player_pid=$!
}
# wait_for FILE TEXT SECONDS: true once TEXT is in FILE.
wait_for() {
    local deadline=$(($(date +%s%N) + $3 * 1000000000))
    until grep -qF -- "$2" "$1"; do
        (($(date +%s%N) > deadline)) && return 1
        sleep 0.05
    done
}
# stop_player: SIGTERM, then the exit code and the milliseconds from kill to exit.
stop_player() {
    local begin end
    begin=$(date +%s%N)
    kill -TERM "$player_pid"
    wait "$player_pid"
    stop_code=$?
    end=$(date +%s%N)
    stop_ms=$(((end - begin) / 1000000))
    player_pid=""
}
# A slot `ahead` seconds from now, station time.
slot_file() {
    local at=$(($(date +%s) + $1))
    cat <<TOML
version = 1
[[slot]]
id = "ngay"
dates = [$(TZ=$zone date -d "@$at" +%F)]
at = ["$(TZ=$zone date -d "@$at" +%T)"]
play = ["lua-dao-qua-mang"]
[[slot]]
id = "hang-ngay"
days = ["daily"]
at = ["06:00", "11:00", "17:00"]
play = ["chuong", "thu-doan-lua-dao"]
TOML
}

# A station whose local time is about midday (outside quiet hours), whatever the hour.
zone=$(midday_zone)
"$loa" --home "$home" init --code CTL-01 --name "Đài thử" --timezone "$zone" >/dev/null || { echo "init failed"; exit 1; }
"$loa" --home "$home" import "$src"/audio/*.flac "$src"/audio/*.ogg >/dev/null || { echo "import failed"; exit 1; }

# --- No player running ------------------------------------------------------------
expect 3 "status without a player exits 3" -- "$loa" --home "$home" status
contains "$work/out" "the player is not running" "... and says the player is not running"
contains "$work/out" "none is loaded" "... and that no schedule is loaded"
expect 3 "status --json without a player" -- "$loa" --home "$home" status --json
cp "$work/out" "$work/status.json"
json_check "$work/status.json" 'j["running"] is False and j["state"] == "not_running" and j["next"] == []' \
    "... is one JSON object saying not running"
expect 0 "--help lists play and status" -- "$loa" --help
contains "$work/out" "  play " "--help lists play"
contains "$work/out" "  status " "--help lists status"

expect 0 "play with no player plays directly into null" -- "$loa" --home "$home" play chuong --output null
contains "$work/out" "chuong: completed" "... and says it completed"
expect 0 "an emergency play with no player, into a WAV file" -- \
    "$loa" --home "$home" play chuong --priority emergency --output "wav:$work/emergency.wav"
soxi -D "$work/emergency.wav" >/dev/null 2>&1 && ok "the WAV file holds the play ($(soxi -D "$work/emergency.wav") s)" ||
    bad "no valid WAV output"
expect 0 "the log" -- "$loa" --home "$home" log --json
[[ $(grep -c '"trigger":"manual"' "$work/out") == 1 ]] && ok "one manual row" || bad "manual rows: $(cat "$work/out")"
[[ $(grep -c '"trigger":"emergency"' "$work/out") == 1 ]] && ok "one emergency row" || bad "emergency rows: $(cat "$work/out")"
[[ $(grep -c '"status":"completed"' "$work/out") == 2 ]] && ok "both completed" || bad "statuses: $(cat "$work/out")"
expect 1 "playing an unknown id is refused" -- "$loa" --home "$home" play khong-co --output null
contains "$work/err" "khong-co" "... naming the id"
expect 2 "an unknown priority is a usage error" -- "$loa" --home "$home" play chuong --priority urgent
expect 0 "the refusals logged nothing" -- "$loa" --home "$home" log --json
[[ $(wc -l <"$work/out") == 2 ]] && ok "still two rows" || bad "rows: $(cat "$work/out")"

slot_file 6 >"$work/now.toml"
expect 0 "load a schedule" -- "$loa" --home "$home" schedule load "$work/now.toml"
if [[ $live == --engine-control ]]; then
    [[ $(grep -c "running player" "$work/out") == 0 ]] && ok "... no player to tell" || bad "a player was told: $(cat "$work/out")"
fi
expect 3 "status lists the next five occurrences" -- "$loa" --home "$home" status
[[ $(grep -c "  ngay  \|  hang-ngay  " "$work/out") == 5 ]] && ok "... five of them" || bad "next: $(cat "$work/out")"
contains "$work/out" "ngay  normal  lua-dao-qua-mang" "... the slot a few seconds ahead first"
expect 3 "status --json lists them too" -- "$loa" --home "$home" status --json
cp "$work/out" "$work/status.json"
json_check "$work/status.json" 'len(j["next"]) == 5 and j["next"][0]["slot"] == "ngay" and j["schedule_version"] == 1' \
    "... as five objects, version 1"

# --- A running player -------------------------------------------------------------
start_player
wait_for "$work/run.out" "is active" 5 && ok "the player started with the schedule" || bad "player: $(cat "$work/run.out")"
if [[ $live == --engine-control ]]; then
    expect 2 "--output is refused while a player answers" -- "$loa" --home "$home" play chuong --output null
    contains "$work/err" "leave out --output" "... saying to leave it out"
    [[ -S $home/loa.sock ]] && ok "the player's socket exists" || bad "no $home/loa.sock"
    [[ $(stat -c %a "$home/loa.sock") == 660 ]] && ok "... with mode 0660" || bad "mode $(stat -c %a "$home/loa.sock")"
    expect 0 "status --json answers from the running player" -- "$loa" --home "$home" status --json
    cp "$work/out" "$work/status.json"
    json_check "$work/status.json" 'j["running"] is True and j["device"] == "null" and j["schedule_version"] == 1' \
        "... running, on null, schedule version 1"
    expect 1 "play of an unknown id through the player is refused" -- "$loa" --home "$home" play khong-co
    slot_file 600 >"$work/later.toml"
    expect 0 "schedule load tells the running player" -- "$loa" --home "$home" schedule load "$work/later.toml"
    contains "$work/out" "the running player switched to it" "... which switched to it"
    wait_for "$work/run.out" "(version 2) is active" 1 && ok "... and the player runs version 2 within a second" ||
        bad "player: $(cat "$work/run.out")"
    expect 0 "play through the running player" -- "$loa" --home "$home" play chuong
    contains "$work/out" "running player" "... answered by the player"
    wait_for "$work/run.out" "completed chuong" 10 && ok "... which played it" || bad "player: $(cat "$work/run.out")"
    expect 0 "a long play through the running player" -- "$loa" --home "$home" play thu-doan-lua-dao
    wait_for "$work/run.out" "playing thu-doan-lua-dao" 5 || bad "player: $(cat "$work/run.out")"
    expect 0 "status shows it on air" -- "$loa" --home "$home" status
    contains "$work/out" "now playing: thu-doan-lua-dao (manual)" "... as a manual play"
    expect 0 "an emergency through the running player" -- "$loa" --home "$home" play chuong --priority emergency
    wait_for "$work/run.out" "playing chuong (emergency)" 3 && ok "... preempts what is on air at once" ||
        bad "player: $(cat "$work/run.out")"
    wait_for "$work/run.out" "completed thu-doan-lua-dao" 20 && ok "... and the cut play continues after it" ||
        bad "player: $(cat "$work/run.out")"
    # Another program holds the database: the play goes on, its rows wait, status says so.
    : >"$work/locker.out"
    python3 - "$home/loa.db" >>"$work/locker.out" 2>&1 <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(8)
db.execute("COMMIT")
PY
    locker=$!
    wait_for "$work/locker.out" "locked" 5 || bad "the database could not be locked: $(cat "$work/locker.out")"
    before=$(grep -c "completed chuong" "$work/run.out")
    expect 0 "a play while the database is locked" -- "$loa" --home "$home" play chuong
    deadline=$(($(date +%s) + 5))
    until (($(grep -c "completed chuong" "$work/run.out") > before)) || (($(date +%s) > deadline)); do sleep 0.1; done
    # The engine notes the problem when it next tries the database, just after the play.
    deadline=$(($(date +%s) + 3))
    until "$loa" --home "$home" status --json | grep -q '"log_problem":"' || (($(date +%s) > deadline)); do
        sleep 0.1
    done
    expect 0 "status while the log cannot be written" -- "$loa" --home "$home" status
    contains "$work/out" "play log:    CANNOT BE WRITTEN" "... says the play log cannot be written"
    expect 0 "status --json while the log cannot be written" -- "$loa" --home "$home" status --json
    cp "$work/out" "$work/status.json"
    json_check "$work/status.json" 'j["log_problem"] and j["pending_log_rows"] > 0' "... with the problem and the waiting rows"
    wait "$locker"
    slot_file 6 >"$work/now.toml"
    expect 0 "back to a slot a few seconds ahead" -- "$loa" --home "$home" schedule load "$work/now.toml"
else
    [[ -e $home/loa.sock ]] && bad "a socket exists without the engine's control API" ||
        ok "skip: the running player's socket needs the engine's control API (--engine-control)"
    expect 3 "a direct play fails while a player holds the station" -- "$loa" --home "$home" play chuong --output null
    contains "$work/err" "does not answer" "... saying the player does not answer"
    expect 3 "status while a player runs without its socket says so" -- "$loa" --home "$home" status
    contains "$work/out" "holds this station's lock but does not answer" "... naming the lock"
fi
kill -HUP "$player_pid"
wait_for "$work/run.out" "SIGHUP: reading the active schedule again" 2 && ok "SIGHUP makes the player reload" ||
    bad "no reload on SIGHUP: $(cat "$work/run.out")"
sleep 0.2
kill -0 "$player_pid" 2>/dev/null && ok "... and it keeps running" || bad "the player died on SIGHUP"

# SIGTERM in the middle of a play: fade, log interrupted, exit 0 within 2 s.
if wait_for "$work/run.out" "playing lua-dao-qua-mang" 15; then
    ok "the slot started playing"
    sleep 1
    stop_player
    ((stop_code == 0)) && ok "SIGTERM during a play exits 0" || bad "exit code $stop_code on SIGTERM"
    ((stop_ms < 2000)) && ok "... within 2 s: SIGTERM to exit took ${stop_ms} ms during a play" ||
        bad "SIGTERM to exit took ${stop_ms} ms"
    echo "measured: SIGTERM to exit during a play: ${stop_ms} ms"
else
    bad "the slot never played: $(cat "$work/run.out")"
    stop_player
fi
sed 's/^/  player: /' "$work/run.out"
expect 0 "the log after the stop" -- "$loa" --home "$home" log --json --status interrupted
grep '"announcement":"lua-dao-qua-mang"' "$work/out" | grep -q '"slot":"ngay"' &&
    ok "the cut play is logged interrupted" || bad "no interrupted row: $(cat "$work/out")"
expect 3 "status without a player shows the last problems" -- "$loa" --home "$home" status
contains "$work/out" "interrupted lua-dao-qua-mang (ngay #1)" "... the interrupted play, counted from 1"

# SIGTERM while idle.
start_player
wait_for "$work/run.out" "is active" 5 || bad "player: $(cat "$work/run.out")"
sleep 0.3
stop_player
((stop_code == 0 && stop_ms < 2000)) && ok "SIGTERM while idle: exit 0 in ${stop_ms} ms" ||
    bad "idle SIGTERM: exit $stop_code in ${stop_ms} ms"
echo "measured: SIGTERM to exit while idle: ${stop_ms} ms"
[[ ! -e $home/loa.sock ]] && ok "no socket is left behind" || bad "$home/loa.sock left behind"

e2e_summary
