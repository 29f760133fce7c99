using Gongkai.Model;

namespace Gongkai.Compile;

/// <summary>
/// Writes the 情况说明 in Chinese from the facts: every amount, change (增加/减少/持平 with amount and
/// percentage; no percentage on a zero base), share (largest remainder where rounding needs it) and reason
/// comes from the data. A change of 10 % or more without a reason is reported as a warning.
/// </summary>
public sealed partial class NarrativeWriter
{
    /// <summary>Changes of this size (percent) or more need a reason.</summary>
    public const decimal ReasonThreshold = 10m;

    private readonly Facts _f;
    private readonly DisclosureData _d;
    private readonly List<DataIssue> _issues;
    private readonly List<Block> _out = new();
    private int _part;

    public NarrativeWriter(Facts facts, List<DataIssue> issues)
    {
        _f = facts;
        _d = facts.Data;
        _issues = issues;
    }

    private int Y => _d.Year;
    private string Subject => _d.Unit.Scope == "unit" ? "本单位" : "本部门";
    private string PriorYearWord => _f.Final ? $"{Y - 1}年度" : $"{Y - 1}年预算";
    private string YearWord => _f.Final ? $"{Y}年度" : $"{Y}年";

    public List<Block> Write()
    {
        BasicInfo();
        if (_f.Final) Final(); else Budget();
        Glossary();
        Contact();
        RepeatedSentences();
        return _out;
    }

    /// <summary>联系方式: the contact line and the 公开咨询电话 as the data gives them (nothing when it gives neither).</summary>
    private void Contact()
    {
        var u = _d.Unit;
        if (string.IsNullOrWhiteSpace(u.Contact) && string.IsNullOrWhiteSpace(u.InquiryPhone)) return;
        Part("联系方式");
        if (!string.IsNullOrWhiteSpace(u.Contact)) Para(u.Contact.Trim());
        if (!string.IsNullOrWhiteSpace(u.InquiryPhone)) Para($"公开咨询电话：{u.InquiryPhone.Trim()}。");
    }

