#!/usr/bin/env bash
# The province's own tools print a month's report of a busy station: LibreOffice
# prints the XLSX report, Chromium the HTML one, both to PDF; check_printed.py
# reads the PDFs' text (pdftotext) against the files' cells. LibreOffice and
# Chromium each get a profile of their own, so tests can run in parallel.
#
#   bash print_report_test.sh LOA MAKE_BUSY_YEAR
set -euo pipefail
(($# == 2)) || { echo "usage: $0 LOA MAKE_BUSY_YEAR" >&2; exit 2; }
loa=$1
make_busy_year=$2
here=$(dirname "$0")
for tool in soffice chromium pdftotext pdfinfo; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing: run packaging/install-deps.sh"; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-print-report.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$make_busy_year" "$work/home" 2020 >/dev/null
# Campaign names as long as the province's (the XLSX report used to cut them).
"$loa" --home "$work/home" campaign add chong-lua-dao-2020 \
    --title "Phòng, chống lừa đảo chiếm đoạt tài sản trên không gian mạng" --ref 498/STTTT-TTBCBC >/dev/null
"$loa" --home "$work/home" campaign add phong-chong-covid-19 --title "Phòng, chống dịch COVID-19" \
    --ref 1234/UBND-VX >/dev/null
period=(--from 2020-10-01 --to 2020-10-31) # a storm's emergency, power cuts, failures
"$loa" --home "$work/home" report "${period[@]}" --format xlsx -o "$work/report.xlsx" >/dev/null
"$loa" --home "$work/home" report "${period[@]}" --format html -o "$work/report.html" >/dev/null

soffice --headless -env:UserInstallation="file://$work/libreoffice" --convert-to pdf --outdir "$work/pdf" \
    "$work/report.xlsx" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --no-pdf-header-footer \
    --print-to-pdf="$work/pdf/report-html.pdf" "file://$work/report.html" >"$work/chromium.log" 2>&1 ||
    { cat "$work/chromium.log"; exit 1; }
# October 2020 prints on 3 pages of "Báo cáo" and 1 of "Theo ngày" (it took 5, columns
# split across pages); the HTML report on 4.
/usr/bin/python3 "$here/check_printed.py" "$work/report.xlsx" "$work/pdf/report.pdf" \
    "$work/report.html" "$work/pdf/report-html.pdf" 4 4
