using Gongkai.Audit;
using Gongkai.Recognition;
using Gongkai.Reports;

namespace Gongkai.Cli.Commands;

/// <summary>The report formats of Gongkai.Reports (html, xlsx), registered with <see cref="CheckCommand.Renderers"/>.</summary>
public static class BuiltInRenderers
{
    public static void Register(IDictionary<string, IReportRenderer> renderers)
    {
        var html = new HtmlReportRenderer();
        var xlsx = new XlsxReportRenderer();
        renderers.TryAdd("html", new Adapter(html.Extension, html.Render));
        renderers.TryAdd("xlsx", new Adapter(xlsx.Extension, xlsx.Render));
    }

    private sealed class Adapter(string extension, Action<ReadResult, AuditReport, string> render) : IReportRenderer
    {
        public string Extension => extension;
        public void Render(ReadResult read, AuditReport report, string path) => render(read, report, path);
    }
}
