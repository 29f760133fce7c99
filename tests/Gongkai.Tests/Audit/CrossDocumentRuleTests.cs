using Gongkai.Audit;
using Gongkai.Audit.Rules.CrossDocument;
using Gongkai.Model;

namespace Gongkai.Tests.Audit;

/// <summary>
/// The cross-document rules (GK801–GK804) on small built documents: the figures as the store's fact table holds them.
/// The store runs them on real imported documents (tests/Gongkai.Store.Tests/CrossDocumentStoreTests).
/// </summary>
public sealed class CrossDocumentRuleTests
{
    private static StoredDocument Doc(DocumentKind kind, int year, params StoredFigure[] figures) =>
        new() { Kind = kind, Year = year, File = $"{year}{(kind == DocumentKind.Budget ? "预算" : "决算")}.pdf", Figures = figures };

    private static List<Finding> Run<T>(StoredDocument doc, params StoredDocument[] others) where T : CrossDocumentRule, new() =>
        new T().CheckAcross(new CrossDocumentContext { Document = doc, Others = others }).ToList();

    private static StoredFigure F(string table, string code, string measure, decimal value, string label = "卫生健康支出") =>
        new(table, "Function:" + code, code, label, measure, value, Page: 5, Line: 10);

    private static StoredFigure N(string subject, string measure, decimal value) => new("Narrative", "N:" + subject, null, subject, measure, value, Page: 2);

    [Fact]
    public void GK801_fires_when_the_final_accounts_initial_budget_differs_from_the_published_budget()
    {
        var budget = Doc(DocumentKind.Budget, 2024, F("BudgetGeneralExpenditure", "210", "Total", 2958.10m), F("BudgetGeneralExpenditure", "208", "Total", 145.00m, "社会保障和就业支出"));
        var final = Doc(DocumentKind.FinalAccount, 2024,
            F("FinalGeneralExpenditure", "210", "InitialBudget", 2985.10m), F("FinalGeneralExpenditure", "210", "Actual", 3427.64m),
            F("FinalGeneralExpenditure", "208", "InitialBudget", 145.00m, "社会保障和就业支出"));
        var f = Assert.Single(Run<FinalInitialBudgetMatchesPublishedBudget>(final, budget));
        Assert.Equal(("GK801", Severity.Warning, 2958.10m, 2985.10m), (f.RuleId, f.Severity, f.Expected!.Value, f.Found!.Value));
        Assert.Contains("210 卫生健康支出", f.Message);
        Assert.Equal(["2024决算.pdf", "2024预算.pdf"], f.Locations.Select(l => l.File).ToArray());
    }

    [Fact]
    public void GK801_is_silent_when_they_agree_or_when_no_budget_is_stored()
    {
        var budget = Doc(DocumentKind.Budget, 2024, F("BudgetGeneralExpenditure", "210", "Total", 2958.10m));
        var final = Doc(DocumentKind.FinalAccount, 2024, F("FinalGeneralExpenditure", "210", "InitialBudget", 2958.10m));
        Assert.Empty(Run<FinalInitialBudgetMatchesPublishedBudget>(final, budget));
        Assert.Empty(Run<FinalInitialBudgetMatchesPublishedBudget>(final));
        // last year's budget is not this year's
        Assert.Empty(Run<FinalInitialBudgetMatchesPublishedBudget>(final, Doc(DocumentKind.Budget, 2023, F("BudgetGeneralExpenditure", "210", "Total", 1m))));
    }

    [Fact]
    public void GK802_fires_when_the_prior_year_column_differs_from_last_years_document()
    {
        var last = Doc(DocumentKind.Budget, 2024, F("BudgetExpenditure", "210", "Total", 3191.86m));
        var doc = Doc(DocumentKind.Budget, 2025, F("BudgetExpenditure", "210", "PriorYear", 3191.68m), F("BudgetExpenditure", "210", "Total", 3215.90m));
        var f = Assert.Single(Run<PriorYearColumnMatchesLastYearsDocument>(doc, last));
        Assert.Equal(("GK802", 3191.86m, 3191.68m), (f.RuleId, f.Expected!.Value, f.Found!.Value));
        // the same figure: silent; a 决算 is not compared with a 预算
        var same = Doc(DocumentKind.Budget, 2025, F("BudgetExpenditure", "210", "PriorYear", 3191.86m));
        Assert.Empty(Run<PriorYearColumnMatchesLastYearsDocument>(same, last));
        Assert.Empty(Run<PriorYearColumnMatchesLastYearsDocument>(doc, Doc(DocumentKind.FinalAccount, 2024, F("FinalExpenditure", "210", "Actual", 1m))));
    }

