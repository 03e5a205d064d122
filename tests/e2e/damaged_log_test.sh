#!/usr/bin/env bash
# A damaged play log never silences the station: `loa run --output null` plays a
# dense schedule (a slot every 5 s) while loa.db is damaged under it: deleted
# (`delete`), its pages after the first overwritten with random bytes (`pages`),
# or its first page, the header, overwritten (`header`). The player keeps
# playing, keeps every outcome in its journal, and writes them into the database
# again: the one its connection still holds (deleted), or a fresh one that begins
# a new chain, the damaged file kept aside (pages, header). Afterwards every item
# of every occurrence has exactly one outcome, nothing is counted twice, and
# `loa verify` passes on what the station then holds. Prints the counts.
#
#   bash tests/e2e/damaged_log_test.sh LOA delete|pages|header
set -uo pipefail
(($# >= 2)) || { echo "usage: $0 LOA delete|pages|header" >&2; exit 2; }
loa=$1
damage=$2
[[ $damage == delete || $damage == pages || $damage == header ]] || { echo "damaged log: unknown damage '$damage'" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "damaged log: needs the sqlite3 command (packaging/install-deps.sh)" >&2; exit 1; }
command -v sox >/dev/null || { echo "damaged log: needs sox (packaging/install-deps.sh)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-damaged.XXXXXX")
player_pid=""
cleanup() {
    [[ -n $player_pid ]] && kill -KILL "$player_pid" 2>/dev/null
    [[ -n ${KEEP_WORK:-} ]] && echo "damaged log: kept $work" || rm -rf "$work"
}
trap cleanup EXIT
home="$work/home"
fail() { echo "damaged log: FAIL: $*"; [[ -f $work/run.out ]] && tail -20 "$work/run.out"; exit 1; }

# A station whose local time is about midday (outside the default quiet hours).
h=$(date -u +%H); o=$((12 - 10#$h))
if ((o > 0)); then zone="Etc/GMT-$o"; elif ((o < 0)); then zone="Etc/GMT+$((-o))"; else zone="Etc/GMT"; fi

"$loa" --home "$home" init --code DMG-01 --timezone "$zone" >/dev/null || fail "init"
sox -n -r 48000 -c 1 "$work/mot.wav" synth 1.0 sine 440 vol 0.3 || fail "sox"
sox -n -r 48000 -c 1 "$work/hai.wav" synth 1.5 sine 660 vol 0.3 || fail "sox"
"$loa" --home "$home" import "$work/mot.wav" "$work/hai.wav" >/dev/null || fail "import"

window=40
start=$(( $(date +%s) + 5 ))
times=()
for ((t = start; t < start + window; t += 5)); do
    times+=("\"$(TZ=$zone date -d "@$t" +%H:%M:%S)\"")
done
join() { local IFS=,; echo "$*"; }
cat >"$work/dense.toml" <<TOML
version = 1
[[slot]]
id = "a"
days = ["daily"]
at = [$(join "${times[@]}")]
play = ["mot", "hai"]
late = "always"
TOML
"$loa" --home "$home" schedule load "$work/dense.toml" >"$work/load.out" 2>&1 || { cat "$work/load.out"; fail "schedule load"; }
expected=$(( ${#times[@]} * 2 ))

"$loa" --home "$home" run --output null >"$work/run.out" 2>&1 &
player_pid=$!
# Damage the log a third of the way in, between and during plays.
while (( $(date +%s) < start + window / 3 )); do sleep 0.5; done
damage_log() {
    local db=$home/loa.db page_size pages
    case $damage in
    delete)
        rm -f "$db" ;;
    pages | header)
        # Big-endian page size at offset 16 of the header (1 means 65536).
        page_size=$(od -An -tu1 -j16 -N2 "$db" | awk '{ n = $1 * 256 + $2; print n == 1 ? 65536 : n }')
        pages=$(( $(stat -c %s "$db") / page_size ))
        if [[ $damage == pages ]]; then
            dd if=/dev/urandom of="$db" bs="$page_size" seek=1 count=$((pages - 1)) conv=notrunc status=none
        else
            # Page 1 as the write-ahead log has it would mask the damage: move the log
            # into the file first, as SQLite's own checkpoints do.
            sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
            dd if=/dev/urandom of="$db" bs="$page_size" count=1 conv=notrunc status=none
        fi
        echo "damaged log: loa.db has $pages pages of $page_size bytes" ;;
    esac
}
damage_log
echo "damaged log: damaged loa.db ($damage) at +$(( $(date +%s) - start ))s"
if [[ $damage != delete ]]; then
    # While it still plays, `loa status` says what the log repaired and what to do.
    for ((i = 0; i < 40; i++)); do grep -q "kept as" "$work/run.out" && break; sleep 0.5; done
    "$loa" --home "$home" status >"$work/status.out" 2>&1
    grep -q "loa.db.damaged-" "$work/status.out" || { cat "$work/status.out"; fail "loa status does not name the damaged file kept aside"; }
    echo "damaged log: loa status says: $(grep -m1 "loa.db.damaged-" "$work/status.out")"
fi
while (( $(date +%s) < start + window + 6 )); do sleep 1; done
kill -TERM "$player_pid"
wait "$player_pid"
status=$?
player_pid=""
((status == 0)) || fail "the player did not exit 0 on SIGTERM (exit $status)"
[[ -f $home/loa.db ]] || fail "no loa.db after the run"

q() { sqlite3 "$home/loa.db" "$1"; }
occurrences=$(q "SELECT count(DISTINCT occurrence) FROM plays WHERE trigger = 'scheduled'")
items=$(q "SELECT count(*) FROM (SELECT DISTINCT slot, occurrence, position FROM plays WHERE trigger = 'scheduled')")
outcomes=$(q "SELECT count(*) FROM plays WHERE trigger = 'scheduled' AND status NOT IN ('interrupted', 'started')")
completed=$(q "SELECT count(*) FROM plays WHERE trigger = 'scheduled' AND status = 'completed'")
twice=$(q "SELECT count(*) FROM (SELECT 1 FROM plays WHERE trigger = 'scheduled' AND status NOT IN ('interrupted', 'started')
           GROUP BY slot, occurrence, position HAVING count(*) > 1)")
by_status=$(q "SELECT group_concat(status || '=' || n, ' ') FROM (SELECT status, count(*) AS n FROM plays GROUP BY status)")
echo "damaged log: occurrences $occurrences of ${#times[@]}, items $items of $expected, outcomes $outcomes, duplicates $twice"
echo "damaged log: rows by status: $by_status"
grep -i "deleted\|damaged" "$work/run.out" | head -3
if [[ $damage != delete ]]; then
    aside=$(cd "$home" && ls -d loa.db.damaged-* 2>/dev/null | head -1)
    [[ -n $aside ]] || fail "the damaged loa.db was not kept aside as loa.db.damaged-*"
    echo "damaged log: the damaged file is kept as $aside"
    grep -q "$aside" "$work/run.out" || fail "the player did not name $aside"
fi
((occurrences == ${#times[@]})) || fail "$occurrences occurrences in the log, ${#times[@]} in the window"
((items == expected)) || fail "$items items in the log, $expected in the window"
((outcomes == expected)) || fail "$outcomes outcome rows for $expected items"
((twice == 0)) || fail "$twice items have two outcomes"
# The player plays on from what it holds: the damage costs no item its play.
((completed == expected)) || fail "$completed of $expected items completed"
"$loa" --home "$home" verify >"$work/verify.out" 2>&1 || { cat "$work/verify.out"; fail "loa verify"; }
echo "damaged log: the hash chain verifies"
if [[ $damage != delete ]]; then
    grep -q "$aside" "$work/verify.out" || { cat "$work/verify.out"; fail "loa verify does not say the chain begins after $aside"; }
    grep "$aside" "$work/verify.out"
fi
echo "damaged log: PASS"
