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
assert rows[0][0] == "BÁO CÁO KẾT QUẢ PHÁT THANH", rows[0]
labels = {row[0]: row[1:] for row in rows if row[0]}
assert labels["Đơn vị"][0] == "Đài xã (KG-01)", labels["Đơn vị"]
assert labels["Kính gửi"][0] == "Sở VHTTDL tỉnh Kiên Giang", labels["Kính gửi"]
# The test adds the campaign chong-lua-dao-2020 before it asks for the workbook.
campaign = labels["Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)"]
assert campaign[:2] == [3, 8], campaign  # announcements, plays
assert campaign[3:5] == [9, 8], campaign  # planned, aired as planned
assert abs(campaign[5] - 8 / 9) < 1e-9, campaign
missed = [row for row in rows if row[3] == "Bỏ lỡ"]
assert len(missed) == 1 and missed[0][4] == "mất điện, trễ 20 phút", missed
assert isinstance(missed[0][0], datetime.datetime), missed[0]
assert any(row[0] == "NGƯỜI LẬP BIỂU" and row[4] == "THỦ TRƯỞNG ĐƠN VỊ" for row in rows)
days = book["Theo ngày"]
assert days.freeze_panes == "A2", days.freeze_panes
assert [c.value for c in days[2]][:2] == [datetime.datetime(2020, 7, 20), 3], [c.value for c in days[2]]
assert days.max_row == 4, days.max_row
print("report xlsx read back: planned 9, aired as planned 8")
