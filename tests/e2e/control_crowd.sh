#!/usr/bin/env bash
# An emergency gets through a crowded control socket: 64 local clients hold
# connections to a running `loa run --output null` and poll `status` in a loop
# while `loa play ID --priority emergency` is asked for. The emergency must be
# accepted and on air (its row in the play log) within 2 s — the goal is 500 ms;
# the bound has slack for a shared machine — and the measured times are printed.
#
#   bash tests/e2e/control_crowd.sh LOA SOURCE_DIR
set -uo pipefail
(($# == 2)) || { echo "usage: $0 LOA SOURCE_DIR" >&2; exit 2; }
loa=$1
src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-e2e-crowd.XXXXXX")
player_pid=""
crowd_pid=""
cleanup() {
    [[ -n $crowd_pid ]] && kill "$crowd_pid" 2>/dev/null
    [[ -n $player_pid ]] && kill -KILL "$player_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
home="$work/home"
passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$1"; }
wait_for() {
    local deadline=$(($(date +%s%N) + $3 * 1000000000))
    until grep -qF -- "$2" "$1"; do
        (($(date +%s%N) > deadline)) && return 1
        sleep 0.05
    done
}

# A station whose local time is about midday (outside quiet hours), whatever the hour.
h=$(date -u +%H); o=$((12 - 10#$h))
if ((o > 0)); then zone="Etc/GMT-$o"; elif ((o < 0)); then zone="Etc/GMT+$((-o))"; else zone="Etc/GMT"; fi
"$loa" --home "$home" init --code CRD-01 --name "Đài thử" --timezone "$zone" >/dev/null || { echo "init failed"; exit 1; }
"$loa" --home "$home" import "$src"/audio/*.flac "$src"/audio/*.ogg >/dev/null || { echo "import failed"; exit 1; }
cat >"$work/later.toml" <<TOML
version = 1
[[slot]]
id = "xa"
dates = [$(TZ=$zone date -d "@$(($(date +%s) + 7200))" +%F)]
at = ["$(TZ=$zone date -d "@$(($(date +%s) + 7200))" +%T)"]
play = ["chuong"]
TOML
"$loa" --home "$home" schedule load "$work/later.toml" >/dev/null || { echo "schedule load failed"; exit 1; }
"$loa" --home "$home" run --output null >"$work/run.out" 2>&1 &
player_pid=$!
wait_for "$work/run.out" "is active" 10 || { bad "the player did not start: $(cat "$work/run.out")"; exit 1; }
for _ in $(seq 50); do [[ -S $home/loa.sock ]] && break; sleep 0.1; done

# The crowd: 64 clients, each holding a connection and polling status until told to stop.
python3 - "$home/loa.sock" "$work/stop" >"$work/crowd.out" 2>&1 <<'PY' &
import os, socket, sys, threading, time
path, stop = sys.argv[1], sys.argv[2]
answers = [0] * 64
def poll(i):
    while not os.path.exists(stop):
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(1.0)
            s.connect(path)
            while not os.path.exists(stop):
                s.sendall(b'{"command":"status"}\n')
                data = b""
                while not data.endswith(b"\n"):
                    chunk = s.recv(65536)
                    if not chunk:
                        raise OSError("closed")
                    data += chunk
                answers[i] += 1
        except OSError:
            pass
        finally:
            s.close()
threads = [threading.Thread(target=poll, args=(i,)) for i in range(64)]
for t in threads:
    t.start()
print("crowd started", flush=True)
for t in threads:
    t.join()
print("answers", sum(answers), "clients answered", sum(1 for a in answers if a), flush=True)
PY
crowd_pid=$!
wait_for "$work/crowd.out" "crowd started" 20 || bad "the crowd did not start"
sleep 2 # every place is taken and the clients poll

begin_ms=$(($(date +%s%N) / 1000000))
"$loa" --home "$home" play chuong --priority emergency >"$work/play.out" 2>&1
play_code=$?
answered_ms=$(($(date +%s%N) / 1000000))
on_air_ms=""
for _ in $(seq 400); do
    row=$(sqlite3 "file:$home/loa.db?mode=ro" "SELECT count(*) FROM plays WHERE trigger = 'emergency'" 2>/dev/null)
    if [[ ${row:-0} -ge 1 ]]; then on_air_ms=$(($(date +%s%N) / 1000000)); break; fi
    sleep 0.01
done
planned_ms=$(sqlite3 "file:$home/loa.db?mode=ro" "SELECT planned_ms FROM plays WHERE trigger = 'emergency'" 2>/dev/null)
sleep 1
touch "$work/stop"
wait "$crowd_pid"
crowd_pid=""
cat "$work/crowd.out"

((play_code == 0)) && ok "loa play --priority emergency through the crowd exits 0" ||
    bad "loa play exit $play_code: $(cat "$work/play.out")"
grep -q "plays now" "$work/play.out" && ok "... and the player accepted it" || bad "answer: $(cat "$work/play.out")"
echo "measured: request to answer with 64 clients polling: $((answered_ms - begin_ms)) ms"
if [[ -n $on_air_ms ]]; then
    echo "measured: request to the emergency's row in the play log: $((on_air_ms - begin_ms)) ms" \
         "(planned start $((planned_ms - begin_ms)) ms after the request; goal 500 ms)"
    ((on_air_ms - begin_ms < 2000)) && ok "the emergency is on air within 2 s" ||
        bad "the emergency took $((on_air_ms - begin_ms)) ms"
else
    bad "the emergency never reached the play log: $(cat "$work/run.out")"
fi
grep -q "answers [1-9]" "$work/crowd.out" && ok "the crowd was answered meanwhile" || bad "crowd: $(cat "$work/crowd.out")"
kill -0 "$player_pid" 2>/dev/null && ok "the player still runs" || bad "the player died: $(cat "$work/run.out")"
wait_for "$work/run.out" "playing chuong (emergency)" 5 && ok "the player says it plays the emergency" ||
    bad "player: $(cat "$work/run.out")"
[[ $(sqlite3 "file:$home/loa.db?mode=ro" "SELECT count(*) FROM plays WHERE announcement = 'chuong'") == 1 ]] &&
    ok "it plays once" || bad "rows: $(sqlite3 "file:$home/loa.db?mode=ro" "SELECT play_id, trigger, status FROM plays")"
kill -TERM "$player_pid"
wait "$player_pid"
player_pid=""

printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
