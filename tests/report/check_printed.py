"""Checks the XLSX report as LibreOffice prints it and the HTML report as Chromium
prints it, through the PDFs' text layer (pdftotext): A4 portrait, one page wide,
every cell's text whole, the signature block on one page, the chart's labels
readable. Usage: check_printed.py REPORT.xlsx REPORT.pdf REPORT.html REPORT-HTML.pdf MAX_XLSX_PAGES MAX_HTML_PAGES"""
import collections
import html.parser
import re
import subprocess
import sys

import openpyxl

xlsx, xlsx_pdf, page_html, html_pdf = sys.argv[1:5]
max_xlsx_pages, max_html_pages = int(sys.argv[5]), int(sys.argv[6])
failures = []


def check(condition, what):
    print(("ok: " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def pages(pdf):
    """The text of each page, whitespace squashed, and each page's size in points."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True, text=True, check=True).stdout
    sizes = [tuple(float(v) for v in m) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return [squash(page) for page in text.split("\f")[: len(sizes)]], sizes, text


def missing_words(cells, pdf_text, hyphen_breaks=False):
    """Words of the cells the PDF lacks, counted: a cell cut at its edge or below its
    row, or a word broken across lines, leaves a word short (pdftotext reads wrapped
    cells side by side line by line, so whole cells cannot be matched in order).
    pdftotext splits some words where a font spaces its glyphs ("m ục"): a word
    found whole in one line with the spaces taken out counts as printed.
    `hyphen_breaks`: a spreadsheet may wrap after a hyphen (COVID- / 19), which
    pdftotext joins back without it (COVID19): words compare without hyphens."""
    split = (lambda text: text.replace("-", "").split()) if hyphen_breaks else str.split
    printed = collections.Counter(split(pdf_text))
    wanted = collections.Counter(word for cell in cells for word in split(cell))
    lines = [line.replace(" ", "") for line in pdf_text.splitlines()]
    return sorted(word for word in (wanted - printed).elements() if not any(word in line for line in lines))


def a4_portrait(sizes):
    return all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in sizes)


# The XLSX report as LibreOffice prints it.
texts, sizes, raw = pages(xlsx_pdf)
check(a4_portrait(sizes), f"the XLSX report prints on A4 portrait ({len(sizes)} pages)")
check(len(sizes) <= max_xlsx_pages, f"the XLSX report takes {len(sizes)} pages, at most {max_xlsx_pages}")
book = openpyxl.load_workbook(xlsx)
report = book["Báo cáo"]
cells = [c.value for row in report.iter_rows() for c in row if isinstance(c.value, str)]
cut = missing_words(cells, raw, hyphen_breaks=True)
check(not cut, f"all {len(cells)} text cells of 'Báo cáo' print whole (words missing: {cut[:8]})")
heading_page = next(i for i, t in enumerate(texts) if "Chiến dịch" in t)
check(all(h in texts[heading_page] for h in ["Số bản tin", "Kế hoạch (lượt)", "Tỷ lệ"]),
      "the campaign table's columns print on one page (one page wide)")
signature = ["……, ngày …… tháng …… năm ……", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)",
             "(Ký tên, đóng dấu)"]
signature_pages = {i for part in signature for i, t in enumerate(texts) if part in t}
check(len(signature_pages) == 1, f"the signature block prints on one page (pages {sorted(signature_pages)})")
check(texts[0].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc BÁO CÁO KẾT QUẢ PHÁT THANH"),
      "the XLSX report opens with the national motto and the title")


class Cells(html.parser.HTMLParser):
    """The text of every table cell, the chart's labels and the day table's rows."""

    def __init__(self):
        super().__init__()
        self.cells, self.labels, self.day_cells = [], [], []
        self.current, self.in_days, self.in_label = None, False, False

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.current = ""
        if tag == "table":
            self.in_days = "days" in (dict(attrs).get("class") or "")
        self.in_label = tag == "text"

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.current is not None:
            if self.current.strip():
                self.cells.append(squash(self.current))
                if self.in_days:
                    self.day_cells.append(squash(self.current))
            self.current = None
        if tag == "table":
            self.in_days = False
        self.in_label = False

    def handle_data(self, data):
        if self.current is not None:
            self.current += data
        if self.in_label:
            self.labels.append(data.strip())


parsed = Cells()
parsed.feed(open(page_html, encoding="utf-8").read())
texts, sizes, raw = pages(html_pdf)
check(a4_portrait(sizes), f"the HTML report prints on A4 portrait ({len(sizes)} pages)")
check(len(sizes) <= max_html_pages, f"the HTML report takes {len(sizes)} pages, at most {max_html_pages}")
cut = missing_words(parsed.cells, raw)
check(not cut, f"all {len(parsed.cells)} table cells of the HTML report print whole, words unbroken "
               f"(words missing: {cut[:8]})")
ticks = [float(label.replace(",", ".")) for label in parsed.labels if re.fullmatch(r"[\d,]+", label)]
steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:])}
step = steps.pop() if len(steps) == 1 else None
check(step is not None and ticks[0] == 0 and re.fullmatch(r"[125]0*(\.0+)?|0\.0*[125]", f"{step:g}"),
      f"the chart's y axis steps 1, 2 or 5 times a power of ten ({ticks})")
bbox = subprocess.run(["pdftotext", "-bbox", html_pdf, "-"], capture_output=True, text=True, check=True).stdout
words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', bbox)
labels = set(parsed.labels)
heights = [float(y2) - float(y1) for y1, y2, word in words if word in labels]
# pdftotext's box is the font's ascent to descent, about 1.15 times its size; 11 px is 8.25 pt.
check(heights and min(heights) / 1.15 >= 8.25 * 0.97,
      f"the chart's labels print at least 11 px ({min(heights, default=0) / 1.15 / 0.75:.1f} px)")
day_pages = {i for cell in parsed.day_cells if re.fullmatch(r"\d+:\d\d:\d\d", cell)
             for i, t in enumerate(texts) if cell in t}
check(len(day_pages) == 1, f"the day table prints on one page (pages {sorted(day_pages)})")
if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("printed reports checked")
