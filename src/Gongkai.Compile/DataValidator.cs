using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// Checks the input before anything is built: structure, codes, decimals, and the sums the builder cannot
/// derive (基本支出 by economic class vs by function; carry-over identities; 采购 and 机关运行经费 parts).
/// </summary>
public static class DataValidator
{
    /// <summary>Structure: kind, year, profile, codes, decimals. Any 错误 here means nothing can be built.</summary>
    public static void Validate(DisclosureData d, List<DataIssue> issues)
    {
        void Err(string field, string msg) => issues.Add(new(IssueSeverity.Error, field, msg));
        int decimals = TableDecimals(d); // the region's template decides once how precise the table amounts may be
        if (d.Kind is not ("budget" or "final")) Err("kind", $"文档类型应为 budget（部门预算）或 final（部门决算），实为“{d.Kind}”。");
        if (d.Year is < 2000 or > 2100) Err("year", $"年度应为四位年份，实为 {d.Year}。");
        if (!DisclosureData.Profiles.Contains(d.Profile)) Err("profile", $"地区配置应为 {string.Join("、", DisclosureData.Profiles)} 之一，实为“{d.Profile}”。");
        if (string.IsNullOrWhiteSpace(d.Unit.Name)) Err("unit.name", "缺少部门（单位）名称。");
        var seen = new HashSet<(string, FundSource)>();
        foreach (var l in d.Expenditure)
        {
            var f = $"expenditure[{l.Code}]";
            if (l.Code.Length != 7 || !l.Code.All(char.IsAsciiDigit) || l.Code[0] != '2')
                Err(f, $"支出功能分类科目编码应为 7 位“项”级编码（以 2 开头），实为“{l.Code}”。");
            if (!seen.Add((l.Code, l.Source))) Err(f, $"科目 {l.Code} 的同一资金来源填写了两行，请合并。");
            if (l.Source is FundSource.General or FundSource.GovFund or FundSource.StateCapital && l.RemitToSuperior + l.OperatingExpenditure + l.SubsidyToSubordinate != 0)
                Err(f, $"科目 {l.Code} 的财政拨款支出只能填写基本支出和项目支出；上缴上级、经营支出和对附属单位补助请按实际资金来源填写。");
            foreach (var (name, v) in new[] { ("基本支出", l.Basic), ("项目支出", l.Project), ("上缴上级支出", l.RemitToSuperior), ("经营支出", l.OperatingExpenditure), ("对附属单位补助支出", l.SubsidyToSubordinate) })
                Amount(issues, f + "." + name, v, decimals);
        }
        foreach (var (field, lines) in new[] { ("economic", d.Economic), ("projectEconomic", d.ProjectEconomic ?? []) })
        {
            foreach (var e in lines)
            {
                if (e.Code.Length != 5 || !e.Code.All(char.IsAsciiDigit) || e.Code[0] != '3')
                    Err($"{field}[{e.Code}]", $"部门预算支出经济分类科目编码应为 5 位“款”级编码（以 3 开头），实为“{e.Code}”。");
                if (e.GovernmentCode is { } g && (g.Length != 5 || !g.All(char.IsAsciiDigit) || g[0] != '5'))
                    Err($"{field}[{e.Code}]", $"政府预算支出经济分类科目编码应为 5 位“款”级编码（以 5 开头），实为“{g}”。");
                Amount(issues, $"{field}[{e.Code}]", e.Amount, decimals);
            }
            // one 部门 款 may be split over several 政府 款, but each pair once
            if (lines.GroupBy(e => (e.Code, e.GovernmentCode ?? "")).Any(g => g.Count() > 1)) Err(field, "经济分类科目有重复编码，请合并。");
        }
        RegionalDataChecks.Validate(d, issues);
    }

