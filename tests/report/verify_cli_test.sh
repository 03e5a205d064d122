#!/usr/bin/env bash
# `loa verify` and `loa export` through the command line, on a real log: intact
# exits 0; each kind of tampering (made with the sqlite3 tool on a copy of the
# database, or with sed on an export) exits 1 naming the row.
#
#   bash verify_cli_test.sh LOA MAKE_LOG
set -uo pipefail
(($# == 2)) || { echo "usage: $0 LOA MAKE_LOG" >&2; exit 2; }
loa=$1
make_log=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-verify-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$1"; }
# expect CODE TEXT DESCRIPTION -- COMMAND...: exit code and a text in stdout+stderr.
expect() {
    local code=$1 text=$2 what=$3
    shift 4
    "$@" >"$work/out" 2>&1
    local got=$?
    if ((got == code)) && grep -qF -- "$text" "$work/out"; then
        ok "$what (exit $got)"
    else
        bad "$what: exit $got, wanted $code and '$text'"
        sed 's/^/  /' "$work/out"
    fi
}

home="$work/home"
"$loa" --home "$home" init --code KG-01 --name "Đài xã" --reports-to "Sở VHTTDL tỉnh Kiên Giang" >/dev/null || { echo "init failed"; exit 1; }
"$make_log" "$home" || { echo "make_log failed"; exit 1; }

expect 0 "intact: 9 chained row(s), seq 1 to 9" "the database verifies" -- "$loa" --home "$home" verify
expect 0 "wrote 9 play(s)" "export csv" -- "$loa" --home "$home" export --from 2020-07-01 --to 2020-07-31 -o "$work/log.csv"
expect 0 "wrote 9 play(s)" "export json" -- "$loa" --home "$home" export --from 2020-07-01 --to 2020-07-31 --format json -o "$work/log.json"
expect 0 "intact: 9 chained row(s)" "the CSV export verifies" -- "$loa" verify "$work/log.csv"
expect 0 "intact: 9 chained row(s)" "the JSON export verifies" -- "$loa" verify "$work/log.json"
"$loa" --home "$home" export --from 2020-07-21 --to 2020-07-21 -o "$work/day.csv" 2>/dev/null
expect 0 "seq 4 to 6" "one day's export verifies on its own" -- "$loa" verify "$work/day.csv"

# Tampered databases: a copy of the station home each time.
tamper_db() {
    rm -rf "$work/copy" && cp -a "$home" "$work/copy" && sqlite3 "$work/copy/loa.db" "$1"
}
tamper_db "UPDATE plays SET status = 'completed' WHERE seq = 6"
expect 1 "seq 6 (play_id 6): field status is \"completed\" but was chained as \"missed\"" \
    "an edited row in the database" -- "$loa" --home "$work/copy" verify
tamper_db "DELETE FROM plays WHERE seq = 4"
expect 1 "seq 5 (play_id 5): seq 4 missing before it" "a deleted row in the database" -- "$loa" --home "$work/copy" verify
tamper_db "UPDATE plays SET seq = -1 WHERE seq = 7; UPDATE plays SET seq = 7 WHERE seq = 8; UPDATE plays SET seq = 8 WHERE seq = -1"
expect 1 "seq 7 (play_id 8): was chained as seq 8" "reordered rows in the database" -- "$loa" --home "$work/copy" verify
tamper_db "INSERT INTO plays (station, announcement, status, priority, trigger) VALUES ('KG-01', 'chuong', 'completed', 'normal', 'manual')"
expect 1 "play_id 10 is final (completed) but not in the chain" "an inserted row in the database" -- "$loa" --home "$work/copy" verify
tamper_db "DELETE FROM plays WHERE seq = 9"
expect 1 "the last rows were deleted" "a deleted last row in the database" -- "$loa" --home "$work/copy" verify

# Tampered exports.
sed 's/,missed,/,completed,/' "$work/log.csv" >"$work/edited.csv"
expect 1 "edited.csv:5: the export was tampered with (edited): seq 6 (play_id 6): field status" \
    "an edited visible field in a CSV export" -- "$loa" verify "$work/edited.csv"
sed 's/mất điện/mất nước/' "$work/log.json" >"$work/edited.json"
expect 1 "field error" "an edited Vietnamese field in a JSON export" -- "$loa" verify "$work/edited.json"
grep -v ',5,[0-9a-f]\{64\},' "$work/log.csv" >"$work/deleted.csv"
expect 1 "seq 5 missing" "a deleted line of a CSV export" -- "$loa" verify "$work/deleted.csv"
printf 'not,an,export\r\n' >"$work/other.csv"
expect 1 "other.csv:1: not a loa export" "a file that is not an export" -- "$loa" verify "$work/other.csv"
expect 2 "at most one file" "two files" -- "$loa" verify a b

# Excel: the CSV variant and the workbook, read back by an independent reader.
"$loa" --home "$home" export --from 2020-07-01 --to 2020-07-31 --excel -o "$work/excel.csv" 2>/dev/null
if head -c 3 "$work/excel.csv" | od -An -tx1 | grep -q "ef bb bf" && grep -q "20/07/2020 06:00:00" "$work/excel.csv"; then
    ok "the Excel CSV has a byte-order mark and dd/MM/yyyy dates"
else
    bad "the Excel CSV"
fi
expect 0 "csv read back: 9 plays" "both CSV exports read back with Python's csv module" -- \
    /usr/bin/python3 "$(dirname "$0")/read_csv.py" "$work/log.csv" "$work/excel.csv" 9
expect 0 "wrote 9 play(s)" "export xlsx" -- "$loa" --home "$home" export --from 2020-07-01 --to 2020-07-31 --format xlsx -o "$work/log.xlsx"
expect 2 "needs -o" "xlsx without -o" -- "$loa" --home "$home" export --from 2020-07-01 --to 2020-07-31 --format xlsx
if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
    expect 0 "xlsx read back: 9 plays" "the workbook reads back with openpyxl" -- /usr/bin/python3 "$(dirname "$0")/read_xlsx.py" "$work/log.xlsx" 9
else
    echo "skip: python3-openpyxl is not installed; the workbook was not read back"
fi

# The period report.
expect 0 "Bỏ lỡ: mất điện, trễ 20 phút" "the text report lists the missed item with its reason" -- \
    "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22
expect 0 "wrote the report" "the HTML report" -- "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22 --format html -o "$work/r.html"
if grep -q "<svg" "$work/r.html" && grep -q "THỦ TRƯỞNG ĐƠN VỊ" "$work/r.html"; then ok "the HTML report has its chart and signatures"; else bad "the HTML report"; fi
expect 0 "chong-lua-dao-2020: 3 bản tin, 8 lượt, 5 phút 36 giây; kế hoạch 9 lượt, đã phát theo lịch 8 (88,9 %)" \
    "the text report sets the schedule's plan against what aired" -- "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22
"$loa" --home "$home" campaign add chong-lua-dao-2020 --title "Phòng, chống lừa đảo trực tuyến" --ref 498/STTTT-TTBCBC \
    >/dev/null || bad "campaign add"
expect 0 "Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC): 3 bản tin, 8 lượt" \
    "the text report names a known campaign by its title and document" -- "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22
expect 0 "Chiến dịch: Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)" "a one-campaign report names it in its heading" -- \
    "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22 --campaign chong-lua-dao-2020
expect 0 "wrote the report" "the report as a workbook" -- "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22 --format xlsx -o "$work/r.xlsx"
expect 2 "needs -o" "a report workbook without -o" -- "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22 --format xlsx
if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
    expect 0 "report xlsx read back" "the report workbook reads back with openpyxl" -- /usr/bin/python3 "$(dirname "$0")/read_report_xlsx.py" "$work/r.xlsx"
fi
expect 2 "--format must be" "a report in an unknown format" -- "$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22 --format pdf

# --- What the chain used to miss (issue 18, item 3) --------------------------------
# Truncation of the database: the head in meta goes too, or is rewritten.
tamper_db "DELETE FROM plays WHERE seq >= 8; DELETE FROM meta WHERE key = 'chain_head'"
expect 1 "meta.chain_head is missing" "the last rows deleted with meta.chain_head" -- "$loa" --home "$work/copy" verify
tamper_db "DELETE FROM plays WHERE seq >= 8; UPDATE meta SET value = (SELECT seq || ':' || row_hash FROM plays WHERE seq = 7) WHERE key = 'chain_head'"
expect 1 "were given out but are no longer in the table" "the last rows deleted, meta.chain_head rewritten" -- \
    "$loa" --home "$work/copy" verify
# A millisecond column moves a play out of the period: the log and the report change.
tamper_db "UPDATE plays SET started_ms = started_ms + 30 * 86400000 WHERE seq = 2"
expect 1 "started_ms is" "an edited started_ms in the database" -- "$loa" --home "$work/copy" verify
tamper_db "UPDATE plays SET scheduled_ms = scheduled_ms - 30 * 86400000 WHERE seq = 6"
expect 1 "scheduled_ms is" "an edited scheduled_ms in the database" -- "$loa" --home "$work/copy" verify
tamper_db "UPDATE plays SET planned_ms = planned_ms + 60000 WHERE seq = 3"
expect 1 "planned_ms is" "an edited planned_ms in the database" -- "$loa" --home "$work/copy" verify

# The export's end record: the first or last row deleted.
data_lines() { grep -c "^[0-9]" "$1"; }
first=$(grep -n "^[0-9]" "$work/log.csv" | head -1 | cut -d: -f1)
last=$(grep -n "^[0-9]" "$work/log.csv" | tail -1 | cut -d: -f1)
sed "${first}d" "$work/log.csv" >"$work/no-first.csv"
expect 1 "end record does not match its rows" "the first row of a CSV export deleted" -- "$loa" verify "$work/no-first.csv"
sed "${last}d" "$work/log.csv" >"$work/no-last.csv"
expect 1 "rows were deleted from the export" "the last row of a CSV export deleted" -- "$loa" verify "$work/no-last.csv"
grep -v '"seq":9,' "$work/log.json" >"$work/no-last.json"
expect 1 "end record does not match its rows" "the last row of a JSON export deleted" -- "$loa" verify "$work/no-last.json"
# An export from before the end record: still verifies, saying it carries no count.
grep -v "^loa-export-end," "$work/log.csv" >"$work/old.csv"
expect 0 "it carries no count or final hash" "an export without an end record" -- "$loa" verify "$work/old.csv"
# Line ends changed by a Windows editor.
sed 's/$/\r/' "$work/log.json" >"$work/crlf.json"
expect 0 "intact: 9 chained row(s)" "a JSON export with CRLF line ends" -- "$loa" verify "$work/crlf.json"
python3 -c "import sys; d=open(sys.argv[1],'rb').read().replace(b'\r\n',b'\n').replace(b'\n',b'\r\n'); open(sys.argv[2],'wb').write(d)" \
    "$work/log.csv" "$work/crlf.csv"
expect 0 "intact: 9 chained row(s)" "a CSV export through a CRLF conversion" -- "$loa" verify "$work/crlf.csv"
# The Excel copy, and a plain CSV a spreadsheet saved again.
expect 1 "copy of the play log made for Excel" "the Excel CSV says it is for reading and which file to verify" -- \
    "$loa" verify "$work/excel.csv"
sed 's/,0\{64\},/,0,/' "$work/log.csv" >"$work/resaved.csv"
expect 1 "a spreadsheet program changed this file when it was saved: column prev_hash holds \"0\"" \
    "a CSV a spreadsheet saved again" -- "$loa" verify "$work/resaved.csv"

# The report's witness: chain id, seq range and head, cross-checked with --report.
"$loa" --home "$home" report --from 2020-07-01 --to 2020-07-31 --format html -o "$work/month.html" 2>/dev/null
"$loa" --home "$home" report --from 2020-07-01 --to 2020-07-31 -o "$work/month.txt" 2>/dev/null
for r in month.html month.txt; do
    grep -q "log chain [0-9a-f-]*: seq 1 to 9 (9 rows), head [0-9a-f]\{64\}" "$work/$r" && ok "$r prints the chain witness" ||
        bad "$r has no witness line"
done
expect 0 "the same rows $work/month.html reported" "an export checked against the HTML report" -- \
    "$loa" verify "$work/log.csv" --report "$work/month.html"
grep -v "^loa-export-end," "$work/no-last.csv" >"$work/no-last-old.csv"
expect 1 "does not cover what" "an old-style export without its last row, against the report" -- \
    "$loa" verify "$work/no-last-old.csv" --report "$work/month.txt"
expect 1 "(8 rows)" "... names what it found" -- "$loa" verify "$work/no-last-old.csv" --report "$work/month.txt"
expect 0 "and it holds the chain" "the database against the report" -- "$loa" --home "$home" verify --report "$work/month.txt"
tamper_db "DELETE FROM plays WHERE seq >= 8; UPDATE meta SET value = (SELECT seq || ':' || row_hash FROM plays WHERE seq = 7) WHERE key = 'chain_head'; UPDATE sqlite_sequence SET seq = 7 WHERE name = 'plays'"
expect 0 "intact: 7 chained row(s)" "a truncation that rewrites both witnesses in the database is not seen alone" -- \
    "$loa" --home "$work/copy" verify
expect 1 "the last rows were deleted" "... but is seen against the report sent earlier" -- \
    "$loa" --home "$work/copy" verify --report "$work/month.html"

printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
