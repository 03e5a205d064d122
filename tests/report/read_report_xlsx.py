"""Reads a `loa report --format xlsx` workbook back with openpyxl (an independent
reader): Vietnamese text intact, planned versus aired, days as real dates.
Usage: read_report_xlsx.py FILE (the log make_log writes, 2020-07-20..22)"""
import datetime
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
assert book.sheetnames == ["Báo cáo", "Theo ngày"], book.sheetnames
report = book["Báo cáo"]
rows = [[cell.value for cell in row] for row in report.iter_rows()]
assert rows[0][0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rows[0]
assert rows[1][0] == "Độc lập - Tự do - Hạnh phúc", rows[1]
assert rows[3][0] == "BÁO CÁO KẾT QUẢ PHÁT THANH", rows[3]
labels = {row[0]: row[1:] for row in rows if row[0]}
# Column definitions do not overlap (LibreOffice and Excel read overlapping ones differently).
spans = sorted((d.min, d.max) for d in report.column_dimensions.values() if d.min)
assert all(a[1] < b[0] for a, b in zip(spans, spans[1:])), spans
assert labels["Đơn vị"][0] == "Đài xã (KG-01)", labels["Đơn vị"]
assert labels["Kính gửi"][0] == "Sở VHTTDL tỉnh Kiên Giang", labels["Kính gửi"]
# The test adds the campaign chong-lua-dao-2020 before it asks for the workbook.
campaign = labels["Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)"]
assert campaign[:2] == [3, 8], campaign  # announcements, plays
assert campaign[3:5] == [9, 8], campaign  # planned, aired as planned
assert abs(campaign[5] - 8 / 9) < 1e-9, campaign
missed = [row for row in rows if row[4] == "Bỏ lỡ"]
assert len(missed) == 1 and missed[0][5] == "mất điện, trễ 20 phút", missed
assert isinstance(missed[0][0], datetime.datetime), missed[0]
assert missed[0][1] == "sang #3", missed[0]  # position 2, counted from 1
assert missed[0][2] == 'Cảnh giác lừa đảo, "chiếm đoạt" tài sản', missed[0]  # the title, not the id
assert any(row[0] == "NGƯỜI LẬP BIỂU" and row[4] == "THỦ TRƯỞNG ĐƠN VỊ" for row in rows)
setup = report.page_setup
assert setup.paperSize == 9 and setup.orientation == "portrait", (setup.paperSize, setup.orientation)
assert report.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1) and setup.fitToHeight == 0
days = book["Theo ngày"]
assert days.freeze_panes == "A2", days.freeze_panes
assert days.print_title_rows.replace("$", "") == "1:1", days.print_title_rows
assert [c.value for c in days[2]][:2] == [datetime.datetime(2020, 7, 20), 3], [c.value for c in days[2]]
assert days.max_row == 4, days.max_row
print("report xlsx read back: planned 9, aired as planned 8")
