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
        yield return ("财政拨款收入", "指本级财政当年拨付本部门的资金，按来源分为一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。");
        yield return ("事业收入", "指事业单位因开展本单位专业业务及与之相关的辅助活动而取得的收入。");
        if (final) yield return ("经营收入", "指事业单位在本单位专业业务及辅助活动以外，从事不单独核算的经营活动所取得的收入。");
        yield return ("其他收入", "指除上述各项收入以外的各项收入，主要包括银行存款利息收入等。");
        if (final)
        {
            yield return ("年初结转和结余", "指以前年度尚未完成、结转到本年度按有关规定继续使用的资金，以及项目完成后形成的结余资金。");
            yield return ("年末结转和结余", "指本年度或以前年度预算安排、因客观条件变化未能在本年度支出、按有关规定结转到以后年度继续使用的资金，以及项目完成后形成的结余资金。");
        }
        else
        {
            yield return ("上年结转", "指以前年度尚未完成、结转到本年度按有关规定继续使用的资金。");
        }
        yield return ("基本支出", "指为保障机构正常运转、完成日常工作任务而发生的支出，包括人员经费和公用经费。");
        yield return ("人员经费", "指在职人员和离退休人员的工资福利支出以及对个人和家庭的补助支出。");
        yield return ("公用经费", "指为保障机构日常运转而用于办公、印刷、水电、邮电、差旅、会议、培训、维修维护、公务用车运行等方面的商品和服务支出，以及相应的资本性支出。");
        yield return ("项目支出", "指在基本支出之外，为完成特定行政工作任务和事业发展目标而发生的支出。");
        yield return ("“三公”经费", "指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中，因公出国（境）费反映工作人员因公出国（境）发生的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映公务用车购置支出（含车辆购置税）及燃料费、维修费、过路过桥费、保险费等运行维护支出；公务接待费反映按规定开支的各类公务接待支出。");
        yield return ("机关运行经费", "指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款基本支出安排的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。");
        yield return ("支出功能分类科目", "指按照政府主要职能活动对支出进行的分类，分为类、款、项三级，反映政府支出的领域和方向。");
        yield return ("支出经济分类科目", "指按照支出的经济性质和具体用途对支出进行的分类，分为类、款两级，反映政府支出的具体方式。");
    }
}
