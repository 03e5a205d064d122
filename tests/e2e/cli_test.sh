#!/usr/bin/env bash
# End-to-end through the `loa` command line: init, import, schedule check/load,
# run into a WAV file, export — and the refusals an operator will meet, each
# with its exit code, a one-line message naming the file, and nothing stored.
#
#   bash tests/e2e/cli_test.sh LOA SOURCE_DIR
set -uo pipefail
(($# == 2)) || { echo "usage: $0 LOA SOURCE_DIR" >&2; exit 2; }
loa=$1
src=$2
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"
e2e_work e2e-cli

# A station whose local time is about midday, whatever the hour CI runs at.
zone=$(midday_zone)

expect 2 "no command is a usage error" -- "$loa"
expect 0 "--help" -- "$loa" --help
for command in init import list show schedule run devices log export; do
    contains "$work/out" "  $command " "--help lists $command"
done
expect 2 "an unknown command is a usage error" -- "$loa" frobnicate
expect 1 "a command outside a station says to run init" -- "$loa" --home "$home" list
contains "$work/err" "loa init" "... and names 'loa init'"

expect 0 "init" -- "$loa" --home "$home" init --code E2E-01 --name "Đài thử" --timezone "$zone"
expect 0 "init again keeps the station" -- "$loa" --home "$home" init --code OTHER
contains "$home/station.toml" 'code = "E2E-01"' "station.toml kept its code"
expect 1 "init with an unknown time zone is refused" -- "$loa" --home "$work/other" init --timezone Mars/Base
[[ ! -e $work/other ]] && ok "nothing was created for it" || bad "a refused init created $work/other"

expect 0 "import the samples" -- "$loa" --home "$home" import "$src"/audio/*.flac "$src"/audio/*.ogg
contains "$work/out" "lua-dao-qua-mang" "import prints the ids"
echo "not audio" >"$work/tin-moi.wav"
: >"$work/rong.flac"
expect 1 "a text file named .wav is refused, the good file still imports" -- \
    "$loa" --home "$home" import "$work/tin-moi.wav" "$work/rong.flac" "$src/audio/chuong.flac" --title x
contains "$work/err" "tin-moi.wav" "the message names the text file"
contains "$work/err" "rong.flac" "the message names the empty file"
[[ $(wc -l <"$work/err") == 2 ]] && ok "one line per refused file" || bad "expected 2 error lines"
expect 1 "a missing file is refused" -- "$loa" --home "$home" import "$work/khong-co.mp3"
contains "$work/err" "khong-co.mp3" "the message names the missing file"
expect 0 "list" -- "$loa" --home "$home" list
[[ $(wc -l <"$work/out") == 5 ]] && ok "the library holds the 5 samples, nothing more" || bad "library: $(cat "$work/out")"

expect 0 "the example schedule checks" -- "$loa" --home "$home" schedule check "$src/schedules/chong-lua-dao-2020.toml"
expect 0 "the example schedule loads" -- "$loa" --home "$home" schedule load "$src/schedules/chong-lua-dao-2020.toml"
expect 0 "the full example loads" -- "$loa" --home "$home" schedule load "$src/schedules/vi-du-day-du.toml"
expect 0 "schedule show lists a day" -- "$loa" --home "$home" schedule show --from 2020-09-14 --days 1
contains "$work/out" "sang  normal  chuong, lua-dao-qua-mang, thu-doan-lua-dao, lua-dao-qua-mang, thu-doan-lua-dao, chuong  (3 s of silence between items)" "schedule show gives intro, repeats, outro and the gap"
expect 0 "schedule show --json" -- "$loa" --home "$home" schedule show --from 2020-09-14 --days 1 --json
contains "$work/out" '"gap_ms":3000' "schedule show --json gives the gap"
expect 0 "the example schedule loads again" -- "$loa" --home "$home" schedule load "$src/schedules/chong-lua-dao-2020.toml"
cat >"$work/bad.toml" <<'TOML'
version = 1
[[slot]]
id = "sang"
days = ["daily"]
at = ["06:00"]
play = ["chuong", "khong-ton-tai"]
TOML
expect 1 "a schedule naming an unknown id is refused" -- "$loa" --home "$home" schedule load "$work/bad.toml"
contains "$work/err" "bad.toml:6:" "the error names file and line"
contains "$work/err" "khong-ton-tai" "the error names the id"
contains "$work/err" "stays active" "the previous schedule stays active"
expect 0 "history" -- "$loa" --home "$home" schedule history
grep active "$work/out" | grep -q chong-lua-dao-2020.toml && ok "the example is still the active version" || bad "history: $(cat "$work/out")"

# A slot 4 seconds from now, played into a WAV file.
# A missing sound card: the player waits for it, retrying with backoff, and says so.
"$loa" --home "$home" run --output device:no-such-card-anywhere >"$work/nocard.out" 2>&1 &
nocard_pid=$!
sleep 2.5
kill -TERM "$nocard_pid"
wait "$nocard_pid"
nocard_code=$?
((nocard_code == 0)) && ok "a player waiting for a missing card stops cleanly on SIGTERM" || bad "exit code $nocard_code"
contains "$work/nocard.out" "no-such-card-anywhere" "the message names the device"
contains "$work/nocard.out" "trying the sound device again in 1 s" "... and says when it tries again"
start=$(($(date +%s) + 4))
cat >"$work/now.toml" <<TOML
version = 1
[[slot]]
id = "ngay"
dates = [$(TZ=$zone date -d "@$start" +%F)]
at = ["$(TZ=$zone date -d "@$start" +%T)"]
play = ["chuong"]
TOML
expect 0 "load a slot a few seconds ahead" -- "$loa" --home "$home" schedule load "$work/now.toml"
"$loa" --home "$home" run --output "wav:$work/out.wav" >"$work/run.out" 2>&1 &
player_pid=$!
sleep 1
expect 3 "a second player for the same station is refused" -- "$loa" --home "$home" run --output null
contains "$work/err" "already running" "... saying another player runs"
deadline=$(($(date +%s) + 30))
until grep -q "completed chuong" "$work/run.out" || (($(date +%s) > deadline)); do sleep 0.5; done
kill -TERM "$player_pid"
wait "$player_pid"
code=$?
player_pid=""
((code == 0)) && ok "the player stops cleanly on SIGTERM" || bad "player exit code $code"
sed 's/^/  player: /' "$work/run.out"
[[ -s $work/out.wav ]] && ok "the WAV output was written" || bad "no WAV output"
soxi -D "$work/out.wav" >/dev/null 2>&1 && ok "the WAV output is a valid file ($(soxi -D "$work/out.wav") s)" || bad "invalid WAV"

today=$(TZ=$zone date -d "@$start" +%F)
expect 0 "export csv" -- "$loa" --home "$home" export --from "$today" --to "$today" --format csv -o "$work/log.csv"
contains "$work/log.csv" ",ngay," "the export has the slot's row"
contains "$work/log.csv" ",completed," "... completed"
[[ $(grep -c ',ngay,' "$work/log.csv") == 1 ]] && ok "exactly one row for the item" || bad "rows: $(cat "$work/log.csv")"
expect 2 "export with --to before --from is a usage error" -- \
    "$loa" --home "$home" export --from 2020-07-31 --to 2020-07-01 --format csv

# Removing an announcement keeps its content if a play played it (the play log says
# which), and deletes the content of one nothing played.
played_sha=$(sha256sum "$src/audio/lua-dao-qua-mang.flac" | cut -d' ' -f1)
unplayed_sha=$(sha256sum "$src/audio/bao-cao-ket-qua.flac" | cut -d' ' -f1)
expect 0 "play an announcement into nothing" -- "$loa" --home "$home" play lua-dao-qua-mang --output null
expect 0 "remove the played announcement" -- "$loa" --home "$home" remove lua-dao-qua-mang
expect 0 "remove an announcement nothing played" -- "$loa" --home "$home" remove bao-cao-ket-qua
[[ -n $(find "$home/library" -name "$played_sha.*") ]] && ok "... the played content is kept" ||
    bad "the content of a played announcement was deleted"
[[ -z $(find "$home/library" -name "$unplayed_sha.*") ]] && ok "... the unplayed content is deleted" ||
    bad "the content of an announcement nothing played was kept"

e2e_summary
