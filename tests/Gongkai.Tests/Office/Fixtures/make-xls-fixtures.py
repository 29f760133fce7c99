#!/usr/bin/python3
"""Makes the legacy Excel fixtures of the .xls reader tests (run from this folder; needs python3-openpyxl and
LibreOffice Calc: apt-get install python3-openpyxl libreoffice-calc-nogui). The product never needs either.

typed.xlsx / typed.xls: a small budget disclosure typed by hand in the layout departments publish in: a merged
title row, a 部门/单位：万元 line, a two-level header, a 合计 row with formulas, amounts stored as text in some
cells, a hidden column, a cover sheet, one sheet per table and a hidden working sheet; one planted defect (30201 is
50.50, so 302 商品和服务支出 is not the sum of its 款). Both files are written by LibreOffice from
one source workbook, so that formulas carry their cached results in both.
errors.xls: error values (#DIV/0!, #N/A) as formula results.

The compiled package fixture (budget-2025.xls) is made with:
  gongkai compile samples/compile-budget-2025.json -o pkg --format xlsx
  soffice --headless --convert-to xls pkg/*.xlsx
"""
import os, shutil, subprocess, tempfile
from openpyxl import Workbook
from openpyxl.styles import Border, Side, Alignment

thin = Side(style="thin")
box = Border(left=thin, right=thin, top=thin, bottom=thin)


def sheet(ws, title, header_top, header_bottom, rows, text_cells=(), hidden_note=None):
    ws.merge_cells("A1:E1")
    ws["A1"] = title
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "部门：青川区示范局"
    ws["E2"] = "单位：万元"
    # two-level header: row 3 groups, row 4 columns
    ws.merge_cells("A3:B3")
    ws["A3"] = header_top[0]
    ws.merge_cells("C3:E3")
    ws["C3"] = header_top[1]
    for i, h in enumerate(header_bottom):
        ws.cell(row=4, column=i + 1, value=h)
    first = 5
    last = first + len(rows)
    ws.cell(row=first, column=1, value="")
    ws.cell(row=first, column=2, value="合计")
    for col in "CDE":
        ws[f"{col}{first}"] = f"=SUMIF(A{first + 1}:A{last},\"???\",{col}{first + 1}:{col}{last})"
    for r, (code, name, a, b) in enumerate(rows, start=first + 1):
        ws.cell(row=r, column=1, value=code)
        ws.cell(row=r, column=2, value=name)
        total = round(a + b, 2)
        for col, v in (("C", total), ("D", a), ("E", b)):
            cell = ws[f"{col}{r}"]
            if (code, col) in text_cells:
                cell.value = f"{v:.2f}"          # a number stored as text
                cell.data_type = "s"
            else:
                cell.value = v
                cell.number_format = "#,##0.00"
    for row in ws.iter_rows(min_row=3, max_row=last, max_col=5):
        for cell in row:
            cell.border = box
    for col in "CDE":
        ws[f"{col}{first}"].number_format = "#,##0.00"
    if hidden_note:
        ws["F4"] = "备注"
        ws[f"F{first + 1}"] = hidden_note
        ws.column_dimensions["F"].hidden = True
    ws.column_dimensions["B"].width = 30


def typed(path):
    wb = Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["A1"] = "青川区示范局2025年部门预算"
    ws = wb.create_sheet("公开05表")
    sheet(ws, "2025年一般公共预算支出表", ("功能分类科目", "本年一般公共预算支出"),
          ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
          [("208", "社会保障和就业支出", 60.15, 0),
           ("20805", "行政事业单位养老支出", 60.15, 0),
           ("2080505", "机关事业单位基本养老保险缴费支出", 40.10, 0),
           ("2080506", "机关事业单位职业年金缴费支出", 20.05, 0),
           ("210", "卫生健康支出", 496.05, 80.00),
           ("21011", "行政事业单位医疗", 25.30, 0),
           ("2101101", "行政单位医疗", 25.30, 0),
           ("21015", "医疗保障管理事务", 470.75, 80.00),
           ("2101501", "行政运行", 320.50, 0),
           ("2101550", "事业运行", 150.25, 80.00),
           ("221", "住房保障支出", 30.00, 0),
           ("22102", "住房改革支出", 30.00, 0),
           ("2210201", "住房公积金", 30.00, 0)],
          text_cells={("2101550", "D"), ("2101550", "C"), ("2210201", "D")},
          hidden_note="含上年结转")
    ws2 = wb.create_sheet("公开06表")
    sheet(ws2, "2025年一般公共预算基本支出表", ("部门预算支出经济分类科目", "本年一般公共预算基本支出"),
          ("科目编码", "科目名称", "合计", "人员经费", "公用经费"),
          [("301", "工资福利支出", 465.45, 0),
           ("30101", "基本工资", 200.00, 0),
           ("30102", "津贴补贴", 150.00, 0),
           ("30108", "机关事业单位基本养老保险缴费", 40.10, 0),
           ("30109", "职业年金缴费", 20.05, 0),
           ("30110", "职工基本医疗保险缴费", 25.30, 0),
           ("30113", "住房公积金", 30.00, 0),
           ("302", "商品和服务支出", 0, 72.75),
           ("30201", "办公费", 0, 50.50),          # planted: 302 ≠ Σ款 (72.75 vs 73.25)
           ("30211", "差旅费", 0, 20.75),
           ("30217", "公务接待费", 0, 2.00),
           ("303", "对个人和家庭的补助", 48.00, 0),
           ("30302", "退休费", 48.00, 0)],
          text_cells={("30201", "E")})
    ws3 = wb.create_sheet("底稿")
    ws3["A1"] = "测算底稿"
    ws3["B1"] = 1
    ws3.sheet_state = "hidden"
    wb.save(path)


def errors(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "错误值"
    ws.append(["项目", "金额", "占比"])
    ws.append(["行政运行", 100, "=B2/0"])
    ws.append(["事业运行", 50, "=NA()"])
    ws.append(["合计", "=B2+B3", "=C2"])
    wb.save(path)


def convert(source, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, source], check=True,
                   stdout=subprocess.DEVNULL)


here = os.path.dirname(os.path.abspath(__file__))
with tempfile.TemporaryDirectory() as tmp:
    typed(os.path.join(tmp, "typed.xlsx"))
    errors(os.path.join(tmp, "errors.xlsx"))
    out = os.path.join(tmp, "out")
    os.mkdir(out)
    convert(os.path.join(tmp, "typed.xlsx"), "xls", out)
    convert(os.path.join(tmp, "typed.xlsx"), "xlsx", out)   # LibreOffice's own .xlsx: with cached formula results
    convert(os.path.join(tmp, "errors.xlsx"), "xls", out)
    for name in ("typed.xls", "typed.xlsx", "errors.xls"):
        shutil.copy(os.path.join(out, name), os.path.join(here, name))
