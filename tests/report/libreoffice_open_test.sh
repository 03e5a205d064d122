#!/usr/bin/env bash
# The files the province opens in a spreadsheet, opened by LibreOffice (headless,
# a private profile so tests run in parallel): the report workbook, the raw export
# workbook and the Excel CSV (read as a Vietnamese LibreOffice reads it: UTF-8,
# comma, Vietnamese locale for dd/mm/yyyy and decimal commas). LibreOffice saves
# what it read as XLSX; check_libreoffice.py checks the cells' values, types and
# Vietnamese text with openpyxl.
#
#   bash libreoffice_open_test.sh LOA MAKE_LOG
set -euo pipefail
(($# == 2)) || { echo "usage: $0 LOA MAKE_LOG" >&2; exit 2; }
loa=$1
make_log=$2
here=$(dirname "$0")
command -v soffice >/dev/null || { echo "FAIL: soffice is missing: run packaging/install-deps.sh"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-libreoffice.XXXXXX")
trap 'rm -rf "$work"' EXIT

home="$work/home"
"$loa" --home "$home" init --code KG-01 --name "Đài xã" --reports-to "Sở VHTTDL tỉnh Kiên Giang" >/dev/null
"$make_log" "$home"
"$loa" --home "$home" campaign add chong-lua-dao-2020 --title "Phòng, chống lừa đảo trực tuyến" \
    --ref 498/STTTT-TTBCBC >/dev/null
month=(--from 2020-07-01 --to 2020-07-31)
"$loa" --home "$home" report --from 2020-07-20 --to 2020-07-22 --format xlsx -o "$work/report.xlsx" >/dev/null
"$loa" --home "$home" export "${month[@]}" --format xlsx -o "$work/export.xlsx" >/dev/null
"$loa" --home "$home" export "${month[@]}" --format csv --excel -o "$work/excel.csv" >/dev/null

# One LibreOffice run for the three files; the CSV filter's options apply to the CSV
# only (44 comma, 34 double quote, 76 UTF-8, from line 1, 1066 Vietnamese).
soffice --headless -env:UserInstallation="file://$work/libreoffice" --infilter="CSV:44,34,76,1,,1066" \
    --convert-to xlsx --outdir "$work/opened" "$work/report.xlsx" "$work/export.xlsx" "$work/excel.csv" \
    >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
/usr/bin/python3 "$here/check_libreoffice.py" "$work/opened"