    /// <summary>
    /// The sums and relations the builder cannot derive. Their 错误 refuse the output unless forced, but the package
    /// can still be built (so --force can write it with the findings listed).
    /// </summary>
    public static void Consistency(DisclosureData d, List<DataIssue> issues)
    {
        void Err(string field, string msg) => issues.Add(new(IssueSeverity.Error, field, msg));
        int decimals = TableDecimals(d); // the region's template decides once how precise the table amounts may be

        var generalBasic = d.Expenditure.Where(l => l.Source == FundSource.General).Sum(l => l.Basic);
        var econ = d.Economic.Sum(e => e.Amount);
        if (econ != generalBasic)
            Err("economic", $"按经济分类填写的基本支出合计 {Money.Text(econ)} 万元，应等于一般公共预算按功能分类的基本支出 {Money.Text(generalBasic)} 万元，差 {Money.Text(econ - generalBasic)} 万元。");

        // 公用经费 by 功能 项 (optional): within each line's 基本支出, and (一般公共预算) adding up to the 公用经费 of the economic classes
        foreach (var l in d.Expenditure.Where(l => l.Public is < 0 || l.Public > l.Basic))
            Err($"expenditure[{l.Code}].public", $"科目 {l.Code} 的公用经费 {Money.Text(l.Public ?? 0)} 万元应在 0 与基本支出 {Money.Text(l.Basic)} 万元之间。");
        var general = d.Expenditure.Where(l => l.Source == FundSource.General).ToList();
        if (general.Any(l => l.Public is not null))
        {
            var byFunction = general.Sum(l => l.Public ?? 0);
            var byEconomic = d.Economic.Where(e => !CompileCatalog.IsPersonnel(e.Code)).Sum(e => e.Amount);
            if (byFunction != byEconomic)
                Err("expenditure.public", $"按功能科目填写的公用经费合计 {Money.Text(byFunction)} 万元，应等于按经济分类计算的公用经费 {Money.Text(byEconomic)} 万元，差 {Money.Text(byFunction - byEconomic)} 万元。");
        }

        if (d.ProjectEconomic is { } pe)
        {
            var generalProject = d.Expenditure.Where(l => l.Source == FundSource.General).Sum(l => l.Project);
            var projectEcon = pe.Sum(e => e.Amount);
            if (projectEcon != generalProject)
                Err("projectEconomic", $"按经济分类填写的项目支出合计 {Money.Text(projectEcon)} 万元，应等于一般公共预算按功能分类的项目支出 {Money.Text(generalProject)} 万元，差 {Money.Text(projectEcon - generalProject)} 万元。");
        }

        // income vs spending and carry-over
        var c = d.Carry;
        foreach (var v in new[] { c.CarryInGeneral, c.CarryInGovFund, c.CarryInStateCapital, c.CarryOutGeneral, c.CarryOutGovFund, c.CarryOutStateCapital, c.CarryInNonFiscal, c.CarryOutNonFiscal, c.UseOfNonFiscalBalance, c.InstitutionFund, c.BalanceDistribution })
            Amount(issues, "carry", v, decimals);
        bool anyCarry = c.CarryInGeneral + c.CarryInGovFund + c.CarryInStateCapital + c.CarryOutGeneral + c.CarryOutGovFund + c.CarryOutStateCapital
            + c.CarryInNonFiscal + c.CarryOutNonFiscal + c.UseOfNonFiscalBalance + c.InstitutionFund + c.BalanceDistribution != 0;
        if (d.RevenueByFunction is { Count: > 0 } rev)
        {
            foreach (var r in rev)
            {
                if (r.Code.Length != 7 || !r.Code.All(char.IsAsciiDigit)) Err($"revenueByFunction[{r.Code}]", $"收入的功能分类科目编码应为 7 位，实为“{r.Code}”。");
                Amount(issues, $"revenueByFunction[{r.Code}]", r.Amount, decimals);
            }
            decimal Inc(FundSource s) => rev.Where(r => r.Source == s).Sum(r => r.Amount);
            decimal Sp(FundSource s) => d.Expenditure.Where(l => l.Source == s).Sum(l => l.Total);
            foreach (var (s, cin, cout, name) in new[] { (FundSource.General, c.CarryInGeneral, c.CarryOutGeneral, "一般公共预算"), (FundSource.GovFund, c.CarryInGovFund, c.CarryOutGovFund, "政府性基金预算"), (FundSource.StateCapital, c.CarryInStateCapital, c.CarryOutStateCapital, "国有资本经营预算") })
                if (Inc(s) + cin != Sp(s) + cout)
                    Err("carry", $"{name}财政拨款：本年收入 {Money.Text(Inc(s))} + 年初结转 {Money.Text(cin)} 应等于本年支出 {Money.Text(Sp(s))} + 年末结转 {Money.Text(cout)}。");
            foreach (var (s, cin, name) in new[] { (FundSource.GovFund, c.CarryInGovFund, "政府性基金预算"), (FundSource.StateCapital, c.CarryInStateCapital, "国有资本经营预算") })
            {
                var codes = rev.Where(r => r.Source == s).Select(r => r.Code).Concat(d.Expenditure.Where(l => l.Source == s).Select(l => l.Code)).Distinct();
                var needed = codes.Sum(code => Math.Max(0, d.Expenditure.Where(l => l.Source == s && l.Code == code).Sum(l => l.Total) - rev.Where(r => r.Source == s && r.Code == code).Sum(r => r.Amount)));
                if (needed > cin)
                    Err("carry", $"{name}财政拨款：各科目支出超过本年收入的部分合计 {Money.Text(needed)} 万元，大于年初结转和结余 {Money.Text(cin)} 万元，请核对按科目填写的收入。");
            }
            var incomeAll = rev.Sum(r => r.Amount);
            var spendAll = d.Expenditure.Sum(l => l.Total);
            var left = incomeAll + c.UseOfNonFiscalBalance + c.InstitutionFund + c.CarryInGeneral + c.CarryInGovFund + c.CarryInStateCapital + c.CarryInNonFiscal;
            var right = spendAll + c.BalanceDistribution + c.CarryOutGeneral + c.CarryOutGovFund + c.CarryOutStateCapital + c.CarryOutNonFiscal;
            if (left != right) Err("carry", $"收入总计 {Money.Text(left)} 万元应等于支出总计 {Money.Text(right)} 万元（差 {Money.Text(left - right)} 万元），请核对收入、结转结余各项。");
        }
        else if (anyCarry)
            Err("revenueByFunction", "填写了结转结余等项目时，须按功能分类科目填写本年收入（revenueByFunction），否则无法编制收入表。");

        var tp = d.ThreePublic;
        foreach (var (label, items) in new[] { ("本年", tp.Current), ("上年", tp.Prior), ("全年预算", tp.Budget), ("年初预算", tp.InitialBudget) })
            if (items is not null)
                foreach (var v in new[] { items.Abroad, items.VehiclePurchase, items.VehicleOperation, items.Reception }) Amount(issues, $"threePublic.{label}", v);

        if (d.OperatingCosts is { } oc)
        {
            Amount(issues, "operatingCosts", oc.Amount);
            if (oc.Administrative is not null || oc.CivilServiceInstitutions is not null)
            {
                var parts = (oc.Administrative ?? 0) + (oc.CivilServiceInstitutions ?? 0);
                if (parts != oc.Amount) Err("operatingCosts", $"机关运行经费 {Money.Text(oc.Amount)} 万元应等于行政单位与参公事业单位之和 {Money.Text(parts)} 万元。");
            }
        }
        if (d.Procurement is { } p)
        {
            foreach (var v in new[] { p.Goods, p.Works, p.Services, p.Sme, p.SmallMicro }) Amount(issues, "procurement", v);
            if (p.Sme > p.Total) Err("procurement.sme", $"面向（授予）中小企业金额 {Money.Text(p.Sme)} 万元不能超过政府采购总额 {Money.Text(p.Total)} 万元。");
            if (p.SmallMicro > p.Sme) Err("procurement.smallMicro", $"其中小微企业金额 {Money.Text(p.SmallMicro)} 万元不能超过中小企业金额 {Money.Text(p.Sme)} 万元。");
            if (p.Items.Count > 0 && p.Items.Sum(i => i.Amount) != p.Total)
                Err("procurement.items", $"政府采购明细合计 {Money.Text(p.Items.Sum(i => i.Amount))} 万元应等于货物、工程、服务之和 {Money.Text(p.Total)} 万元。");
            if (p.BySource is { } bySource)
            {
                foreach (var l in bySource)
                {
                    if (l.Type is not ("goods" or "works" or "services")) Err("procurement.bySource", $"采购类别应为 goods（货物）、works（工程）或 services（服务），实为“{l.Type}”。");
                    Amount(issues, $"procurement.bySource[{l.Type}]", l.Amount);
                }
                foreach (var (type, name, total) in new[] { ("goods", "货物", p.Goods), ("works", "工程", p.Works), ("services", "服务", p.Services) })
                {
                    var sum = bySource.Where(l => l.Type == type).Sum(l => l.Amount);
                    if (sum != total) Err("procurement.bySource", $"政府采购{name}按资金来源合计 {Money.Text(sum)} 万元，应等于{name}预算 {Money.Text(total)} 万元。");
                }
            }
            else if (p.Total > 0 && !d.IsFinal && Gongkai.Catalogs.RegionTemplates.Find(d.Profile, "budget", d.Year)?.Table(nameof(TableKind.Procurement))?.Measures.Contains(nameof(Measure.GeneralBudget)) == true)
                issues.Add(new(IssueSeverity.Warning, "procurement.bySource",
                    "本地区的政府采购预算明细表按资金来源列示，数据没有填写按资金来源的采购金额（procurement.bySource），表中各资金来源列将空白。"));
        }
        foreach (var pr in d.Projects) Amount(issues, $"projects[{pr.Name}]", pr.Amount);
        new GivenTotals(d).Check(issues);
        Plausibility(d, issues);
        OverallPerformance.Validate(d, issues);
        RegionalDataChecks.Consistency(d, issues);
        ItemFacts.Check(d, issues);
    }

