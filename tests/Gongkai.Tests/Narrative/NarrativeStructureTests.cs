using System.Diagnostics;
using Gongkai.Model;
using Gongkai.Reading;
using Gongkai.Recognition.Narrative;
using Gongkai.Tests.Support;

namespace Gongkai.Tests.Narrative;

public class NarrativeStructureTests
{
    [Theory]
    [InlineData("二、收支情况", 1)]
    [InlineData("（三）政府采购", 2)]
    [InlineData("(三) 政府采购", 2)]
    [InlineData("1.收入情况", 3)]
    [InlineData("2、支出情况", 3)]
    [InlineData("(1)住房保障支出", 4)]
    [InlineData("（１）住房保障支出", 4)]
    [InlineData("第二部分 收支情况", 0)]
    public void Numbering_levels(string text, int level) => Assert.Equal(level, NarrativeRecognizer.NumberingLevel(text, out _));

    [Theory]
    [InlineData("1.5万元")]
    [InlineData("2024 年度")]
    [InlineData("其中：")]
    public void Not_numbering(string text) => Assert.Null(NarrativeRecognizer.NumberingLevel(text, out _));

    [Fact]
    public void Seed_003_sections_follow_the_numbering()
    {
        var d = NarrativeSeeds.Load("003");
        var sec = d.Sections.Single(s => s.Source.Line == 35);
        Assert.StartsWith("二、", sec.Heading);
        Assert.Equal(1, sec.Level);
        Assert.Equal(2, d.Sections.Single(s => s.Source.Line == 37).Level);
        // run-in title "1.收入情况。2024 年度…": heading at level 3, the rest its first sentence
        var runIn = d.Sections.Single(s => s.Source.Line == 41);
        Assert.Equal(3, runIn.Level);
        Assert.EndsWith("收入情况", runIn.Heading);
        Assert.StartsWith("2024", runIn.Sentences[0].Text);
        Assert.Equal(41, runIn.Sentences[0].Source.Line);
        Assert.All(d.Sentences, s => Assert.DoesNotMatch("[。；！？]$", s.Text));
    }

    [Fact]
    public void Broken_lines_are_joined_and_keep_the_first_line()
    {
        var d = NarrativeSeeds.Load("003");
        // line 49 ends in 下降, line 51 continues with 43.96%
        var s = d.Sentences.Single(x => x.Source.Line == 49 && x.Text.Contains("下降"));
        Assert.Contains("43.96%", ClaimExtractor.Normalize(s.Text));
        // line 99 is broken inside a word and continues on line 101
        Assert.Contains(d.Sentences, x => x.Source.Line == 99 && x.Text.Contains("一体化"));
        var d0 = NarrativeSeeds.Load("000");
        Assert.Contains(d0.Sentences, x => x.Source.Line == 49 && ClaimExtractor.Normalize(x.Text).Contains("增加8.26万元"));
    }

    [Fact]
    public void Table_units_are_skipped()
    {
        var d = NarrativeSeeds.Load("000");
        Assert.DoesNotContain(d.Sentences, s => s.Text.StartsWith("单位："));
    }

    [Fact]
    public void Sentences_carry_file_line_and_section()
    {
        var d = NarrativeSeeds.Load("004");
        var lines = File.ReadAllLines(Shared.Seed("004"));
        foreach (var s in d.Sentences.Take(200))
        {
            Assert.Equal(d.File, s.Source.File);
            var line = s.Source.Line!.Value;
            var head = s.Text.Length > 4 ? s.Text[..4] : s.Text;
            Assert.Contains(head, lines[line - 1]);
            Assert.Equal(s.Text, s.Source.Text);
        }
    }

}
