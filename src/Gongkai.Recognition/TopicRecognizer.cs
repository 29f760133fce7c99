using Gongkai.Model;
using Gongkai.Recognition.Tables;

namespace Gongkai.Recognition;

/// <summary>
/// Typed topics from recognized tables: “三公”经费 (B7/F7/公开09), 会议费/培训费/差旅费, 机关运行经费,
/// 政府采购, 国有资产, units (预算单位构成) and the 目录 with 是否空表.
/// </summary>
public static class TopicRecognizer
{
    public static void Recognize(Disclosure d)
    {
        foreach (var t in d.Tables)
        {
            switch (t.Kind)
            {
                case TableKind.BudgetThreePublic or TableKind.FinalThreePublic:
                    FromThreePublicTable(d, t);
                    break;
                case TableKind.InstitutionOperation:
                    FromInstitutionTable(d, t);
                    break;
                case TableKind.Procurement:
                    FromProcurementTable(d, t);
                    break;
                case TableKind.Assets:
                    FromAssetTable(d, t);
                    break;
                case TableKind.OperatingCostsByEconomic:
                    d.OperatingCosts ??= t.TotalRow?[Measure.Total];
                    break;
                case TableKind.UnitComposition:
                    foreach (var r in t.Rows.Where(r => r.Label.Length > 0))
                        d.Units.Add(new OrganizationUnit(r.Label, r.UnitCode, r.Texts.Values.FirstOrDefault(), null, r.Source));
                    break;
                case TableKind.TableOfContents:
                    foreach (var r in t.Rows.Where(r => r.Label.Length > 0))
                    {
                        var flag = r.Texts.FirstOrDefault(kv => kv.Key.Contains("是否空表")).Value;
                        var reason = r.Texts.FirstOrDefault(kv => kv.Key.Contains("理由")).Value;
                        d.TableOfContents.Add((r.Label, flag is null ? false : flag.Trim() == "是", reason));
                    }
                    break;
            }
        }
    }

    private static void FromThreePublicTable(Disclosure d, DisclosureTable t)
    {
        // the table's total row (合计 over one row per unit, the items of an items-as-rows table), else its first row
        var row = t.Rows.FirstOrDefault(r => r.IsTotal) ?? t.Rows.FirstOrDefault();
        if (row is null) return;
        d.ThreePublic ??= new ThreePublicExpenses();
        foreach (var basis in new[] { Basis.Default, Basis.Budget, Basis.Final })
        {
            var target = basis == Basis.Final || basis == Basis.Default && d.Kind == DocumentKind.FinalAccount ? d.ThreePublic.Final : d.ThreePublic.Budget;
            Figure? F(Measure m) => row[new ColumnKey(m, basis)];
            target.Total ??= F(Measure.ThreePublicTotal);
            target.Abroad ??= F(Measure.Abroad);
            target.VehicleTotal ??= F(Measure.VehicleTotal);
            target.VehiclePurchase ??= F(Measure.VehiclePurchase);
            target.VehicleOperation ??= F(Measure.VehicleOperation);
            target.Reception ??= F(Measure.Reception);
        }
        d.ThreePublic.Meeting ??= row[Measure.Meeting];
        d.ThreePublic.Training ??= row[Measure.Training];
        d.OperatingCosts ??= row[Measure.OperatingCosts];
    }