    /// <summary>
    /// 警告 for data that is consistent but that a reviewer would question: official cars without a vehicle in the
    /// assets, 项目支出 without any project listed, 公用经费 of 行政/参公 units without 机关运行经费.
    /// </summary>
    private static void Plausibility(DisclosureData d, List<DataIssue> issues)
    {
        void Warn(string field, string msg) => issues.Add(new(IssueSeverity.Warning, field, msg));
        var tp = d.ThreePublic;
        int held = tp.Stats.VehiclesHeld;
        int inAssets = d.Assets?.Vehicles.Values.Sum() ?? 0;
        if ((held > 0 || tp.Current.VehicleOperation > 0) && inAssets == 0)
            Warn("assets.vehicles", held > 0
                ? $"“三公”经费填有公务用车保有量 {held} 辆，国有资产未填车辆：情况说明会写“没有车辆”，请在“国有资产”中填写车辆。"
                : $"“三公”经费填有公务用车运行维护费 {Money.Text(tp.Current.VehicleOperation)} 万元，但没有填写公务用车保有量和车辆，请核对。");
        else if (held > 0 && inAssets < held)
            Warn("assets.vehicles", $"国有资产填写车辆 {inAssets} 辆，少于“三公”经费的公务用车保有量 {held} 辆，请核对。");
        var project = d.Expenditure.Sum(l => l.Project);
        if (project > 0 && d.Projects.Count == 0)
            Warn("projects", $"项目支出 {Money.Text(project)} 万元，但没有填写任何项目：项目支出表和绩效目标将为空，请在“项目与绩效”中列出项目。");
        UnverifiedNames(d, issues);
        bool organ = d.Unit.Units.Any(u => u.Type is { } t && (t.Contains("行政") || t.Contains("参照")));
        var publicCosts = d.Economic.Where(e => !e.Code.StartsWith("301") && !e.Code.StartsWith("303")).Sum(e => e.Amount);
        if (organ && publicCosts > 0 && d.OperatingCosts is null)
            Warn("operatingCosts", $"行政单位或参公事业单位有公用经费 {Money.Text(publicCosts)} 万元，但没有填写机关运行经费：情况说明会写“无机关运行经费”，请核对。");
    }

