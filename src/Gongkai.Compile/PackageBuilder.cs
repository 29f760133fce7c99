using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// Compiles structured data into a disclosure package: validates the input, derives every table of the kind and
/// profile (totals computed, so consistent by construction), writes the narrative and 名词解释, and fills the
/// <see cref="Disclosure"/> model the audit rules run on.
/// </summary>
public static class PackageBuilder
{
    public static CompiledPackage Build(DisclosureData data)
    {
        var issues = new List<DataIssue>();
        DataValidator.Validate(data, issues);
        var title = $"{data.Unit.Name}{data.Year}年{(data.Unit.Scope == "unit" ? "单位" : "部门")}{(data.IsFinal ? "决算" : "预算")}";
        var model = new Disclosure
        {
            File = title,
            Kind = data.IsFinal ? DocumentKind.FinalAccount : DocumentKind.Budget,
            Scope = data.Unit.Scope == "unit" ? DocumentScope.Unit : DocumentScope.Department,
            Profile = data.Profile switch
            {
                "chongqing" => RegionProfile.Chongqing,
                "hubei" => RegionProfile.Hubei,
                "shaanxi" => RegionProfile.Shaanxi,
                "hebei" => RegionProfile.Hebei,
                "jiangsu" => RegionProfile.Jiangsu,
                "shanghai" => RegionProfile.Shanghai,
                _ => RegionProfile.National,
            },
            Year = data.Year,
            DepartmentName = data.Unit.Name,
            Title = title,
        };
        var package = new CompiledPackage { Data = data, Model = model, Title = title };
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            package.Issues.AddRange(issues);
            return package;
        }
        DataValidator.Consistency(data, issues);
        var facts = new Facts(data, issues);
        var tables = new TableBuilder(facts).Build();
        UnitConversion.CheckExact(tables, issues);
        RoundingNote.Apply(tables);
        var narrative = new NarrativeWriter(facts, issues).Write();

        package.Blocks.Add(new HeadingBlock(1, title + (data.IsFinal ? "公开说明" : "公开说明")));
        package.Blocks.Add(new HeadingBlock(2, "第一部分 情况说明"));
        package.Blocks.AddRange(narrative);
        package.Blocks.Add(new HeadingBlock(2, $"第二部分 {(data.IsFinal ? "部门决算公开表" : "部门预算公开表")}"));
        foreach (var t in tables) package.Blocks.Add(new TableBlock(t));
        foreach (var t in PerformanceTables.Build(facts)) package.Blocks.Add(new TableBlock(t));
        package.Issues.AddRange(issues);

