using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Writer;

namespace Gongkai.Reports;

/// <summary>
/// One box to draw on a page: <paramref name="Box"/> is <c>[left, bottom, right, top]</c> in PDF points in the page's
/// user space (origin bottom-left), as the PDF reader stores locations; <paramref name="Label"/> (e.g. the rule id) is
/// written above the box's left corner.
/// </summary>
public sealed record PdfMark(int Page, double[] Box, bool Primary, string? Label);

/// <summary>
/// The original PDF with the findings' boxes drawn on its pages: every page is copied as it is, and the boxes are
/// drawn in a content stream of their own after the page's (the page's graphics state is saved before and restored
/// after its own content, so a transform the page leaves behind does not move the boxes). Primary boxes red, others
/// orange, the labels in the same colour.
/// </summary>
public static class AnnotatedPdf
{
    private static readonly (byte R, byte G, byte B) Red = (220, 20, 20);
    private static readonly (byte R, byte G, byte B) Orange = (245, 140, 0);
    private const double Pad = 1.5, LineWidth = 1.2, LabelSize = 6.5;

    /// <summary>Copies <paramref name="pdf"/> with <paramref name="marks"/> drawn; marks on pages that do not exist are skipped.</summary>
    public static byte[] Draw(byte[] pdf, IEnumerable<PdfMark> marks, bool labels = true)
    {
        using var source = PdfDocument.Open(pdf);
        using var builder = new PdfDocumentBuilder();
        var font = labels ? builder.AddStandard14Font(Standard14Font.Helvetica) : null;
        // one rectangle per distinct box: several findings on the same cell share it (and their labels)
        var byPage = marks
            .Where(m => m.Box is { Length: 4 } b && b.All(double.IsFinite) && m.Page >= 1 && m.Page <= source.NumberOfPages)
            .GroupBy(m => (m.Page, L: Math.Round(m.Box[0], 1), B: Math.Round(m.Box[1], 1), R: Math.Round(m.Box[2], 1), T: Math.Round(m.Box[3], 1)))
            .Select(g => new PdfMark(g.Key.Page, g.First().Box, g.Any(m => m.Primary),
                string.Join(" ", g.Select(m => m.Label).Where(l => !string.IsNullOrWhiteSpace(l)).Distinct())))
            .GroupBy(m => m.Page)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Primary).ToList()); // primary drawn last, on top

        for (var p = 1; p <= source.NumberOfPages; p++)
        {
            var page = builder.AddPage(source, p);
            if (!byPage.TryGetValue(p, out var pageMarks)) continue;
            // [q] [the page's own streams] [Q, the boxes]: the builder's last stream is the one to draw in
            // (the builder's streams hold their operations in lists; where they do not, the builder's own inverse of the
            // page's last transform still applies)
            page.SelectContentStream(0);
            page.NewContentStreamBefore();
            if (page.CurrentStream.Operations is IList<IGraphicsStateOperation> { IsReadOnly: false } before)
            {
                page.SelectContentStream(page.ContentStreams.Count - 1);
                if (page.CurrentStream.Operations is IList<IGraphicsStateOperation> { IsReadOnly: false } after)
                {
                    before.Add(Push.Value);
                    after.Add(Pop.Value);
                }
            }
            page.SelectContentStream(page.ContentStreams.Count - 1);
            foreach (var m in pageMarks)
            {
                var (left, bottom, right, top) = (Math.Min(m.Box[0], m.Box[2]), Math.Min(m.Box[1], m.Box[3]),
                    Math.Max(m.Box[0], m.Box[2]), Math.Max(m.Box[1], m.Box[3]));
                var c = m.Primary ? Red : Orange;
                page.SetStrokeColor(c.R, c.G, c.B);
                page.DrawRectangle(new PdfPoint(left - Pad, bottom - Pad), right - left + 2 * Pad, top - bottom + 2 * Pad, LineWidth);
                if (font is not null && !string.IsNullOrEmpty(m.Label) && IsPrintable(m.Label))
                {
                    page.SetTextAndFillColor(c.R, c.G, c.B);
                    page.AddText(m.Label, LabelSize, new PdfPoint(left - Pad, top + Pad + 1), font);
                }
                page.ResetColor();
            }
        }
        return builder.Build();
    }

    /// <summary>The standard Helvetica covers printable ASCII only (rule ids are).</summary>
    private static bool IsPrintable(string s) => s.All(ch => ch is >= ' ' and <= '~');
}
