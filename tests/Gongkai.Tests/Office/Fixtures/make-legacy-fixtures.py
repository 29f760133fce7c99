#!/usr/bin/python3
"""Makes the legacy Word/Excel fixtures the way departments make their files: our own compiler writes the package
as .docx/.xlsx, LibreOffice saves it as Word 97-2003 (.doc) / Excel 97-2003 (.xls). Only to make the fixtures
(CI has no LibreOffice; the tests read the committed files). Run from the repo root after a Release build:

    /usr/bin/python3 tests/Gongkai.Tests/Office/Fixtures/make-legacy-fixtures.py

Needs LibreOffice (soffice) and python3-openpyxl.

final-2024.{docx,xlsx,doc,xls}: tests/Gongkai.Tests/Compile/Data/seed003-final-2024.json compiled (a 决算).
budget-2023.{docx,xlsx,doc,xls}: tests/Gongkai.Tests/Compile/Data/seed004-budget-2023.json compiled (a 预算).
revisions.{docx,doc}: budget-2023.docx edited by hand in its XML as a department's working copy looks when it is
  published without accepting its changes: tracked deletions (a narrative figure and a table cell replaced, the
  old value kept as a deleted revision), hidden text (w:vanish) in a narrative paragraph and a hidden paragraph,
  a HYPERLINK field around a figure, a text box, a header and a footnote with figures of their own. Read as the
  page shows it, it must give the same tables, figures and findings as budget-2023.docx.
sheet-mechanics.{xlsx,xls}: one hand-typed sheet with what the .xls reader must read like the .xlsx reader:
  borders (a ruled table whose one-cell header line lies in the ruled grid), error values (#DIV/0!, #N/A, #REF!),
  a merged header and a one-cell header line worded like a title inside the ruled grid, a hidden row and column with figures, a hidden sheet, number formats (0.00"万元", 0.0%,
  #,##0.00, #,##0.00_);(#,##0.00) with a negative, a Chinese date and an ISO date).
"""
import os, re, shutil, subprocess, sys, tempfile, zipfile

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
cli = os.environ.get("GONGKAI_CLI") or os.path.join(repo, "src", "Gongkai.Cli", "bin", "Release", "net10.0", "gongkai.dll")
data = os.path.join(repo, "tests", "Gongkai.Tests", "Compile", "Data")


def soffice(source, fmt, outdir, profile):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", outdir, source], check=True, stdout=subprocess.DEVNULL)


def compile_package(json, name, tmp):
    for fmt in ("docx", "xlsx"):
        out = os.path.join(tmp, name + "-" + fmt)
        subprocess.run(["dotnet", cli, "compile", json, "-o", out, "--format", fmt], check=True, stdout=subprocess.DEVNULL)
        [made] = [f for f in os.listdir(out) if f.endswith("." + fmt)]
        shutil.copy(os.path.join(out, made), os.path.join(tmp, f"{name}.{fmt}"))
    drop_page_fields(os.path.join(tmp, f"{name}.docx"))


