using Gongkai.Model;

namespace Gongkai.Audit.Rules.WithinTable;

/// <summary>
/// Base of "each row: total column = Σ part columns" identities. A table with a value column of unknown meaning
/// (<see cref="DisclosureTable.UnmappedValueColumns"/>) is skipped: the unread column may be one of the parts (GK200 says so).
/// </summary>
public abstract class RowColumnsIdentity : Rule
{
    protected abstract TableKind[] Kinds { get; }
    protected abstract ColumnKey TotalKey(DisclosureTable table);
    /// <summary>The part columns for this table, or null to skip it.</summary>
    protected abstract ColumnKey[]? PartKeys(DisclosureTable table);
    protected virtual string What => "应等于各分项列之和";

    public override IEnumerable<Finding> Check(AuditContext ctx)
    {
        foreach (var table in ctx.Tables(Kinds))
        {
            var keys = table.Keys();
            var partKeys = PartKeys(table)?.Where(keys.Contains).ToArray();
            var totalKey = TotalKey(table);
            if (partKeys is null || partKeys.Length == 0 || !keys.Contains(totalKey)) continue;
            if (table.UnmappedValueColumns.Count > 0) continue;
            foreach (var row in table.Rows)
            {
                if (row[totalKey] is not { } total) continue;
                var parts = partKeys.Select(k => row[k]).ToList();
                if (parts.All(p => p is null)) continue;
                var names = string.Join(" + ", partKeys.Select(k => k.ColumnName()));
                var f = Judge(ctx, Tolerance.Sum(total, parts),
                    $"{table.Kind.Describe()}「{row.Name()}」", $"{totalKey.ColumnName()}{What}（{names}）",
                    new[] { total.Source }.Concat(parts.Select(p => p?.Source)), table.Kind);
                if (f is not null) yield return f;
            }
        }
    }
}

/// <summary>GK203 支出表 each row 合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助 (P9, Q7).</summary>
public sealed class ExpenditureRowTotal : RowColumnsIdentity
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK203", "支出表合计等于各支出类型之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "合计 = 基本支出（或 人员经费 + 公用经费）+ 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出（+ 单位预留机动经费）",
        "支出总表/支出决算表每一行的合计列应等于按支出性质拆分的各列之和；表中未列出的列不参与计算。经营支出等列若在全表各行（至少两行）都已含在基本支出、项目支出之内，按该表的“其中”列处理。",
        "210 卫生健康支出：670.76 + 6287.35 = 6958.11");

    protected override TableKind[] Kinds => new[] { TableKind.BudgetExpenditure, TableKind.FinalExpenditure };
    protected override ColumnKey TotalKey(DisclosureTable t) => Measure.Total;

    private static readonly ColumnKey[] Others = { Measure.RemitToSuperior, Measure.OperatingExpenditure, Measure.SubsidyToSubordinate };

    /// <summary>
    /// 基本 (or, printed only as its parts 基本支出/人员支出 | 基本支出/公用经费 with no 小计, 人员 + 公用) + 项目 + the other
    /// spending kinds; but where a table prints 经营支出 (上缴上级, 对附属单位补助) as a part of its 基本/项目 figures — every
    /// row with such a figure, at least two, has 合计 = 基本 + 项目 exactly — those columns are read as 其中 columns of the
    /// table, not as a row's missing part (a layout, not a defect of one row).
    /// </summary>
    protected override ColumnKey[]? PartKeys(DisclosureTable t)
    {
        // 基本支出 printed only as its parts (基本支出/人员支出 | 基本支出/日常公用支出, no 小计): the parts stand for it
        ColumnKey[] basic = t.Keys().Contains(Measure.Basic) ? [Measure.Basic] : [Measure.Personnel, Measure.Public];
        ColumnKey[] core = [.. basic, Measure.Project, Measure.Reserve];
        var withOthers = t.Rows.Where(r => r[Measure.Total] is not null && Others.Any(k => r.ValueOrZero(k) != 0m)).ToList();
        if (withOthers.Count >= 2 && withOthers.All(r =>
                Tolerance.Sum(r[Measure.Total]!, core.Select(k => r[k]).ToList()).Verdict != Verdict.Mismatch))
            return core;
        return [.. core, .. Others];
    }
}