    [Fact]
    public void GK803_checks_the_stated_change_against_last_years_document()
    {
        var last = Doc(DocumentKind.Budget, 2024, N("“三公”经费", "Amount", 5.10m));
        var right = Doc(DocumentKind.Budget, 2025, N("“三公”经费", "Amount", 4.80m), N("“三公”经费", "Change", -0.30m));
        Assert.Empty(Run<NarrativeChangeMatchesLastYearsDocument>(right, last));
        var wrong = Doc(DocumentKind.Budget, 2025, N("“三公”经费", "Amount", 4.80m), N("“三公”经费", "Change", -0.50m));
        var f = Assert.Single(Run<NarrativeChangeMatchesLastYearsDocument>(wrong, last));
        Assert.Equal(("GK803", Severity.Warning, -0.30m, -0.50m), (f.RuleId, f.Severity, f.Expected!.Value, f.Found!.Value));
        // only a percentage: checked against last year's base; a stated base amount is checked too
        var pct = Doc(DocumentKind.Budget, 2025, N("“三公”经费", "Amount", 4.80m), N("“三公”经费", "ChangePercent", -8.93m));
        Assert.Equal(-5.88m, Assert.Single(Run<NarrativeChangeMatchesLastYearsDocument>(pct, last)).Expected);
        var baseAmount = Doc(DocumentKind.Budget, 2025, N("“三公”经费", "Amount", 4.80m), N("“三公”经费", "PriorYear", 4.90m));
        Assert.Single(Run<NarrativeChangeMatchesLastYearsDocument>(baseAmount, last));
        // a subject last year's document does not state: nothing to compare with
        Assert.Empty(Run<NarrativeChangeMatchesLastYearsDocument>(wrong, Doc(DocumentKind.Budget, 2024, N("公务接待费", "Amount", 1.5m))));
    }

    [Fact]
    public void GK803_allows_a_change_printed_in_whole_wan_yuan()
    {
        var last = Doc(DocumentKind.Budget, 2021, N("项目支出", "Amount", 7205.35m));
        var doc = Doc(DocumentKind.Budget, 2022, N("项目支出", "Amount", 6387.35m), N("项目支出", "Change", -818m));
        Assert.Empty(Run<NarrativeChangeMatchesLastYearsDocument>(doc, last));
    }

    [Fact]
    public void GK804_asks_for_the_reason_of_a_large_deviation_and_is_silent_when_given()
    {
        var budget = Doc(DocumentKind.Budget, 2024,
            new StoredFigure("BudgetExpenditure", "L:Total", null, "合计", "Total", 3500m), F("BudgetExpenditure", "210", "Total", 2958.10m),
            F("BudgetExpenditure", "208", "Total", 140m, "社会保障和就业支出"));
        StoredFigure[] final =
        [
            new("FinalExpenditure", "L:Total", null, "合计", "Total", 3572.68m), F("FinalExpenditure", "210", "Total", 3427.64m),
            F("FinalExpenditure", "208", "Total", 145.04m, "社会保障和就业支出"),
        ];
        var f = Assert.Single(Run<LargeDeviationFromBudgetIsExplained>(Doc(DocumentKind.FinalAccount, 2024, final), budget));
        Assert.Equal(("GK804", Severity.Info), (f.RuleId, f.Severity));
        Assert.Contains("执行率 115.87%", f.Message);
        // the 决算 explains 卫生健康支出 against the budget: silent
        var explained = Doc(DocumentKind.FinalAccount, 2024, [.. final, N("卫生健康支出", "VsBudget", 1m)]);
        Assert.Empty(Run<LargeDeviationFromBudgetIsExplained>(explained, budget));
        // a comparison without a reason does not count
        var unexplained = Doc(DocumentKind.FinalAccount, 2024, [.. final, N("卫生健康支出", "VsBudget", 0m)]);
        Assert.Single(Run<LargeDeviationFromBudgetIsExplained>(unexplained, budget));
    }

    [Fact]
    public void Cross_document_rules_do_not_run_on_a_single_document_check()
    {
        Assert.All(RuleRegistry.Default.Rules.OfType<CrossDocumentRule>(), r => Assert.Equal(RuleCategory.CrossDocument, r.Descriptor.Category));
        Assert.Equal(["GK801", "GK802", "GK803", "GK804"], RuleRegistry.Default.Rules.OfType<CrossDocumentRule>().Select(r => r.Id).ToArray());
        Assert.Equal(2, CrossDocumentRule.ScaleOf(7163.370m));
        Assert.Equal(0, CrossDocumentRule.ScaleOf(818m));
    }
}