    private static void FromInstitutionTable(Disclosure d, DisclosureTable t)
    {
        d.ThreePublic ??= new ThreePublicExpenses();
        var tp = d.ThreePublic;
        var sections = new Dictionary<int, string>();
        foreach (var r in t.Rows)
        {
            string section = sections.GetValueOrDefault(r.Block, "");
            var l = TextNormalizer.Compact(r.Label);
            var budget = r[new ColumnKey(Measure.Amount, Basis.Budget)];
            var final = r[new ColumnKey(Measure.Amount, Basis.Final)];
            if (System.Text.RegularExpressions.Regex.IsMatch(l, @"^[一二三四五六七八九十]+、")) section = l;
            sections[r.Block] = section;
            if (r.Block == 0)
            {
                if (l.Contains("相关统计数")) { sections[0] = "统计"; continue; }
                if (section == "统计" && final is not null) { tp.Statistics[TextNormalizer.StripOrdinal(r.Label)] = final; continue; }
                if (l.Contains("支出合计") && section.Contains("三公")) { tp.Budget.Total ??= budget; tp.Final.Total ??= final; }
                else if (l.Contains("因公出国")) { tp.Budget.Abroad ??= budget; tp.Final.Abroad ??= final; }
                else if (l.Contains("公务用车购置及运行")) { tp.Budget.VehicleTotal ??= budget; tp.Final.VehicleTotal ??= final; }
                else if (l.Contains("公务用车购置费")) { tp.Budget.VehiclePurchase ??= budget; tp.Final.VehiclePurchase ??= final; }
                else if (l.Contains("公务用车运行")) { tp.Budget.VehicleOperation ??= budget; tp.Final.VehicleOperation ??= final; }
                else if (l.Contains("公务接待费") && !l.Contains("国内") && !l.Contains("国(境)外")) { tp.Budget.Reception ??= budget; tp.Final.Reception ??= final; }
                else if (l.Contains("会议费")) tp.Meeting ??= final;
                else if (l.Contains("培训费")) tp.Training ??= final;
                else if (l.Contains("差旅费")) tp.Travel ??= final;
            }
            else
            {
                if (l.Contains("机关运行经费")) { d.OperatingCosts ??= final; sections[1] = "机关运行经费"; continue; }
                if (l.Contains("资产信息")) { sections[1] = "资产"; continue; }
                if (l.Contains("政府采购支出信息")) { sections[1] = "采购"; continue; }
                if (section == "资产")
                {
                    d.Assets ??= new AssetSummary();
                    if (l.Contains("车辆数合计")) d.Assets.VehicleCount = final;
                    else if (l.Contains("设备")) d.Assets.HighValueEquipment = final;
                    else if (final is not null) d.Assets.VehiclesByType[TextNormalizer.StripOrdinal(r.Label)] = final;
                }
                else if (section == "采购")
                {
                    d.Procurement ??= new ProcurementSummary();
                    var p = d.Procurement;
                    if (l.Contains("支出合计")) p.Total = final;
                    else if (l.Contains("货物")) p.Goods = final;
                    else if (l.Contains("工程")) p.Works = final;
                    else if (l.Contains("服务")) p.Services = final;
                    else if (l.Contains("小微")) p.SmallMicro = final;
                    else if (l.Contains("中小企业")) p.Sme = final;
                }
            }
        }
    }

    private static void FromProcurementTable(Disclosure d, DisclosureTable t)
    {
        d.Procurement ??= new ProcurementSummary();
        var total = t.Rows.FirstOrDefault(r => r.IsTotal);
        if (total is not null)
        {
            d.Procurement.Total ??= total[Measure.Total];
            d.Procurement.Sme ??= total[Measure.SmeShare];
            d.Procurement.SmallMicro ??= total[Measure.SmallMicroShare];
        }
        foreach (var r in t.Rows.Where(r => !r.IsTotal && r.Texts.Count > 0)) d.Procurement.Lines.Add(r);
    }

    private static void FromAssetTable(Disclosure d, DisclosureTable t)
    {
        d.Assets ??= new AssetSummary();
        foreach (var r in t.Rows)
        {
            var l = TextNormalizer.StripOrdinal(r.Label);
            var value = r[Measure.Amount] ?? r.Extras.FirstOrDefault(kv => kv.Key.Contains("价值") || kv.Key.Contains("金额")).Value;
            var count = r.Values.TryGetValue(Measure.Quantity, out var q) ? q : null;
            if (value is not null) d.Assets.Values[l] = value;
            if (l.Contains("车辆") && count is not null) d.Assets.VehicleCount = count;
            if (l.Contains("设备") && count is not null) d.Assets.HighValueEquipment = count;
        }
    }
}
