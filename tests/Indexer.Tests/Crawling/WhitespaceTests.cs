using Pursearch.Indexer.Crawling.Extraction;

namespace Pursearch.Indexer.Tests.Crawling;

public class WhitespaceTests
{
    [Theory]
    [InlineData("  Ardent \t Flap\nBag ", "Ardent Flap Bag")]
    [InlineData("Ardent\u00A0Flap", "Ardent Flap")]
    [InlineData("Ardent  Flap", "Ardent Flap")]
    [InlineData("Ardent \nFlap", "Ardent Flap")]
    [InlineData("\u2003x", "x")]
    [InlineData(" \t\n", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Runs_of_whitespace_become_one_space_and_blank_text_becomes_nothing(string? text, string? expected) =>
        Assert.Equal(expected, Whitespace.Collapse(text));

    [Theory]
    [InlineData("x")]
    [InlineData("Ardent Flap Bag")]
    [InlineData("MA-0042")]
    public void Text_already_collapsed_is_returned_as_it_is(string text) => Assert.Same(text, Whitespace.Collapse(text));
}
