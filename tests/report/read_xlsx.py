"""Reads a `loa export --format xlsx` workbook back with openpyxl (an independent
reader) and checks what the province sees. Usage: read_xlsx.py FILE PLAYS"""
import datetime
import sys

import openpyxl

path, plays = sys.argv[1], int(sys.argv[2])
book = openpyxl.load_workbook(path)
assert book.sheetnames == ["Nhật ký phát", "Tổng hợp"], book.sheetnames
log = book["Nhật ký phát"]
assert log.freeze_panes == "A2", log.freeze_panes
headings = [cell.value for cell in log[1]]
assert headings[:4] == ["Mã lượt phát", "Mã đài", "Khung giờ", "Giờ theo lịch"], headings
assert log.max_row == plays + 1, log.max_row
row = [cell.value for cell in log[2]]
assert isinstance(row[3], datetime.datetime), row[3]
assert row[3] == datetime.datetime(2020, 7, 20, 6, 0), row[3]
assert headings[4] == "Thứ tự" and row[4] == 1, (headings[4], row[4])  # position 0, counted from 1
assert row[8] == 'Cảnh giác lừa đảo, "chiếm đoạt" tài sản', row[8]
assert log.column_dimensions["I"].width > 30
reasons = [log.cell(r, 16).value for r in range(2, plays + 2)]
assert "mất điện, trễ 20 phút" in reasons, reasons
summary = {r[0].value: r[1].value for r in book["Tổng hợp"].iter_rows() if r[0].value}
assert summary["Số lượt phát đã ghi"] == plays, summary
assert summary["Nơi nhận"] == "Sở VHTTDL tỉnh Kiên Giang", summary
airtime = summary["Tổng thời lượng phát (giờ:phút:giây)"]
assert airtime == datetime.timedelta(minutes=5, seconds=36), airtime  # 8 plays of 42 s, read as h:mm:ss
print("xlsx read back:", plays, "plays,", airtime, "on air")