/// <summary>GK204 合计 = 基本 + 项目 in B5/F5/B8/B9/F8/F9 (P12, Q11, Q14); XA: 合计 = 人员 + 公用 + 专项.</summary>
public sealed class BasicPlusProjectTotal : RowColumnsIdentity
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK204", "合计等于基本支出加项目支出", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "合计 = 基本支出 + 项目支出（无基本支出列时：人员经费 + 公用经费 + 项目支出；江苏另加单位预留机动经费）",
        "一般公共预算、政府性基金、国有资本经营支出表每一行的合计应等于基本支出与项目支出之和。",
        "行政运行 1503.52 + 8.37 = 1511.89");

    protected override TableKind[] Kinds => new[]
    {
        TableKind.BudgetGeneralExpenditure, TableKind.FinalGeneralExpenditure, TableKind.BudgetGovFund,
        TableKind.FinalGovFund, TableKind.BudgetStateCapital, TableKind.FinalStateCapital, TableKind.FiscalGrantExpenditure,
    };
    protected override ColumnKey TotalKey(DisclosureTable t) => Measure.Total;
    protected override ColumnKey[]? PartKeys(DisclosureTable t) =>
        t.Keys().Contains(Measure.Basic)
            ? new ColumnKey[] { Measure.Basic, Measure.Project, Measure.Reserve }
            : new ColumnKey[] { Measure.Personnel, Measure.Public, Measure.Project, Measure.Reserve };
}

/// <summary>GK205 基本支出 = 人员经费 + 公用经费 where a table shows all three columns (WH B5).</summary>
public sealed class BasicEqualsPersonnelPlusPublic : RowColumnsIdentity
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK205", "基本支出等于人员经费加公用经费", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "基本支出 = 人员经费 + 公用经费",
        "基本支出列再分人员经费、公用经费两列时，每一行的基本支出应等于两者之和。",
        "210 卫生健康支出：154.83 + 22.41 = 177.24");

    protected override TableKind[] Kinds => TableNames.FunctionCoded;
    protected override ColumnKey TotalKey(DisclosureTable t) => Measure.Basic;
    protected override ColumnKey[]? PartKeys(DisclosureTable t) => new ColumnKey[] { Measure.Personnel, Measure.Public };
}

/// <summary>GK206 B6 each row 合计 = 人员经费 + 公用经费 (P13).</summary>
public sealed class EconomicRowTotal : RowColumnsIdentity
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK206", "基本支出表合计等于人员经费加公用经费", Severity.Error, Applicability.Budget, RuleCategory.WithinTable,
        "每行 合计 = 人员经费 + 公用经费",
        "一般公共预算基本支出表按经济分类列示，每一行的合计应等于人员经费列与公用经费列之和。",
        "合计 776.02 = 683.28 + 92.74");

    protected override TableKind[] Kinds => new[] { TableKind.BudgetGeneralBasic };
    protected override ColumnKey TotalKey(DisclosureTable t) => Measure.Total;
    protected override ColumnKey[]? PartKeys(DisclosureTable t) => new ColumnKey[] { Measure.Personnel, Measure.Public };
}

/// <summary>GK207 收入表 each row 合计 = Σ income-source columns (P7, Q5).</summary>
public sealed class RevenueRowTotal : RowColumnsIdentity
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GK207", "收入表合计等于各来源之和", Severity.Error, Applicability.Both, RuleCategory.WithinTable,
        "合计 = 财政拨款（或 一般公共预算 + 政府性基金 + 国有资本经营）+ 上级补助 + 事业收入 + 经营收入 + 附属单位上缴 + 其他收入（+ 上年结转 + 用事业基金弥补 + 使用非财政拨款结余 + 上年实户资金余额）",
        "收入表每一行的合计应等于各收入来源列之和。“其中”列（如教育收费）不参与相加；有财政拨款合并列时不再加三项资金列。",
        "行政运行 1511.89 + 0.01 = 1511.90");

    protected override TableKind[] Kinds => new[] { TableKind.BudgetRevenue, TableKind.FinalRevenue };
    protected override ColumnKey TotalKey(DisclosureTable t) => Measure.Total;
    protected override ColumnKey[]? PartKeys(DisclosureTable t)
    {
        var keys = t.Keys();
        var list = new List<ColumnKey>();
        if (keys.Contains(Measure.FiscalGrant)) list.Add(Measure.FiscalGrant);
        else list.AddRange(new ColumnKey[] { Measure.GeneralBudget, Measure.GovernmentFund, Measure.StateCapital });
        if (keys.Contains(Measure.BusinessIncome)) list.Add(Measure.BusinessIncome);
        else list.AddRange(new ColumnKey[] { Measure.NonEducationFees, Measure.EducationFees });
        list.AddRange(new ColumnKey[]
        {
            Measure.SpecialAccount, Measure.SuperiorSubsidy, Measure.OperatingIncome, Measure.SubordinateRemittance,
            Measure.OtherIncome, Measure.InstitutionFund, Measure.CarryIn, Measure.UseOfNonFiscalBalance, Measure.AccountBalanceIn,
        });
        return list.ToArray();
    }
}
