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

printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
