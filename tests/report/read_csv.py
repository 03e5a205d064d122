"""Reads `loa export` CSV files back with Python's csv module (an independent
reader): Vietnamese text, quotes and commas come back as they went in.
Usage: read_csv.py PLAIN.csv EXCEL.csv PLAYS (the log make_log writes)"""
import csv
import sys

plain, excel, plays = sys.argv[1], sys.argv[2], int(sys.argv[3])

with open(plain, encoding="utf-8", newline="") as f:
    assert not f.read(1) == "\ufeff", "the plain CSV must not start with a byte-order mark"
with open(plain, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
# The last record is the export's end record (chain_witness.hpp), not a play.
assert rows[-1]["play_id"] == "loa-export-end", rows[-1]
rows = rows[:-1]
assert len(rows) == plays, len(rows)
missed = [r for r in rows if r["status"] == "missed"]
assert len(missed) == 1 and missed[0]["error"] == "mất điện, trễ 20 phút", missed
assert '"title":"Cảnh giác lừa đảo, \\"chiếm đoạt\\" tài sản"' in rows[0]["canonical"], rows[0]["canonical"]

with open(excel, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
assert rows[0][:3] == ["Mã lượt phát", "Mã đài", "Khung giờ"], rows[0]
assert len(rows) == plays + 1, len(rows)
titles = {r[8] for r in rows[1:]}
assert titles == {'Cảnh giác lừa đảo, "chiếm đoạt" tài sản'}, titles
assert rows[1][3] == "20/07/2020 06:00:00", rows[1][3]
print("csv read back:", plays, "plays, Vietnamese intact")
