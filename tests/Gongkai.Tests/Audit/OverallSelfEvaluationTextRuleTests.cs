using Gongkai.Audit.Rules.Narrative;
using static Gongkai.Tests.Audit.RuleAssert;

namespace Gongkai.Tests.Audit;

/// <summary>GK427: the 部门整体绩效自评 paragraph against the 年度总金额 row of the 整体自评表 (a table in 元).</summary>
public class OverallSelfEvaluationTextRuleTests
{
    private const string Paragraph = "2025年度本部门整体绩效自评得分98.42分。资金方面，全年执行数10811.72万元，全年（调整）预算数12839.64万元，预算执行率84.21%，执行率得分8.42分（权重10.00分）。";

    private static DocBuilder Doc(decimal adjusted, decimal executed, string text = Paragraph) =>
        DocBuilder.Final().SelfEvaluation(true, s => s.Funds(118839900m, adjusted, executed, 84.21m, 10m, 8.42m)).Sentence(text);

    [Fact] public void GK427_the_paragraph_restating_the_table_is_silent() =>
        Silent<OverallSelfEvaluationText>(Doc(128396400m, 108117200m));

    [Fact] public void GK427_an_adjusted_budget_other_than_the_table_fires() =>
        Single<OverallSelfEvaluationText>(Doc(135642800m, 108117200m), expected: 13564.28m, found: 12839.64m);

    [Fact] public void GK427_a_spending_other_than_the_table_fires() =>
        Single<OverallSelfEvaluationText>(Doc(128396400m, 103117200m), expected: 10311.72m, found: 10811.72m);

    [Fact] public void GK427_the_figures_in_the_sentence_after_the_subject_are_read() =>
        Single<OverallSelfEvaluationText>(DocBuilder.Final().SelfEvaluation(true, s => s.Funds(118839900m, 135642800m, 108117200m, 84.21m, 10m, 8.42m))
            .Sentence("2025年度本部门整体绩效自评得分98.42分。").Sentence("资金方面，全年执行数10811.72万元，全年（调整）预算数12839.64万元，预算执行率84.21%。"),
            expected: 13564.28m, found: 12839.64m);

    [Fact] public void GK427_a_sentence_after_a_project_sentence_is_left() =>
        Silent<OverallSelfEvaluationText>(DocBuilder.Final().SelfEvaluation(true, s => s.Funds(118839900m, 135642800m, 108117200m, 84.21m, 10m, 8.42m))
            .Sentence("本部门对整体支出开展了自评，另对项目开展了重点评价。").Sentence("资金方面，全年执行数10811.72万元，全年（调整）预算数12839.64万元。"));

    [Fact] public void GK427_project_paragraphs_and_unit_mistakes_are_left() =>
        Silent<OverallSelfEvaluationText>(Doc(135642800m, 108117200m,
            "本部门整体支出和2个项目开展了绩效自评，项目自评中全年执行数10811.72万元，全年（调整）预算数12839.64万元。") // another subject
            .Sentence("部门整体绩效自评：全年执行数108117200.00万元。")); // 元 digits under 万元: the unit rules' finding
}
