#!/usr/bin/env bash
# The command line keeps its word: each command and subcommand takes only its own
# options (any other is a usage error naming it), numbers and dates are parsed whole,
# every listing has --json, text listings count items from 1; readers work on a
# read-only station home (folder or files); a schedule that is a named pipe is
# refused; only `init` creates the database; a
# damaged database stops the commands that change the station (exit 3) with what to
# do; `init` does not call a broken station.toml ready.
#
#   bash tests/e2e/cli_station_test.sh LOA SOURCE_DIR
set -uo pipefail
(($# == 2)) || { echo "usage: $0 LOA SOURCE_DIR" >&2; exit 2; }
loa=$1
src=$2
# shellcheck source-path=SCRIPTDIR source=../support/e2e_helpers.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../support/e2e_helpers.sh"
e2e_work e2e-station
# Root writes through any permission: a reader without the capabilities that allow it.
reader=()
if (($(id -u) == 0)); then reader=(setpriv --bounding-set=-dac_override,-dac_read_search,-fowner --); fi

expect 0 "init" -- "$loa" --home "$home" init --code E2E-02
expect 0 "import" -- "$loa" --home "$home" import "$src/audio/chuong.flac"

# A schedule that is a named pipe is refused at once (opening it would wait for a writer).
mkfifo "$work/fifo.toml"
for words in "schedule check" "schedule load" "simulate --from 2020-07-20 --to 2020-07-21 --schedule"; do
    read -ra w <<<"$words"
    expect 1 "$words of a named pipe is refused" -- timeout 10 "$loa" --home "$home" "${w[@]}" "$work/fifo.toml"
    contains "$work/err" "'$work/fifo.toml' is not a regular file (a named pipe); copy it into a regular file" "... naming the file and what to do"
done

# --help on every command and subcommand.
for words in "campaign add" "campaign list" "schedule show" "schedule history" "import" "report"; do
    read -ra w <<<"$words"
    expect 0 "loa $words --help" -- "$loa" --home "$home" "${w[@]}" --help
    contains "$work/out" "usage: loa $words" "... prints its usage"
done
expect 0 "--help after other words" -- "$loa" --home "$home" campaign add x --title T --help
contains "$work/out" "--title T" "... still the help"
expect 0 "report --help names xlsx" -- "$loa" report --help
contains "$work/out" "text|csv|html|xlsx" "... among its formats"

# Options belong to their subcommand.
expect 2 "schedule check --days is refused" -- "$loa" --home "$home" schedule check x.toml --days 3
contains "$work/err" "unknown option --days" "... naming the option"
expect 2 "schedule load --json is refused" -- "$loa" --home "$home" schedule load x.toml --json
expect 2 "campaign add --json is refused" -- "$loa" --home "$home" campaign add x --title T --json
expect 2 "export --status is refused" -- "$loa" --home "$home" export --from 2020-01-01 --to 2020-01-01 --status missed
expect 2 "a flag with a value is refused" -- "$loa" --home "$home" list --json=yes

# Numbers and dates parsed whole.
for days in abc 1x 0 367 -1 ""; do
    expect 2 "schedule show --days '$days'" -- "$loa" --home "$home" schedule show --days "$days"
    contains "$work/err" "--days" "... names the option"
    contains "$work/err" "'$days'" "... and the value"
done
expect 2 "log --from 2020-02-30" -- "$loa" --home "$home" log --from 2020-02-30
contains "$work/err" "2020-02-30" "... names the value"
expect 2 "report --format pdf" -- "$loa" --home "$home" report --from 2020-01-01 --to 2020-01-01 --format pdf
contains "$work/err" "xlsx" "... and lists the formats it takes"

# Every listing has --json.
for words in "list" "campaign list" "schedule history" "log" "devices"; do
    read -ra w <<<"$words"
    expect 0 "$words --json" -- "$loa" --home "$home" "${w[@]}" --json
    if [[ $words == log ]]; then
        [[ ! -s $work/out ]] || python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/out" &&
            ok "... JSON lines" || bad "... not JSON: $(cat "$work/out")"
    else
        python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/out" && ok "... is JSON" ||
            bad "... not JSON: $(cat "$work/out")"
    fi
done

# A slot of two items a few seconds ahead, played into nothing: people count from 1.
# A station whose local time is about midday (outside quiet hours), whatever the hour.
h=$(date -u +%H); o=$((12 - 10#$h))
if ((o > 0)); then zone="Etc/GMT-$o"; elif ((o < 0)); then zone="Etc/GMT+$((-o))"; else zone="Etc/GMT"; fi
start=$(($(date +%s) + 3))
cat >"$work/now.toml" <<TOML
version = 1
[[slot]]
id = "ngay"
dates = [$(TZ=$zone date -d "@$start" +%F)]
at = ["$(TZ=$zone date -d "@$start" +%T)"]
play = ["chuong", "chuong"]
TOML
sed -i "s|^timezone = .*|timezone = \"$zone\"|" "$home/station.toml"
expect 0 "load a slot a few seconds ahead" -- "$loa" --home "$home" schedule load "$work/now.toml"
expect 0 "schedule history --json" -- "$loa" --home "$home" schedule history --json
contains "$work/out" '"file_name":"now.toml"' "... names the file"
contains "$work/out" '"active":true' "... and which is active"
"$loa" --home "$home" run --output null >"$work/run.out" 2>&1 &
player=$!
deadline=$(($(date +%s) + 30))
until (($(grep -c "completed chuong" "$work/run.out") >= 2)) || (($(date +%s) > deadline)); do sleep 0.3; done
kill -TERM "$player"
wait "$player"
expect 0 "log" -- "$loa" --home "$home" log
contains "$work/out" "ngay #1  chuong" "the first item is #1"
contains "$work/out" "ngay #2  chuong" "the second is #2"
grep -q "late -" "$work/out" && bad "a negative lateness shown: $(cat "$work/out")" || ok "no negative lateness shown"
contains "$work/out" "late " "... the lateness is shown"
expect 0 "log --json" -- "$loa" --home "$home" log --json
contains "$work/out" '"position":0' "--json keeps position 0"

# A read-only station home: the folder, the files, both.
readers() {
    local what=$1
    for words in "list" "log" "verify" "export --from 2020-01-01 --to 2030-12-31" "report --from 2020-01-01 --to 2030-12-31" "schedule show" "schedule history" "campaign list"; do
        read -ra w <<<"$words"
        expect 0 "$words with $what" -- "${reader[@]}" "$loa" --home "$home" "${w[@]}"
    done
    expect 0 "status with $what" -- bash -c '"$@"; (($? == 3))' _ "${reader[@]}" "$loa" --home "$home" status
}
ls "$home" >"$work/before"
chmod a-w "$home"
readers "a read-only folder"
ls "$home" >"$work/after"
cmp -s "$work/before" "$work/after" && ok "... and no file was made there" || bad "files made: $(diff "$work/before" "$work/after")"
chmod u+w "$home"
chmod a-w "$home/loa.db" "$home/station.toml"
readers "read-only files"
chmod a-w "$home"
readers "read-only files in a read-only folder"
chmod u+w "$home" "$home/loa.db" "$home/station.toml"

# Only init creates the database.
mv "$home/loa.db" "$work/loa.db.saved"
for words in "list" "log" "schedule show" "import $src/audio/chuong.flac"; do
    read -ra w <<<"$words"
    expect 1 "$words without loa.db" -- "$loa" --home "$home" "${w[@]}"
    contains "$work/err" "database" "... says the database"
    contains "$work/err" "is missing" "... is missing"
    contains "$work/err" "loa init" "... and what to do"
    [[ ! -e $home/loa.db ]] && ok "... and makes no empty one" || bad "$words made a new loa.db"
done
mv "$work/loa.db.saved" "$home/loa.db"

# A damaged page: the commands that change the station refuse, saying what to do.
page=$(sqlite3 "$home/loa.db" "PRAGMA page_size")
root=$(sqlite3 "$home/loa.db" "SELECT rootpage FROM sqlite_master WHERE name = 'plays'")
cp "$home/loa.db" "$work/loa.db.good"
python3 - "$home/loa.db" "$page" "$root" <<'PY'
import sys
path, page, root = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "r+b") as f:
    f.seek(page * (root - 1))
    f.write(b"\xde\xad\xbe\xef" * (page // 4))
PY
expect 3 "schedule load with a damaged database" -- "$loa" --home "$home" schedule load "$work/now.toml"
contains "$work/err" "is damaged" "... says the database is damaged"
contains "$work/err" "integrity_check" "... how to look"
contains "$work/err" "backup" "... and to restore the backup"
expect 3 "play with a damaged database" -- "$loa" --home "$home" play chuong --output null
contains "$work/err" "is damaged" "... says the database is damaged"
expect 3 "import with a damaged database" -- "$loa" --home "$home" import "$src/audio/lua-dao-qua-mang.flac"
cp "$work/loa.db.good" "$home/loa.db"

# init does not call a broken station.toml ready.
mkdir -p "$work/folder/station.toml"
expect 1 "init where station.toml is a folder" -- "$loa" --home "$work/folder" init
contains "$work/err" "not a file" "... says so"
mkdir -p "$work/broken"
echo '[station' >"$work/broken/station.toml"
expect 1 "init with a broken station.toml" -- "$loa" --home "$work/broken" init
contains "$work/err" "station.toml:1:" "... names its line"
[[ ! -e $work/broken/loa.db ]] && ok "... and creates nothing" || bad "init made a database beside a broken station.toml"

e2e_summary
