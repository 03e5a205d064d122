"""Checks the workbooks LibreOffice saved after opening the report workbook, the
raw export workbook and the Excel CSV of the log make_log writes (9 plays,
2020-07-20..22, one missed): values, types (dates as dates, numbers as numbers)
and Vietnamese text as LibreOffice read them. Usage: check_libreoffice.py DIR"""
import datetime
import sys

import openpyxl

folder = sys.argv[1]
failures = []


def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def rows(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def log_rows(sheet):
    """The log's rows as dicts by heading (the columns' order is the export's business)."""
    table = rows(sheet)
    return [dict(zip(table[0], row)) for row in table[1:] if any(v is not None for v in row)]


def check_log(name, plays):
    check(len(plays) == 9, f"{name}: 9 plays ({len(plays)})")
    first = plays[0]
    check(first.get("Giờ theo lịch") == datetime.datetime(2020, 7, 20, 6, 0),
          f"{name}: the scheduled time is a date-time, 20 July 06:00 ({first.get('Giờ theo lịch')!r})")
    check(isinstance(first.get("Bắt đầu"), datetime.datetime), f"{name}: the start is a date-time")
    check(first.get("Tên bản tin") == 'Cảnh giác lừa đảo, "chiếm đoạt" tài sản',
          f"{name}: the title's Vietnamese and quotes intact ({first.get('Tên bản tin')!r})")
    duration = first.get("Thời lượng (giây)")  # 4 ms late to 42 s after the slot
    check(isinstance(duration, (int, float)) and abs(duration - 42) < 0.01,
          f"{name}: the duration is the number 42 seconds ({duration!r})")
    places = sorted({p.get("Thứ tự") for p in plays})
    check(places == [1, 2, 3], f"{name}: places are counted from 1 ({places})")
    late = first.get("Trễ (ms)")  # more than a millisecond late: shown as stored
    check(late == 4, f"{name}: the first play is 4 ms late ({late!r})")
    check(isinstance(first.get("Mã lượt phát"), int), f"{name}: the play id is a number")
    missed = [p for p in plays if p.get("Kết quả") == "Bỏ lỡ"]
    check(len(missed) == 1 and missed[0].get("Lý do") == "mất điện, trễ 20 phút",
          f"{name}: the missed play and its Vietnamese reason ({[m.get('Lý do') for m in missed]})")
    hashes = [p.get("Mã băm") for p in plays]
    check(all(isinstance(h, str) and len(h) == 64 for h in hashes), f"{name}: the row hashes stay text")


excel = openpyxl.load_workbook(f"{folder}/excel.xlsx")
check_log("Excel CSV", log_rows(excel.worksheets[0]))

export = openpyxl.load_workbook(f"{folder}/export.xlsx")
check(export.sheetnames == ["Nhật ký phát", "Tổng hợp"], f"export: sheets {export.sheetnames}")
check_log("export", log_rows(export["Nhật ký phát"]))
summary = {row[0].value: row[1] for row in export["Tổng hợp"].iter_rows() if row[0].value}
airtime = summary.get("Tổng thời lượng phát (giờ:phút:giây)")
check(airtime is not None and airtime.value == datetime.timedelta(minutes=5, seconds=36)
      and airtime.number_format == "[h]:mm:ss",
      f"export: the summary's airtime is a duration shown h:mm:ss ({airtime and (airtime.value, airtime.number_format)})")
check(summary.get("Nơi nhận") is not None and summary["Nơi nhận"].value == "Sở VHTTDL tỉnh Kiên Giang",
      "export: the summary names the province's office")

report = openpyxl.load_workbook(f"{folder}/report.xlsx")
check(report.sheetnames == ["Báo cáo", "Theo ngày"], f"report: sheets {report.sheetnames}")
table = rows(report["Báo cáo"])
check(table[0][0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and table[1][0] == "Độc lập - Tự do - Hạnh phúc"
      and table[3][0] == "BÁO CÁO KẾT QUẢ PHÁT THANH", "report: the national motto and the title")
labels = {row[0]: row[1:] for row in table if isinstance(row[0], str)}
check(labels.get("Đơn vị", [None])[0] == "Đài xã (KG-01)", f"report: the station ({labels.get('Đơn vị')})")
campaign = labels.get("Phòng, chống lừa đảo trực tuyến (498/STTTT-TTBCBC)", [])
check(campaign[:2] == [3, 8] and campaign[3:5] == [9, 8] and all(isinstance(v, int) for v in campaign[:2] + campaign[3:5]),
      f"report: the campaign's announcements, plays, planned and aired are numbers ({campaign})")
check(len(campaign) > 5 and abs(campaign[2] - 8 * 41.996 / 60) < 1e-9 and abs(campaign[5] - 8 / 9) < 1e-9,
      f"report: its airtime (8 plays of 41.996 s, in minutes) and share of the plan (8/9) are numbers ({campaign})")
missed = [row for row in table if "Bỏ lỡ" in row]
check(len(missed) == 1 and isinstance(missed[0][0], datetime.datetime) and missed[0][1] == "sang #3"
      and "mất điện, trễ 20 phút" in missed[0], f"report: the missed item, when, which (#3) and why ({missed})")
days = rows(report["Theo ngày"])
check(days[1][:2] == [datetime.datetime(2020, 7, 20), 3] and len(days) == 4,
      f"report: the days are dates with their plays ({days[:2]})")
if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("LibreOffice read the workbooks and the Excel CSV as the province would")
