using System.Text.RegularExpressions;
using Pursearch.Core.Money;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>Finds the currency a price text names: an ISO 4217 code, or a symbol (longest first, so <c>US$</c> before <c>$</c>).</summary>
public static partial class CurrencySymbols
{
    // Ambiguous symbols take their most common meaning ('$' → USD, '¥' → JPY, "kr" → SEK); structured data overrides.
    private static readonly (string Symbol, string Code)[] Symbols =
    [
        ("US$", "USD"), ("CA$", "CAD"), ("C$", "CAD"), ("AU$", "AUD"), ("A$", "AUD"), ("NZ$", "NZD"),
        ("HK$", "HKD"), ("S$", "SGD"), ("R$", "BRL"), ("MX$", "MXN"), ("NT$", "TWD"), ("CN¥", "CNY"),
        ("RMB", "CNY"), ("zł", "PLN"), ("Kč", "CZK"), ("Ft", "HUF"), ("kr", "SEK"), ("Rs", "INR"), ("Fr.", "CHF"),
        ("€", "EUR"), ("£", "GBP"), ("$", "USD"), ("¥", "JPY"), ("円", "JPY"), ("元", "CNY"), ("₹", "INR"),
        ("₩", "KRW"), ("₽", "RUB"), ("₺", "TRY"), ("₪", "ILS"), ("₫", "VND"), ("฿", "THB"), ("₱", "PHP"),
        ("₴", "UAH"), ("₦", "NGN"), ("₡", "CRC"), ("₲", "PYG"), ("₸", "KZT"), ("₼", "AZN"), ("₾", "GEL"),
    ];

    /// <summary>
    /// The first ISO 4217 code written next to a number (<c>GBP 75</c>, <c>75.00 EUR</c>); codes elsewhere are ignored
    /// because words like ALL, TOP or TRY are currencies too.
    /// </summary>
    public static string? IsoCodeIn(string text)
    {
        foreach (Match match in IsoWord().Matches(text))
            if (Currency.IsKnown(match.Value))
                return match.Value;
        return null;
    }

    public static string? SymbolIn(string text)
    {
        foreach (var (symbol, code) in Symbols)
            if (text.Contains(symbol, StringComparison.Ordinal))
                return code;
        return null;
    }

    [GeneratedRegex(@"(?<![A-Za-z])[A-Z]{3}(?=\s?[0-9])|(?<=[0-9]\s?)[A-Z]{3}(?![A-Za-z])")]
    private static partial Regex IsoWord();
}
