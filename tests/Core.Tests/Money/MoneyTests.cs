using Pursearch.Core;
using Pursearch.Core.Money;

namespace Pursearch.Core.Tests.Money;

public class MoneyTests
{
    [Fact]
    public void Currency_codes_are_upper_cased_and_checked_against_iso_4217()
    {
        Assert.Equal("EUR", new Currency("eur").Code);
        var e = Assert.Throws<DomainException>(() => new Currency("XYZ"));
        Assert.Equal("currency", e.Field);
        Assert.False(Currency.IsKnown("DOLLARS"));
    }

    [Fact]
    public void Negative_amounts_are_refused_naming_the_field()
    {
        var e = Assert.Throws<DomainException>(() => new Core.Money.Money(-0.01m, "USD"));
        Assert.Equal("price", e.Field);
    }

    [Fact]
    public void Unknown_currency_names_the_nested_field()
    {
        var e = Assert.Throws<DomainException>(() => new Core.Money.Money(10m, "ABC"));
        Assert.Equal("price.currency", e.Field);
    }

    [Fact]
    public void Exchange_rates_convert_through_the_base_currency()
    {
        var rates = new ExchangeRates(Currency.Usd, new Dictionary<string, decimal> { ["EUR"] = 1.10m, ["GBP"] = 1.25m });
        Assert.Equal(110m, rates.Convert(new Core.Money.Money(100m, "EUR"), Currency.Usd).Amount);
        Assert.Equal(88m, rates.Convert(new Core.Money.Money(100m, "EUR"), Currency.Gbp).Amount);
        Assert.Equal(7m, rates.Convert(new Core.Money.Money(7m, "GBP"), Currency.Gbp).Amount);
    }

    [Fact]
    public void Converting_to_an_unconfigured_currency_fails_clearly()
    {
        var e = Assert.Throws<DomainException>(() =>
            ExchangeRates.Default.Convert(new Core.Money.Money(1m, "USD"), new Currency("KRW")));
        Assert.Contains("KRW", e.Message);
    }

    [Fact]
    public void Rates_must_be_positive() =>
        Assert.Throws<DomainException>(() =>
            new ExchangeRates(Currency.Usd, new Dictionary<string, decimal> { ["EUR"] = 0m }));
}
