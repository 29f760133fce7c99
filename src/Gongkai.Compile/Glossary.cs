namespace Gongkai.Compile;

/// <summary>
/// 名词解释: the default list, in Gongkai's own formal wording. A department may print its own list instead
/// (<see cref="DisclosureData.Glossary"/>; the template workbook is filled with this default for editing).
/// </summary>
public static class Glossary
{
    /// <summary>单位预留机动经费 (Jiangsu 预算 only; listed when the data has it).</summary>
    public static (string Term, string Text) Reserve { get; } =
        ("单位预留机动经费", "指预算编制时具体用途尚未确定、由单位预留用于年度执行中应对临时性、突发性支出的资金，不属于基本支出，也不属于项目支出。");

    /// <summary>The default list for the data: <see cref="Terms"/> of its kind, plus 单位预留机动经费 when the data has such money.</summary>
    public static IEnumerable<(string Term, string Text)> Default(DisclosureData d)
    {
        foreach (var t in Terms(d.IsFinal)) yield return t;
        if (d.Expenditure.Any(l => l.Reserve != 0)) yield return Reserve;
    }

    /// <summary>The list printed for the data: the department's own list when it gives one, else <see cref="Default"/>.</summary>
    public static IEnumerable<(string Term, string Text)> Printed(DisclosureData d) =>
        d.Glossary is { } own ? own.Where(g => !string.IsNullOrWhiteSpace(g.Term)).Select(g => (g.Term.Trim(), g.Text.Trim())) : Default(d);

    public static IEnumerable<(string Term, string Text)> Terms(bool final)
    {
        yield return ("财政拨款收入", "指本级财政在本年度拨给本部门的资金，按资金来源分为一般公共预算、政府性基金预算和国有资本经营预算三部分。");
        yield return ("事业收入", "指事业单位因开展本单位专业业务及与之相关的辅助活动而取得的收入。");
        if (final) yield return ("经营收入", "指事业单位在本单位专业业务及辅助活动以外，从事不单独核算的经营活动所取得的收入。");
        yield return ("其他收入", "指除上述各项收入以外的各项收入，主要包括银行存款利息收入等。");
        if (final)
        {
            yield return ("年初结转和结余", "指上一年度末留存、按规定转入本年度继续使用的资金，既包括尚未完成项目的结转资金，也包括项目完成后剩下的结余资金。");
            yield return ("年末结转和结余", "指本年度末尚未用完、按规定留待以后年度继续使用的资金，既包括因情况变化未能在年内支出的结转资金，也包括项目完成后剩下的结余资金。");
        }
        else
        {
            yield return ("上年结转", "指上一年度未执行完毕、按规定转入本年度继续安排使用的资金。");
        }
        yield return ("基本支出", "指为维持机构正常运转和完成日常工作而安排的支出，由人员经费和公用经费两部分组成。");
        yield return ("人员经费", "指在职人员和离退休人员的工资福利支出以及对个人和家庭的补助支出。");
        yield return ("公用经费", "指为保障机构日常运转而用于办公、印刷、水电、邮电、差旅、会议、培训、维修维护、公务用车运行等方面的商品和服务支出，以及相应的资本性支出。");
        yield return ("项目支出", "指基本支出以外，为完成特定工作任务或实现事业发展目标而安排的支出。");
        yield return ("“三公”经费", "指以财政拨款支付的三项支出：因公出国（境）费，公务用车购置及运行维护费，公务接待费。因公出国（境）费用于工作人员公务出国（境）的交通、住宿、伙食、培训等开支；公务用车购置及运行维护费用于购置公务用车（含购置税）以及车辆的燃料、维修、保险、通行等开支；公务接待费用于按规定标准开展的各类公务接待。");
        yield return ("机关运行经费", "指行政单位和参照公务员法管理的事业单位，用一般公共预算财政拨款基本支出安排的公用经费，用于办公、印刷、邮电、差旅、会议、福利、日常维修、专用材料和一般设备购置、办公用房的水电取暖和物业管理、公务用车运行维护等方面。");
        yield return ("支出功能分类科目", "指按照政府主要职能活动对支出进行的分类，分为类、款、项三级，反映政府支出的领域和方向。");
        yield return ("支出经济分类科目", "指按支出的经济性质和具体用途划分的科目，设类、款两级，说明钱具体怎么花。");
    }
}