    /// <summary>The same sentence printed twice or more reads as a template left unfilled: a warning names it before output.</summary>
    private void RepeatedSentences()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in _out.OfType<ParagraphBlock>())
            foreach (var raw in p.Text.Split('。', StringSplitOptions.RemoveEmptyEntries))
            {
                // the numbering of a list item is not part of the sentence
                var s = System.Text.RegularExpressions.Regex.Replace(raw.Trim(), @"^(\(?\d+\)|\d+\.)", "");
                if (s.Length >= 8) seen[s] = seen.GetValueOrDefault(s) + 1;
            }
        foreach (var (s, n) in seen.Where(kv => kv.Value > 1))
            _issues.Add(new(IssueSeverity.Warning, "narrative", $"情况说明中同一句话出现了 {n} 次：“{(s.Length > 40 ? s[..40] + "…" : s)}”。请补充各自的情况或原因，避免重复。"));
    }

    private void Part(string title) => _out.Add(new HeadingBlock(2, $"{CompileCatalog.Ordinal(_part++)}、{title}"));
    private void Section(int i, string title) => _out.Add(new HeadingBlock(3, $"（{CompileCatalog.Ordinal(i)}）{title}"));
    private void Para(string text) => _out.Add(new ParagraphBlock(text));

    // ───────────── phrases ─────────────

    private string? Reason(string key) =>
        _d.Reasons.TryGetValue(key, out var r) && !string.IsNullOrWhiteSpace(r) ? r.Trim().TrimEnd('。', '；', ';', '.') : null;

    /// <summary>"，与2023年度相比，减少3079.74万元，下降43.96%，主要原因是…" (or 持平 / zero base without a percentage).</summary>
    public string Change(decimal current, decimal? prior, string key, string subjectName, string? baseWord = null, bool needReason = true)
    {
        if (prior is not decimal p) return "";
        var word = baseWord ?? (_f.Final ? $"与{PriorYearWord}相比" : $"比{PriorYearWord}");
        var delta = current - p;
        if (delta == 0) return _f.Final || baseWord is not null ? $"，{word}持平" : $"，与{PriorYearWord}持平";
        var dir = delta > 0 ? "增加" : "减少";
        var abs = Math.Abs(delta);
        string s;
        decimal? pct = null;
        if (p == 0)
            s = $"，{word}{(_f.Final && baseWord is null ? "，" : "")}{dir}{Money.Text(abs)}万元（上年无此项，不计算增减比例）";
        else
        {
            pct = Rounding.HalfUp(abs / p * 100m, 2);
            s = $"，{word}{(_f.Final && baseWord is null ? "，" : "")}{dir}{Money.Text(abs)}万元，{(delta > 0 ? "增长" : "下降")}{Money.Pct(pct.Value)}%";
        }
        var reason = Reason(key);
        if (reason is not null) s += $"，主要原因是{reason}";
        else if (needReason && (pct is null || pct >= ReasonThreshold))
            _issues.Add(new(IssueSeverity.Warning, $"reasons.{key}", $"{subjectName}{(baseWord ?? "比上年")}变动{(pct is null ? "（上年为0）" : Money.Pct(pct.Value) + "%")}，达到10%以上，但没有填写变动原因（reasons.{key}）。"));
        return s;
    }

    private static string Amount(decimal v) => $"{Money.Text(v)}万元";

    /// <summary>"a X万元，占s%；b Y万元，占t%" for the parts with money, shares summing to 100.00%.</summary>
    private static string Parts(IReadOnlyList<(string Name, decimal Value)> parts, string sep = "；")
    {
        var nonZero = parts.Where(p => p.Value != 0).ToList();
        var shares = Money.Shares(nonZero.Select(p => p.Value).ToList());
        return string.Join(sep, nonZero.Select((p, i) => $"{p.Name}{Amount(p.Value)}，占{Money.Pct(shares[i])}%"));
    }

    // ───────────── 一、基本情况 ─────────────

    private void BasicInfo()
    {
        var u = _d.Unit;
        Part(_f.Final ? "部门基本情况" : "部门基本情况");
        int i = 0;
        if (u.Functions.Count > 0)
        {
            Section(i++, "主要职能");
            for (int k = 0; k < u.Functions.Count; k++) Para($"{k + 1}.{u.Functions[k].Trim()}");
        }
        if (!string.IsNullOrWhiteSpace(u.Organization))
        {
            Section(i++, "机构设置");
            foreach (var line in u.Organization.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Para(line);
        }
        if (u.Units.Count > 0)
        {
            Section(i++, _f.Final ? (string.IsNullOrWhiteSpace(u.Organization) ? "机构设置" : "决算单位构成") : "预算单位构成");
            var names = string.Join("、", u.Units.Select(x => x.Type is null ? x.Name : $"{x.Name}（{x.Type}）"));
            Para($"纳入{Subject}{YearWord}{(_f.Final ? "决算" : "预算")}编制范围的单位共{u.Units.Count}个：{names}。");
        }
        if (u.Staffing.Count > 0)
        {
            Section(i++, "人员情况");
            var auth = string.Join("、", u.Staffing.Where(s => s.Authorized is not null).Select(s => $"{s.Category}{s.Authorized}名"));
            var act = string.Join("、", u.Staffing.Where(s => s.Actual is not null).Select(s => $"{s.Category}{s.Actual}名"));
            var parts = new List<string>();
            if (auth.Length > 0) parts.Add($"{Subject}核定{auth}");
            var actualTotal = u.Staffing.Where(s => s.Actual is not null).Sum(s => s.Actual!.Value);
            if (act.Length > 0) parts.Add($"实有人员{actualTotal}名，其中{act}");
            Para(string.Join("；", parts) + "。");
        }
    }

    // ───────────── 决算 ─────────────

    private void Final()
    {
        var pr = _d.Prior;
        Part("部门决算收支情况说明");
        Section(0, "收入支出决算总体情况说明");
        Para($"{YearWord}收、支总计均为{Amount(_f.GrandIncome)}" + Change(_f.GrandIncome, pr?.Total, "total", "收支总计") + "。");
        var incomeParts = new List<(string, decimal)>
        {
            ("财政拨款收入", _f.FiscalIncome), ("上级补助收入", _f.Income[FundSource.Superior]),
            ("事业收入", _f.Income[FundSource.Business] + _f.Income[FundSource.SpecialAccount]), ("经营收入", _f.Income[FundSource.Operating]),
            ("附属单位上缴收入", _f.Income[FundSource.Subordinate]), ("其他收入", _f.Income[FundSource.Other]),
        };
        Para($"1.收入情况。{YearWord}本年收入合计{Amount(_f.IncomeTotal)}" + Change(_f.IncomeTotal, pr?.Income, "income", "本年收入合计")
             + (_f.IncomeTotal > 0 ? "。其中：" + Parts(incomeParts) : "") + "。");
        var spendParts = new List<(string, decimal)>
        {
            ("基本支出", _f.Basic), ("项目支出", _f.Project), ("上缴上级支出", _f.Data.Expenditure.Sum(l => l.RemitToSuperior)),
            ("经营支出", _f.Data.Expenditure.Sum(l => l.OperatingExpenditure)), ("对附属单位补助支出", _f.Data.Expenditure.Sum(l => l.SubsidyToSubordinate)),
        };
        Para($"2.支出情况。{YearWord}本年支出合计{Amount(_f.SpendTotal)}" + Change(_f.SpendTotal, pr?.Expenditure, "expenditure", "本年支出合计")
             + (_f.SpendTotal > 0 ? "。其中：" + Parts(spendParts) : "") + "。");
        Para(_f.CarryOutAll == 0 ? $"3.结转结余情况。{YearWord}年末无结转和结余。" : $"3.结转结余情况。{YearWord}年末结转和结余{Amount(_f.CarryOutAll)}。");

        Section(1, "财政拨款收入支出决算总体情况说明");
        Para($"{YearWord}财政拨款收、支总计均为{Amount(_f.FiscalGrand)}" + Change(_f.FiscalGrand, pr?.Fiscal, "fiscal", "财政拨款收支总计") + "。");

        Section(2, "一般公共预算财政拨款收支决算情况说明");
        var g = _f.GeneralSpend;
        var initial = ItemFacts.InitialByClass(_d);
        decimal? initialTotal = initial is null ? null : initial.Values.Sum();
        var gText = $"{YearWord}一般公共预算财政拨款支出{Amount(g)}，占本年支出合计的{Money.Pct(Money.Percent(g, _f.SpendTotal) ?? 0)}%" + Change(g, pr?.General, "general", "一般公共预算财政拨款支出");
        if (initialTotal is decimal it)
        {
            gText += Change(g, it, "general.budget", "一般公共预算财政拨款支出", "较年初预算数");
            if (it != 0) gText += $"，完成年初预算的{Money.Pct(Money.Percent(g, it)!.Value)}%";
        }
        Para(gText + "。");
        var classes = _f.Classes(FundSource.General);
        if (classes.Count > 0)
        {
            Para("一般公共预算财政拨款支出按功能分类的主要用途如下：");
            var amounts = classes.Select(c => _f.ClassSpend(c, FundSource.General)).ToList();
            var shares = Money.Shares(amounts);
            for (int k = 0; k < classes.Count; k++)
            {
                var c = classes[k];
                var s = $"({k + 1}){_f.ClassName(c)}（类）{Amount(amounts[k])}，占{Money.Pct(shares[k])}%";
                if (initial is not null) s += Change(amounts[k], initial.GetValueOrDefault(c), $"class:{c}", _f.ClassName(c), "较年初预算数");
                if (pr?.Classes.TryGetValue(c, out var pc) == true) s += Change(amounts[k], pc, $"class:{c}.prior", _f.ClassName(c));
                Para(s + "。");
            }
        }
        ItemExecution();

        Section(3, "一般公共预算财政拨款基本支出情况说明");
        BasicSpending();

        Section(4, "政府性基金预算收支决算情况说明");
        Para(_f.Spend[FundSource.GovFund] == 0 && _f.Income[FundSource.GovFund] == 0
            ? $"{Subject}{YearWord}无政府性基金预算财政拨款收入和支出。"
            : $"{YearWord}政府性基金预算财政拨款收入{Amount(_f.Income[FundSource.GovFund])}，支出{Amount(_f.Spend[FundSource.GovFund])}。");
        Section(5, "国有资本经营预算财政拨款支出情况");
        Para(_f.Spend[FundSource.StateCapital] == 0
            ? $"{Subject}{YearWord}无国有资本经营预算财政拨款支出。"
            : $"{YearWord}国有资本经营预算财政拨款支出{Amount(_f.Spend[FundSource.StateCapital])}。");

        Part("财政拨款“三公”经费情况说明");
        ThreePublicFinal();

        Part("其他需要说明的事项");
        int i = 0;
        Section(i++, "财政拨款会议费、培训费和差旅费情况说明");
        MeetingTrainingTravel();
        Section(i++, "机关运行经费情况说明");
        OperatingCosts();
        Section(i++, "国有资产占用情况说明");
        AssetsText();
        Section(i++, "政府采购支出情况说明");
        ProcurementText();

        Part($"{Y}年度绩效情况说明");
        PerformanceText();
    }

    private void BasicSpending()
    {
        var pr = _d.Prior;
        var basic = _f.GeneralBasic;
        Para($"{YearWord}一般公共预算{(_f.Final ? "财政拨款" : "")}基本支出{Amount(basic)}" + Change(basic, pr?.Basic, "basic", "基本支出") + "。");
        if (basic == 0) return;
        var shares = Money.Shares([_f.Personnel, _f.Public]);
        string Items(bool personnel) => string.Join("、", _d.Economic.Where(e => e.Amount != 0 && CompileCatalog.IsPersonnel(e.Code) == personnel)
            .OrderBy(e => e.Code, StringComparer.Ordinal).Select(e => _f.EconName(e.Code)));
        var pi = Items(true);
        var pu = Items(false);
        // what the money is for in a sentence of its own: after a reason (主要原因是…) a second 主要… clause reads as part of it
        Para($"其中：人员经费{Amount(_f.Personnel)}，占{Money.Pct(shares[0])}%" + Change(_f.Personnel, pr?.Personnel, "personnel", "人员经费")
             + "。" + (pi.Length > 0 ? $"人员经费主要包括{pi}。" : ""));
        Para($"公用经费{Amount(_f.Public)}，占{Money.Pct(shares[1])}%" + Change(_f.Public, pr?.Public, "public", "公用经费")
             + "。" + (pu.Length > 0 ? $"公用经费主要包括{pu}。" : ""));
    }

    private static readonly (string Key, string Name, Func<ThreePublicItems, decimal> Get)[] ThreePublicItemsList =
    [
        ("abroad", "因公出国（境）费", x => x.Abroad),
        ("vehiclePurchase", "公务用车购置费", x => x.VehiclePurchase),
        ("vehicleOperation", "公务用车运行维护费", x => x.VehicleOperation),
        ("reception", "公务接待费", x => x.Reception),
    ];

    private void ThreePublicFinal()
    {
        var tp = _d.ThreePublic;
        var cur = tp.Current;
        Section(0, "“三公”经费支出总体情况说明");
        var s = $"{YearWord}“三公”经费财政拨款支出共计{Amount(cur.Total)}";
        if (tp.InitialBudget is { } ib)
        {
            s += Change(cur.Total, ib.Total, "threePublic.budget", "“三公”经费", "较年初预算数");
            if (ib.Total != 0) s += $"，完成年初预算的{Money.Pct(Money.Percent(cur.Total, ib.Total)!.Value)}%";
        }
        s += Change(cur.Total, tp.Prior?.Total, "threePublic", "“三公”经费");
        Para(s + "。");
        Section(1, "“三公”经费分项支出情况");
        foreach (var (key, name, get) in ThreePublicItemsList)
        {
            var v = get(cur);
            var p = $"{name}{Amount(v)}";
            if (tp.Uses.TryGetValue(key, out var use) && !string.IsNullOrWhiteSpace(use)) p += $"，主要用于{use.Trim().TrimEnd('。')}";
            if (tp.InitialBudget is { } b) p += Change(v, get(b), $"threePublic.{key}.budget", name, "较年初预算数");
            if (tp.Prior is { } pr) p += Change(v, get(pr), $"threePublic.{key}", name);
            Para(p + "。");
        }
        Section(2, "“三公”经费实物量情况");
        var st = tp.Stats;
        var parts = new List<string>
        {
            $"{YearWord}{Subject}因公出国（境）团组{st.AbroadGroups}个、{st.AbroadPersons}人次",
            $"公务用车购置{st.VehiclesPurchased}辆，公务用车保有量{st.VehiclesHeld}辆",
            $"国内公务接待{st.ReceptionBatches}批次{st.ReceptionPersons}人",
        };
        if (st.ReceptionPersons > 0) parts.Add($"人均接待费{Money.Text(Rounding.HalfUp(cur.Reception * 10000m / st.ReceptionPersons, 2))}元");
        if (st.VehiclesHeld > 0) parts.Add($"车均运行维护费{Amount(Rounding.HalfUp(cur.VehicleOperation / st.VehiclesHeld, 2))}");
        Para(string.Join("；", parts) + "。");
    }

    private void MeetingTrainingTravel()
    {
        var items = new[] { ("meeting", "会议费", _d.Meeting), ("training", "培训费", _d.Training), ("travel", "差旅费", _d.Travel) };
        var text = string.Concat(items.Where(x => x.Item3 is not null).Select(x =>
            $"{YearWord}{x.Item2}支出{Amount(x.Item3!.Amount)}" + Change(x.Item3.Amount, x.Item3.Prior, x.Item1, x.Item2) + "。"));
        Para(text.Length > 0 ? text : $"{Subject}{YearWord}无会议费、培训费和差旅费支出。");
    }

    private void OperatingCosts()
    {
        var oc = _d.OperatingCosts;
        if (oc is null)
        {
            Para($"{Subject}{YearWord}无机关运行经费{(_f.Final ? "支出" : "预算")}。");
            return;
        }
        var s = $"{YearWord}{Subject}机关运行经费{(_f.Final ? "支出" : "预算")}{Amount(oc.Amount)}" + Change(oc.Amount, oc.Prior, "operatingCosts", "机关运行经费");
        if (!string.IsNullOrWhiteSpace(oc.Use)) s += $"。机关运行经费主要用于{oc.Use.Trim().TrimEnd('。')}";
        Para(s + "。");
    }

    private void AssetsText()
    {
        var a = _d.Assets;
        if (a is null)
        {
            Para($"{Subject}没有需要说明的车辆和大型设备。");
            return;
        }
        var asOf = a.AsOf ?? (_f.Final ? $"{Y}年12月31日" : $"{Y - 1}年12月31日");
        var n = a.Vehicles.Values.Sum();
        var s = n == 0 ? $"截至{asOf}，{Subject}没有车辆" : $"截至{asOf}，{Subject}共有车辆{n}辆";
        var types = a.Vehicles.Where(kv => kv.Value > 0)
            .OrderBy(kv => Array.IndexOf(Template.TemplateWorkbook.VehicleTypes, kv.Key) is int i and >= 0 ? i : int.MaxValue).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}{kv.Value}辆").ToList();
        if (types.Count > 0) s += "，其中：" + string.Join("、", types);
        s += $"；单价{a.EquipmentThreshold}万元（含）以上设备{a.Equipment}台（套）。";
        Para(s);
        if (a.HasHoldings) // the 固定资产占用情况表 figures (Hebei)
        {
            var parts = new[] { ("房屋", a.BuildingValue), ("车辆", a.VehicleValue), ("设备", a.EquipmentValue), ("其他固定资产", a.OtherValue) }.Where(x => x.Item2 != 0).ToList();
            Para($"固定资产价值合计{Amount(a.TotalValue)}" + (parts.Count > 1 ? "，其中：" + string.Join("，", parts.Select(x => x.Item1 + Amount(x.Item2))) : "") + "。"
                 + (a.BuildingArea > 0 ? $"房屋面积{Money.Text(a.BuildingArea)}平方米。" : ""));
        }
    }

    private void ProcurementText()
    {
        var p = _d.Procurement;
        if (p is null || p.Total == 0)
        {
            Para($"{Subject}{YearWord}无政府采购{(_f.Final ? "支出" : "预算")}。");
            return;
        }
        var parts = new List<string>();
        if (p.Goods != 0) parts.Add($"政府采购货物{(_f.Final ? "支出" : "预算")}{Amount(p.Goods)}");
        if (p.Works != 0) parts.Add($"政府采购工程{(_f.Final ? "支出" : "预算")}{Amount(p.Works)}");
        if (p.Services != 0) parts.Add($"政府采购服务{(_f.Final ? "支出" : "预算")}{Amount(p.Services)}");
        string s;
        if (_f.Final)
        {
            s = $"{YearWord}{Subject}政府采购支出总额{Amount(p.Total)}，其中：{string.Join("、", parts)}。";
            s += $"授予中小企业合同金额{Amount(p.Sme)}，占政府采购支出总额的{Money.Pct(Money.Percent(p.Sme, p.Total)!.Value)}%";
            s += $"。授予小微企业合同金额{Amount(p.SmallMicro)}，占政府采购支出总额的{Money.Pct(Money.Percent(p.SmallMicro, p.Total)!.Value)}%。";
        }
        else
        {
            s = $"{YearWord}{Subject}政府采购预算{Amount(p.Total)}，其中：{string.Join("、", parts)}。";
            s += $"面向中小企业预留采购份额{Amount(p.Sme)}，占政府采购预算的{Money.Pct(Money.Percent(p.Sme, p.Total)!.Value)}%";
            s += p.SmallMicro > 0 ? $"。面向小微企业预留采购份额{Amount(p.SmallMicro)}，占政府采购预算的{Money.Pct(Money.Percent(p.SmallMicro, p.Total)!.Value)}%。" : "。";
        }
        if (!string.IsNullOrWhiteSpace(p.Use)) s += $"采购主要用于{p.Use.Trim().TrimEnd('。')}。";
        Para(s);
    }

    private void PerformanceText()
    {
        var projects = _d.Projects;
        var perf = _d.Performance;
        if (_f.Final)
        {
            Section(0, "预算绩效管理工作开展情况");
            var evaluated = projects.Where(p => p.SelfEvaluation is not null).ToList();
            var s = $"{YearWord}{Subject}{(perf?.Overall != false ? "对部门整体支出和" : "对")}{evaluated.Count}个项目开展了绩效自评，涉及资金{Amount(evaluated.Sum(p => p.Amount))}";
            if (evaluated.Count > 0)
                s += $"，项目自评平均得分{Money.Text(Rounding.HalfUp(evaluated.Average(p => p.SelfEvaluation!.Score), 2))}分";
            Para(s + "。");
            if (!string.IsNullOrWhiteSpace(perf?.Work)) Para(perf.Work.Trim());
            Section(1, "绩效自评结果");
            OverallSelfEvaluationText();
            Para(evaluated.Count > 0 ? "项目绩效自评结果见本文所附的项目绩效自评表。" : $"{Subject}{YearWord}没有开展项目绩效自评的项目。");
        }
        else
        {
            var s = $"{YearWord}{Subject}实行绩效目标管理的项目{projects.Count}个，涉及项目支出预算{Amount(projects.Sum(p => p.Amount))}";
            if (perf?.Overall != false) s += "，部门整体支出绩效目标同时编制";
            Para(s + "。");
            OverallTargetText();
        }
    }

    // ───────────── 预算 ─────────────

    private void Budget()
    {
        var pr = _d.Prior;
        Part("收支预算总体情况");
        Para($"{YearWord}收支总预算{Amount(_f.GrandIncome)}" + Change(_f.GrandIncome, pr?.Total, "total", "收支总预算") + "。");
        Part("收入预算情况");
        var incomeParts = new List<(string, decimal)>
        {
            ("一般公共预算拨款收入", _f.Income[FundSource.General]), ("政府性基金预算拨款收入", _f.Income[FundSource.GovFund]),
            ("国有资本经营预算拨款收入", _f.Income[FundSource.StateCapital]), ("财政专户管理资金收入", _f.Income[FundSource.SpecialAccount]),
            ("事业收入", _f.Income[FundSource.Business]), ("事业单位经营收入", _f.Income[FundSource.Operating]),
            ("上级补助收入", _f.Income[FundSource.Superior]), ("附属单位上缴收入", _f.Income[FundSource.Subordinate]), ("其他收入", _f.Income[FundSource.Other]),
        };
        // a region whose 收支总表 counts the fiscal carry-over in the income line of its fund (重庆 2026 表一) states the
        // income the same way, and says so
        var fiscalCarry = _f.CarryInFiscal;
        if (fiscalCarry > 0 && Gongkai.Catalogs.RegionTemplates.Find(_d.Profile, "budget", _d.Year)?.Table(nameof(TableKind.BudgetSummary))?.IncomeWithCarry == true)
        {
            var withCarry = new List<(string, decimal)>
            {
                ("一般公共预算拨款收入", _f.Income[FundSource.General] + _d.Carry.CarryInGeneral), ("政府性基金预算拨款收入", _f.Income[FundSource.GovFund] + _d.Carry.CarryInGovFund),
                ("国有资本经营预算拨款收入", _f.Income[FundSource.StateCapital] + _d.Carry.CarryInStateCapital),
            };
            withCarry.AddRange(incomeParts.Skip(3));
            var all = _f.IncomeTotal + fiscalCarry;
            Para($"{YearWord}收入预算{Amount(all)}" + Change(all, pr?.Income, "income", "收入预算") + "。其中：" + Parts(withCarry) + "。"
                 + $"财政拨款上年结转资金{Amount(fiscalCarry)}已按资金性质计入上述收入。"
                 + (_d.Carry.CarryInNonFiscal > 0 ? $"另有其他资金上年结转{Amount(_d.Carry.CarryInNonFiscal)}。" : ""));
        }
        else
            Para($"{YearWord}本年收入预算{Amount(_f.IncomeTotal)}" + Change(_f.IncomeTotal, pr?.Income, "income", "收入预算")
                 + (_f.IncomeTotal > 0 ? "。其中：" + Parts(incomeParts) : "") + "。"
                 + (_f.CarryInAll > 0 ? $"上年结转{Amount(_f.CarryInAll)}。" : ""));
        Part("支出预算情况");
        Para($"{YearWord}本年支出预算{Amount(_f.SpendTotal)}" + Change(_f.SpendTotal, pr?.Expenditure, "expenditure", "支出预算")
             + (_f.SpendTotal > 0 ? "。其中：" + Parts([("基本支出", _f.Basic), ("项目支出", _f.Project), ("上缴上级支出", _d.Expenditure.Sum(l => l.RemitToSuperior)),
                 ("事业单位经营支出", _d.Expenditure.Sum(l => l.OperatingExpenditure)), ("对附属单位补助支出", _d.Expenditure.Sum(l => l.SubsidyToSubordinate)),
                 ("单位预留机动经费", _d.Expenditure.Sum(l => l.Reserve))]) : "") + "。");
        Part("财政拨款收支预算总体情况");
        var funds = new List<(string, decimal)>
        {
            ("一般公共预算拨款支出", _f.Spend[FundSource.General]), ("政府性基金预算拨款支出", _f.Spend[FundSource.GovFund]),
            ("国有资本经营预算拨款支出", _f.Spend[FundSource.StateCapital]),
        };
        Para($"{YearWord}财政拨款收支总预算{Amount(_f.FiscalGrand)}" + Change(_f.FiscalGrand, pr?.Fiscal, "fiscal", "财政拨款收支总预算") + "。"
             + (_f.FiscalSpend > 0 ? "财政拨款支出中，" + Parts(funds) + "。" : ""));
        Part("一般公共预算支出预算情况");
        var g = _f.GeneralSpend;
        Para($"{YearWord}一般公共预算拨款支出{Amount(g)}" + Change(g, pr?.General, "general", "一般公共预算拨款支出") + "。");
        var classes = _f.Classes(FundSource.General);
        if (classes.Count > 0)
        {
            var amounts = classes.Select(c => _f.ClassSpend(c, FundSource.General)).ToList();
            var shares = Money.Shares(amounts);
            Para("按支出功能分类，主要用于：" + string.Join("；", classes.Select((c, k) =>
                $"{_f.ClassName(c)}{Amount(amounts[k])}，占{Money.Pct(shares[k])}%" + (pr?.Classes.TryGetValue(c, out var pc) == true ? Change(amounts[k], pc, $"class:{c}", _f.ClassName(c)) : ""))) + "。");
            var all = _f.Lines(FundSource.General).GroupBy(l => l.Code).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
            // a 项 with no money is not spending: it is left out of the list, and the data is questioned
            foreach (var z in all.Where(x => x.Sum(l => l.Basic + l.Project + l.Reserve) == 0))
                _issues.Add(new(IssueSeverity.Warning, $"expenditure[{z.Key}]", $"{_f.NameOf(z.Key)}（{z.Key}）的一般公共预算拨款为0，不作为支出列示；如无此项请从数据中删除。"));
            var items = all.Where(x => x.Sum(l => l.Basic + l.Project + l.Reserve) != 0).ToList();
            Para("具体安排情况：" + string.Join("；", items.Select(x =>
            {
                var use = x.Select(l => l.Use).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
                return $"{_f.NameOf(x.Key)}（{x.Key}）{Amount(x.Sum(l => l.Basic + l.Project + l.Reserve))}" + (use is null ? "" : $"，主要用于{use.Trim().TrimEnd('。')}");
            })) + "。");
        }
        Part("一般公共预算基本支出预算情况");
        BasicSpending();
        Part("政府性基金预算和国有资本经营预算支出预算情况");
        Para(_f.Spend[FundSource.GovFund] == 0 ? $"{Subject}{YearWord}无政府性基金预算拨款安排的支出。" : $"{YearWord}政府性基金预算拨款支出{Amount(_f.Spend[FundSource.GovFund])}。");
        Para(_f.Spend[FundSource.StateCapital] == 0 ? $"{Subject}{YearWord}无国有资本经营预算拨款安排的支出。" : $"{YearWord}国有资本经营预算拨款支出{Amount(_f.Spend[FundSource.StateCapital])}。");
        Part("“三公”经费预算情况");
        var tp = _d.ThreePublic;
        Para($"{YearWord}一般公共预算“三公”经费预算{Amount(tp.Current.Total)}" + Change(tp.Current.Total, tp.Prior?.Total, "threePublic", "“三公”经费预算") + "。"
             + (_d.Unit.Units.Count > 0 ? $"“三公”经费预算的统计范围为纳入{Subject}{YearWord}预算编制范围的{_d.Unit.Units.Count}个单位：{string.Join("、", _d.Unit.Units.Select(x => x.Name))}。" : ""));
        Para("其中：" + string.Join("；", ThreePublicItemsList.Select(x =>
            $"{x.Name}{Amount(x.Get(tp.Current))}" + (tp.Prior is { } p ? Change(x.Get(tp.Current), x.Get(p), $"threePublic.{x.Key}", x.Name) : "")
            + (tp.Uses.TryGetValue(x.Key, out var use) && !string.IsNullOrWhiteSpace(use) ? $"，主要用于{use.Trim().TrimEnd('。')}" : ""))) + "。");
        Part("其他重要事项的情况说明");
        int i = 0;
        Section(i++, "机关运行经费");
        OperatingCosts();
        if (_d.Meeting is not null || _d.Training is not null || _d.Travel is not null)
        {
            Section(i++, "会议费、培训费和差旅费");
            MeetingTrainingTravel();
        }
        Section(i++, "政府采购情况");
        ProcurementText();
        if (_d.PurchasedServices is { Count: > 0 })
        {
            Section(i++, "政府购买服务情况");
            PurchasedServicesText();
        }
        Section(i++, "国有资产占用情况");
        AssetsText();
        Section(i++, "预算绩效目标设置情况");
        PerformanceText();
    }

    // ───────────── 名词解释 ─────────────

    private void Glossary()
    {
        Part("名词解释");
        int k = 1;
        foreach (var (term, text) in Compile.Glossary.Printed(_d))
            Para($"{k++}.{term}：{text}");
    }
}
