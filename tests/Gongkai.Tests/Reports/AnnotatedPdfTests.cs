using Gongkai.Audit;
using Gongkai.Model;
using Gongkai.Recognition;
using Gongkai.Reports;
using Gongkai.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Gongkai.Tests.Reports;

/// <summary>The original PDF with the findings' boxes drawn on it (the review page's 标注 PDF export).</summary>
public sealed class AnnotatedPdfTests
{
    private const string Sample = "shanghai-putuo-finance-bureau-2024-final.pdf";

    /// <summary>The stroked rectangles of a page: (left, bottom, right, top, r, g, b).</summary>
    private static List<(double L, double B, double R, double T, double Red, double Green, double Blue)> Strokes(Page page) =>
        page.Paths.Where(p => p.IsStroked && p.StrokeColor is not null).Select(p =>
        {
            var r = p.GetBoundingRectangle()!.Value;
            var (red, green, blue) = p.StrokeColor!.ToRGBValues();
            return (r.Left, r.Bottom, r.Right, r.Top, red, green, blue);
        }).ToList();

    [Fact]
    public void EveryFindingBoxIsDrawnAtItsCoordinatesPrimaryRedOthersOrangeAndThePagesStayAsTheyWere()
    {
        var path = Shared.Pdf(Sample);
        var read = new DisclosureReader().Read(path);
        var report = Auditor.Audit(read.Disclosure, new AuditOptions { Catalog = CatalogAdapter.Instance });
        var marks = report.Findings.SelectMany(f => f.Locations.Where(l => l.Page is not null && l.Box is not null)
            .Select((l, i) => new PdfMark(l.Page!.Value, [l.Box!.Value.Left, l.Box.Value.Bottom, l.Box.Value.Right, l.Box.Value.Top], i == 0, f.RuleId)))
            .ToList();
        Assert.Contains(marks, m => m.Primary);
        Assert.Contains(marks, m => !m.Primary); // the sample has findings with more than one boxed location

        var original = File.ReadAllBytes(path);
        var annotated = AnnotatedPdf.Draw(original, marks);

        using var before = PdfDocument.Open(original);
        using var after = PdfDocument.Open(annotated);
        Assert.Equal(before.NumberOfPages, after.NumberOfPages);
        foreach (var pageNo in marks.Select(m => m.Page).Distinct())
        {
            var strokes = Strokes(after.GetPage(pageNo));
            var originalStrokes = Strokes(before.GetPage(pageNo)).Count;
            Assert.True(strokes.Count > originalStrokes, $"page {pageNo}: no rectangle added");
            foreach (var m in marks.Where(m => m.Page == pageNo))
            {
                // a rectangle 1.5 pt outside the box, red when some finding has it as its primary location
                var primary = marks.Any(o => o.Page == pageNo && o.Primary && Same(o.Box, m.Box));
                Assert.Contains(strokes, s => Math.Abs(s.L - (m.Box[0] - 1.5)) < 0.6 && Math.Abs(s.B - (m.Box[1] - 1.5)) < 0.6
                    && Math.Abs(s.R - (m.Box[2] + 1.5)) < 0.6 && Math.Abs(s.T - (m.Box[3] + 1.5)) < 0.6
                    && (primary ? s.Red > 0.8 && s.Green < 0.2 : s.Red > 0.9 && s.Green is > 0.4 and < 0.7 && s.Blue < 0.1));
            }
            // the page's own text is all still there, and the rule ids are written beside the boxes
            var text = after.GetPage(pageNo).Text;
            Assert.Contains(before.GetPage(pageNo).Text.Replace(" ", "")[..40], text.Replace(" ", ""));
            foreach (var rule in marks.Where(m => m.Page == pageNo).Select(m => m.Label!).Distinct())
                Assert.Contains(rule, text);
        }
        // pages without a finding get no rectangle
        foreach (var pageNo in Enumerable.Range(1, before.NumberOfPages).Except(marks.Select(m => m.Page)))
            Assert.Equal(Strokes(before.GetPage(pageNo)).Count, Strokes(after.GetPage(pageNo)).Count);
    }

    [Fact]
    public void MarksOffThePagesOrWithoutFourNumbersAreSkippedAndLabelsCanBeLeftOut()
    {
        var original = File.ReadAllBytes(Shared.Pdf(Sample));
        using var before = PdfDocument.Open(original);
        var annotated = AnnotatedPdf.Draw(original,
            [new PdfMark(1, [100, 100, 200, 120], true, "GK101"), new PdfMark(before.NumberOfPages + 1, [1, 1, 2, 2], true, "GK102"),
             new PdfMark(1, [1, 2, 3], false, "GK103")], labels: false);
        using var after = PdfDocument.Open(annotated);
        var added = Strokes(after.GetPage(1)).Count - Strokes(before.GetPage(1)).Count;
        Assert.Equal(1, added);
        Assert.DoesNotContain("GK101", after.GetPage(1).Text);
    }

    private static bool Same(double[] a, double[] b) => a.Zip(b).All(x => Math.Abs(x.First - x.Second) < 0.05);
}