        foreach (var t in package.Tables.Where(t => !t.NoModel)) model.Tables.Add(ToModel(t));
        FillTopics(model, data, facts);
        OverallPerformance.FillModel(model, facts);
        return package;
    }

    /// <summary>The table model of a printed table: one data row per row and segment, values by column meaning.</summary>
    public static DisclosureTable ToModel(RenderTable r)
    {
        var t = new DisclosureTable { Kind = r.Kind, Title = r.Title, Label = r.Label, Unit = r.Unit, UnitStated = true };
        for (int c = 0; c < r.Columns.Count; c++)
            t.Columns.Add(new TableColumn(c, string.Join("/", r.Columns[c].Header.Distinct()), r.Columns[c].Key, r.SegmentsAreBlocks ? r.Columns[c].Segment : 0));
        t.Notes.AddRange(r.Notes);
        var segments = r.Columns.Where(c => c.Segment < 9).Select(c => c.Segment).Distinct().Order().ToList();
        foreach (var row in r.Rows)
        {
            if (row.ModelRows is not null)
            {
                t.Rows.AddRange(row.ModelRows);
                continue;
            }
            foreach (var s in segments)
            {
                var meta = row.MetaOf(s);
                string label = "", code = meta.Code ?? "";
                var side = Side.None;
                var values = new Dictionary<ColumnKey, Figure>();
                bool any = false;
                for (int c = 0; c < r.Columns.Count; c++)
                {
                    var col = r.Columns[c];
                    if (col.Segment != s) continue;
                    side = col.Side;
                    var cell = row.Cells[c];
                    switch (col.Role)
                    {
                        case ColumnRole.Code: code = cell; break;
                        case ColumnRole.Label: label = cell; break;
                        case ColumnRole.Value when col.Key is ColumnKey key:
                            if (cell.Length == 0) values[key] = Figure.Blank(r.Unit, Provenance.Unknown);
                            else if (cell == "—") values[key] = new Figure(0m, 0, r.Unit, FigureKind.NotApplicable, Provenance.Unknown);
                            else
                            {
                                var v = decimal.Parse(cell.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
                                values[key] = r.Unit == ValueUnit.WanYuan && r.Decimals == 2 ? TableBuilder.Fig(v) : new Figure(v, r.Decimals, r.Unit, FigureKind.Number, Provenance.Unknown);
                                any = true;
                            }
                            break;
                    }
                }
                if (label.Length == 0 && code.Length == 0 && !any) continue;
                if (meta.Line == SummaryLine.ExpenditureClass) label = Gongkai.Catalogs.CatalogText.StripOrdinal(label);
                var dr = new DataRow
                {
                    Label = label.Length > 0 ? label : code,
                    Code = ClassificationCode.TryCreate(code),
                    IsTotal = meta.IsTotal || meta.Line is SummaryLine.GrandTotalIncome or SummaryLine.GrandTotalExpenditure,
                    IsSubItem = meta.IsSubItem,
                    Side = side,
                    Line = meta.Line,
                    Block = s,
                };
                foreach (var kv in values) dr.Values[kv.Key] = kv.Value;
                t.Rows.Add(dr);
            }
        }
        return t;
    }

    private static Figure F(decimal v) => TableBuilder.Fig(v);

    private static void FillTopics(Disclosure m, DisclosureData d, Facts f)
    {
        foreach (var u in d.Unit.Units) m.Units.Add(new OrganizationUnit(u.Name, u.Code, u.Type));
        foreach (var s in d.Unit.Staffing) m.Staffing.Add(new StaffingEntry(s.Category, s.Authorized, s.Actual, Provenance.Unknown));
        var tp = new ThreePublicExpenses();
        void Fill(ThreePublicFigures to, ThreePublicItems x)
        {
            to.Total = F(x.Total); to.Abroad = F(x.Abroad); to.VehicleTotal = F(x.Vehicle);
            to.VehiclePurchase = F(x.VehiclePurchase); to.VehicleOperation = F(x.VehicleOperation); to.Reception = F(x.Reception);
        }
        if (d.IsFinal)
        {
            Fill(tp.Final, d.ThreePublic.Current);
            if ((d.ThreePublic.Budget ?? d.ThreePublic.InitialBudget) is { } b) Fill(tp.Budget, b);
        }
        else Fill(tp.Budget, d.ThreePublic.Current);
        if (d.Meeting is not null) tp.Meeting = F(d.Meeting.Amount);
        if (d.Training is not null) tp.Training = F(d.Training.Amount);
        if (d.Travel is not null) tp.Travel = F(d.Travel.Amount);
        m.ThreePublic = tp;
        if (d.OperatingCosts is not null) m.OperatingCosts = F(d.OperatingCosts.Amount);
        if (d.Procurement is { } p)
            m.Procurement = new ProcurementSummary { Total = F(p.Total), Goods = F(p.Goods), Works = F(p.Works), Services = F(p.Services), Sme = F(p.Sme), SmallMicro = F(p.SmallMicro) };
        if (d.Assets is { } a)
        {
            var asum = new AssetSummary { VehicleCount = new Figure(a.Vehicles.Values.Sum(), 0, ValueUnit.Count, FigureKind.Number, Provenance.Unknown) };
            foreach (var kv in a.Vehicles) asum.VehiclesByType[kv.Key] = new Figure(kv.Value, 0, ValueUnit.Count, FigureKind.Number, Provenance.Unknown);
            m.Assets = asum;
        }
    }
}