def drop_page_fields(path):
    """The contents' PAGEREF fields keep their result only: LibreOffice lays the pages out anew and would print other
    page numbers in the .doc than the compiler wrote in the .docx (the comparison is about reading, not layout)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode("utf-8")
    doc = re.sub(r"<w:r>(?:(?!</w:r>).)*?<w:fldChar [^>]*/>(?:(?!</w:r>).)*?</w:r>", "", doc)
    doc = re.sub(r"<w:r>(?:(?!</w:r>).)*?<w:instrText[^>]*>[^<]*</w:instrText>(?:(?!</w:r>).)*?</w:r>", "", doc)
    assert "fldChar" not in doc and "instrText" not in doc
    parts["word/document.xml"] = doc.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b)


REV = 'w:id="{id}" w:author="经办人" w:date="2023-01-10T09:00:00Z"'


def revisions(source, target):
    """budget-2023.docx with tracked changes, hidden text, a field, a text box, a header and a footnote."""
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    doc = parts["word/document.xml"].decode("utf-8")
    ids = iter(range(100, 200))

    def rev(kind, text, rpr=""):
        tag = "w:delText" if kind == "del" else "w:t"
        return f'<w:{kind} {REV.format(id=next(ids))}><w:r>{rpr}<{tag} xml:space="preserve">{text}</{tag}></w:r></w:{kind}>'

    # 1. narrative: 204.78 typed over a deleted 199.50 (inserted revision kept, deleted dropped)
    old = "2023年一般公共预算基本支出204.78万元。"
    assert doc.count(old) == 1, old
    doc = doc.replace(old, "2023年一般公共预算基本支出</w:t></w:r>" + rev("del", "199.50") + rev("ins", "204.78")
                      + '<w:r><w:t xml:space="preserve">万元。')
    # 2. hidden text inside a paragraph, and a whole hidden paragraph after it
    old = "公用经费22.41万元，占10.94%"
    assert doc.count(old) == 1, old
    doc = doc.replace(old, old + '</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">（测算口径：公用经费38.00万元，占18.56%）</w:t></w:r><w:r><w:t xml:space="preserve">')
    # 3. a table cell: the first table cell holding exactly 204.78 becomes a deletion of 210.00 and the figure
    m = re.search(r"<w:tc>(?:(?!</w:tc>).)*?<w:t[^>]*>204\.78</w:t>", doc)
    assert m, "no table cell 204.78"
    cell = m.group(0)
    at = cell.rindex("<w:r>")
    doc = doc.replace(cell, cell[:at] + rev("del", "210.00") + cell[at:], 1)
    # 4. a field around the first 982.98 of the narrative (its result is on the page, its code is not)
    old = "2023年收支总预算982.98万元"
    assert doc.count(old) == 1, old
    doc = doc.replace(old, '2023年收支总预算</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                      '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://example.invalid/777.77" </w:instrText></w:r>'
                      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>982.98</w:t></w:r>'
                      '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve">万元', 1)
    # 5. a text box and a footnote reference in the first paragraph of 情况说明
    old = "纳入本部门2023年预算编制范围的单位共1个"
    assert doc.count(old) == 1, old
    textbox = ('</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="tb1" style="position:absolute;'
               'margin-left:300pt;margin-top:0;width:120pt;height:40pt;z-index:1" type="#_x0000_t202"><v:textbox>'
               '<w:txbxContent><w:p><w:r><w:t>审核稿：收入合计666.66万元</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
               '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
               '<w:r><w:t xml:space="preserve">')
    doc = doc.replace(old, old + textbox, 1)
    # the header, referenced from the section
    doc = doc.replace('<w:footerReference ', '<w:headerReference w:type="default" r:id="RhdrLegacy1" /><w:footerReference ', 1)
    if 'xmlns:r=' not in doc[:2000]:
        doc = doc.replace("<w:document ", '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ', 1)
    parts["word/document.xml"] = doc.encode("utf-8")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts["word/header1.xml"] = f'<?xml version="1.0" encoding="utf-8"?><w:hdr {w}><w:p><w:r><w:t>内部征求意见稿 预算总额555.55万元</w:t></w:r></w:p></w:hdr>'.encode()
    parts["word/footnotes.xml"] = (f'<?xml version="1.0" encoding="utf-8"?><w:footnotes {w}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 含下属单位经费444.44万元。</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>').encode()
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>",
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="/word/header1.xml" Id="RhdrLegacy1" />'
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="/word/footnotes.xml" Id="RfnLegacy1" />'
        "</Relationships>")
    parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace("</Types>",
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" />'
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml" />'
        "</Types>")
    parts["[Content_Types].xml"] = types.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b)


def sheet_mechanics(path):
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side, Alignment
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    ws = wb.active
    ws.title = "支出表"
    ws.merge_cells("A1:F1")
    ws["A1"] = "2025年部门支出预算表"
    ws["A2"] = "单位：万元"
    ws["A3"] = "本年预算支出情况"        # a one-cell header line inside the ruled grid (worded like a title)
    ws.merge_cells("A3:F3")
    ws.merge_cells("A4:B4")
    ws["A4"] = "科目"
    ws.merge_cells("C4:F4")
    ws["C4"] = "金额"
    for i, h in enumerate(["科目编码", "科目名称", "合计", "占比", "增减", "测算"], start=1):
        ws.cell(row=5, column=i, value=h)
    rows = [("2101501", "行政运行", 1320.5, 0.652, -12.3),
            ("2101502", "一般行政管理事务", 90.25, 0.1836, 5.0),
            ("2101550", "事业运行", 80.75, 0.1643, -1234.5),
            ("2101599", "其他医疗保障管理事务支出", 7.0, 0.0047, 0)]   # a hidden row
    for r, (code, name, v, share, delta) in enumerate(rows, start=6):
        ws.cell(row=r, column=1, value=code)
        ws.cell(row=r, column=2, value=name)
        ws.cell(row=r, column=3, value=v).number_format = '0.00"万元"'
        ws.cell(row=r, column=4, value=share).number_format = "0.0%"
        ws.cell(row=r, column=5, value=delta).number_format = "#,##0.00_);(#,##0.00)"
        ws.cell(row=r, column=6, value=v * 10000).number_format = "#,##0.00"
    ws["A10"] = "合计"
    ws["C10"] = "=SUM(C6:C9)"
    ws["C10"].number_format = "#,##0.00"
    ws["D10"] = "=C10/C10"
    ws["D10"].number_format = "0.0%"
    ws["E10"] = "=E6/0"                 # #DIV/0!
    ws["A11"] = "核对"
    ws["C11"] = "=#REF!+1"              # #REF!
    ws["D11"] = "=NA()"                 # #N/A
    ws.row_dimensions[9].hidden = True  # 2101599 hidden
    ws.column_dimensions["F"].hidden = True
    for row in ws.iter_rows(min_row=3, max_row=11, max_col=6):
        for cell in row:
            cell.border = box
    ws["A13"] = "编制日期"
    import datetime
    ws["B13"] = datetime.date(2025, 1, 15)
    ws["B13"].number_format = 'yyyy"年"m"月"d"日"'
    ws["C13"] = datetime.date(2025, 2, 3)
    ws["C13"].number_format = "yyyy-mm-dd"
    ws.column_dimensions["B"].width = 30
    hidden = wb.create_sheet("测算")
    hidden["A1"] = "内部测算"
    hidden["B1"] = 999
    hidden.sheet_state = "hidden"
    wb.save(path)


def main():
    if not os.path.exists(cli):
        sys.exit(f"build the CLI first: {cli}")
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "lo-profile")
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        compile_package(os.path.join(data, "seed003-final-2024.json"), "final-2024", tmp)
        compile_package(os.path.join(data, "seed004-budget-2023.json"), "budget-2023", tmp)
        revisions(os.path.join(tmp, "budget-2023.docx"), os.path.join(tmp, "revisions.docx"))
        sheet_mechanics(os.path.join(tmp, "sheet-mechanics-source.xlsx"))
        for name in ("final-2024", "budget-2023"):
            soffice(os.path.join(tmp, name + ".docx"), "doc", out, profile)
            soffice(os.path.join(tmp, name + ".xlsx"), "xls", out, profile)
            for ext in ("docx", "xlsx"):
                shutil.copy(os.path.join(tmp, f"{name}.{ext}"), os.path.join(out, f"{name}.{ext}"))
        soffice(os.path.join(tmp, "revisions.docx"), "doc", out, profile)
        shutil.copy(os.path.join(tmp, "revisions.docx"), os.path.join(out, "revisions.docx"))
        # both spreadsheet files written by LibreOffice from one source, so that formulas carry cached results in both
        src = os.path.join(tmp, "sheet-mechanics.xlsx")
        shutil.copy(os.path.join(tmp, "sheet-mechanics-source.xlsx"), src)
        soffice(src, "xls", out, profile)
        os.remove(src)
        lo = os.path.join(tmp, "lo")
        os.mkdir(lo)
        soffice(os.path.join(tmp, "sheet-mechanics-source.xlsx"), "xlsx", lo, profile)
        shutil.copy(os.path.join(lo, "sheet-mechanics-source.xlsx"), os.path.join(out, "sheet-mechanics.xlsx"))
        for f in sorted(os.listdir(out)):
            shutil.copy(os.path.join(out, f), os.path.join(here, f))
            print(f, os.path.getsize(os.path.join(here, f)))


main()
