using Gongkai.Model;
using Gongkai.Recognition.Narrative;

namespace Gongkai.Tests.Narrative;

/// <summary>Completion and relation claims take the actual and the budget figure stated in their own clause list.</summary>
public class BudgetExecutionClaimTests
{
    private static List<Claim> X(string text) => ClaimExtractor.Extract(new Sentence(text, new Provenance("t.txt", 1, Text: text), "")).ToList();

    [Fact]
    public void Completion_rate_carries_the_stated_budget_and_actual()
    {
        // the wording of the Shanghai 2024 决算 sample (普陀区财政局, p. 21)
        var c = Assert.Single(X("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%"), x => x.Kind == ClaimKind.Completion);
        Assert.Equal((2940.05m, 2993.92m, 98.20m, ComparisonBase.InitialBudget), (c.Amount, c.BaseAmount, c.CompletionPercent, c.Base));
        // actual first, budget after it, 调整预算 as the base of the second rate
        var two = X("1.住房公积金（项）（2210201）支出决算52.98万元，年初预算49.41万元，调整预算52.98万元，完成年初预算的107.23%，完成调整预算的100.00%")
            .Where(x => x.Kind == ClaimKind.Completion).ToList();
        Assert.Equal(new (decimal?, decimal?)[] { (52.98m, 49.41m), (52.98m, 52.98m) }, two.Select(x => (x.Amount, x.BaseAmount)));
        Assert.Contains("2210201", two[0].Subject);
    }

    [Fact]
    public void Items_after_qi_zhong_do_not_borrow_the_budget_of_the_total()
    {
        var claims = X("“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%，其中：因公出国（境）费决算为0.00万元，完成预算的0%")
            .Where(x => x.Kind == ClaimKind.Completion).ToList();
        Assert.Equal(2, claims.Count);
        Assert.Equal(0.95m, claims[0].BaseAmount);
        Assert.Null(claims[1].BaseAmount);
        // no budget figure in the sentence: the rate keeps no base (nothing to recompute)
        Assert.Null(Assert.Single(X("一般公共预算财政拨款支出3925.66万元，完成年初预算的63.30%"), x => x.Kind == ClaimKind.Completion).BaseAmount);
    }

    [Fact]
    public void Relation_word_is_read_with_both_figures()
    {
        var r = Assert.Single(X("支出决算447.78万元，年初预算450.00万元，决算数低于年初预算数，主要原因是人员减少"), x => x.Relation is not null);
        Assert.Equal((ChangeDirection.Decrease, 447.78m, 450.00m, "人员减少"), (r.Relation, r.Amount, r.BaseAmount, r.Reason));
        Assert.DoesNotContain(X("决算数小于预算数的主要原因：个别项目调减"), x => x.Relation is not null);
    }
}
