using System.Collections.Frozen;

namespace Pursearch.Core.Money;

/// <summary>A configured table of rates to one base currency, so prices in several currencies compare in one.</summary>
public sealed class ExchangeRates
{
    private readonly FrozenDictionary<string, decimal> _perUnitInBase;

    public Currency Base { get; }

    /// <param name="baseCurrency">The currency every rate converts into.</param>
    /// <param name="perUnitInBase">How much one unit of each currency is worth in the base currency.</param>
    public ExchangeRates(Currency baseCurrency, IReadOnlyDictionary<string, decimal> perUnitInBase)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal) { [baseCurrency.Code] = 1m };
        foreach (var (code, rate) in perUnitInBase)
        {
            if (rate <= 0)
                throw new DomainException("exchangeRates", $"rate for {code} must be positive");
            rates[new Currency(code, "exchangeRates").Code] = rate;
        }
        Base = baseCurrency;
        _perUnitInBase = rates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The rates Pursearch ships with; operators may configure their own.</summary>
    public static ExchangeRates Default { get; } = new(Currency.Usd, new Dictionary<string, decimal>
    {
        ["EUR"] = 1.08m,
        ["GBP"] = 1.27m,
        ["CHF"] = 1.12m,
        ["JPY"] = 0.0067m,
        ["CAD"] = 0.73m,
        ["AUD"] = 0.66m,
    });

    public IEnumerable<Currency> Currencies => _perUnitInBase.Keys.Select(c => new Currency(c));

    public bool Supports(Currency currency) => _perUnitInBase.ContainsKey(currency.Code);

    public Money Convert(Money money, Currency target)
    {
        if (money.Currency == target)
            return money;
        var inBase = money.Amount * RateOf(money.Currency);
        return new Money(decimal.Round(inBase / RateOf(target), 4), target);
    }

    private decimal RateOf(Currency currency) =>
        _perUnitInBase.TryGetValue(currency.Code, out var rate)
            ? rate
            : throw new DomainException("currency", $"no exchange rate configured for {currency}");
}