    /// <summary>
    /// The names the package prints from the built-in catalog are only as good as its rows: one 警告 lists the codes of
    /// the data (项 with their 款 and 类, economic 款 and 类) whose name comes from an unverified row or from no row at all,
    /// so that nobody publishes an unverified name as the official one. A name given in the data is taken as it is.
    /// </summary>
    private static void UnverifiedNames(DisclosureData d, List<DataIssue> issues)
    {
        var catalog = Gongkai.Catalogs.ClassificationCatalog.BuiltIn;
        var unverified = new SortedSet<string>(StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        void Look(string code, CodeScheme scheme)
        {
            var e = catalog.Find(code, scheme, d.Year);
            if (e is null) unknown.Add(code);
            else if (!e.Verified) unverified.Add($"{code} {e.Name}");
        }
        foreach (var l in d.Expenditure)
        {
            if (string.IsNullOrWhiteSpace(l.Name)) Look(l.Code, CodeScheme.Function);
            if (l.Code.Length >= 5) { Look(l.Code[..5], CodeScheme.Function); Look(l.Code[..3], CodeScheme.Function); }
        }
        foreach (var e in d.Economic.Concat(d.ProjectEconomic ?? []))
        {
            if (string.IsNullOrWhiteSpace(e.Name)) Look(e.Code, CodeScheme.DepartmentEconomic);
            if (e.Code.Length >= 3) Look(e.Code[..3], CodeScheme.DepartmentEconomic);
        }
        if (unverified.Count > 0)
            issues.Add(new(IssueSeverity.Warning, "names",
                $"以下科目名称取自内置科目表中未核实的条目，发布前请按 {d.Year} 年《政府收支分类科目》核对，或在数据中填写名称：{string.Join("、", unverified)}。"));
        if (unknown.Count > 0)
            issues.Add(new(IssueSeverity.Warning, "names",
                $"以下科目编码不在内置科目表中，表格将只印编码：{string.Join("、", unknown)}。请核对编码，并在数据中填写名称。"));
    }

    internal static void Amount(List<DataIssue> issues, string field, decimal v, int decimals = 2)
    {
        if (v < 0) issues.Add(new(IssueSeverity.Error, field, $"金额不能为负数：{v}。"));
        if (!Money.HasAtMostDecimals(v, decimals))
            issues.Add(new(IssueSeverity.Error, field, decimals == 2 ? $"金额以万元为单位，最多两位小数：{v}。" : $"金额以万元为单位，最多到分（{decimals} 位小数）：{v}。"));
    }

    /// <summary>
    /// The decimals (in 万元) allowed for the amounts of the standard tables by function and economic class (lines, carry,
    /// given totals): 6 — to the fen — when the region's template prints those tables in 元 (上海 预算), else 2. An amount
    /// that a table printed in 万元 cannot show exactly is refused when the tables are built (<see cref="UnitConversion"/>).
    /// </summary>
    public static int TableDecimals(DisclosureData d) =>
        Gongkai.Catalogs.RegionTemplates.Find(d.Profile, d.IsFinal ? "final" : "budget", d.Year) is { } t
        && t.Tables.Any(x => x.UnitLine is { } u && UnitConversion.IsYuan(u)) ? 6 : 2;
}
