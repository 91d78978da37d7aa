using Pursearch.Indexer.Crawling.Extraction;

namespace Pursearch.Indexer.Tests.Crawling;

public class PriceParserTests
{
    [Theory]
    [InlineData("$1,290.00", null, "1290.00", "USD")]
    [InlineData("1.290,00 €", null, "1290.00", "EUR")]
    [InlineData("GBP 75", null, "75", "GBP")]
    [InlineData("£75", null, "75", "GBP")]
    [InlineData("1 290,00 EUR", null, "1290.00", "EUR")]
    [InlineData("1\u00A0290,00\u00A0€", null, "1290.00", "EUR")]
    [InlineData("1\u202F290,50 €", null, "1290.50", "EUR")]
    [InlineData("€1.290", null, "1290", "EUR")]
    [InlineData("€ 0,99", null, "0.99", "EUR")]
    [InlineData("12,99 €", null, "12.99", "EUR")]
    [InlineData("$12.99", null, "12.99", "USD")]
    [InlineData("USD 1,290", null, "1290", "USD")]
    [InlineData("75.00GBP", null, "75.00", "GBP")]
    [InlineData("1.234.567,89 €", null, "1234567.89", "EUR")]
    [InlineData("$1,234,567.89", null, "1234567.89", "USD")]
    [InlineData("CHF 1'290.50", null, "1290.50", "CHF")]
    [InlineData("¥129,000", null, "129000", "JPY")]
    [InlineData("₹1,29,000", null, "129000", "INR")]
    [InlineData("CA$1,290.00", null, "1290.00", "CAD")]
    [InlineData("From $1,290 to $1,500", null, "1290", "USD")]
    [InlineData("Now only 990 kr", "SEK", "990", "SEK")]
    [InlineData("$1,290.00", "CAD", "1290.00", "CAD")]
    [InlineData("1290", "eur", "1290", "EUR")]
    [InlineData("0.125", "USD", "0.125", "USD")]
    [InlineData("1,290", "KWD", "1.290", "KWD")]
    [InlineData("ALL BAGS NOW $75", null, "75", "USD")]
    public void Reads_prices_as_shops_write_them(string text, string? hint, string amount, string currency)
    {
        Assert.True(PriceParser.TryParse(text, hint, out var money), text);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(currency, money.Currency.Code);
    }

    [Theory]
    [InlineData("1290.00", "1290.00")]
    [InlineData("1290", "1290")]
    [InlineData("1.290", "1.29")]
    [InlineData("1,290.00", "1290.00")]
    [InlineData("1290.125", "1290.125")]
    public void Structured_prices_use_a_decimal_point(string text, string amount)
    {
        Assert.True(PriceParser.TryParse(text, "EUR", out var money, PriceNotation.Structured));
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
    }

    [Theory]
    [InlineData("", null, "no price")]
    [InlineData("Price on request", "USD", "unreadable price")]
    [InlineData("1290", null, "no currency")]
    [InlineData("1.2.3,4,5 €", null, "unreadable price")]
    public void Failures_say_why(string text, string? hint, string reason)
    {
        Assert.False(PriceParser.TryParse(text, hint, out _));
        Assert.StartsWith(reason, PriceParser.Diagnose(text, hint));
    }
}
