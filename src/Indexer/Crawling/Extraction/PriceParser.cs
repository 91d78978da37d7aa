using System.Globalization;
using System.Text;
using Pursearch.Core.Money;

namespace Pursearch.Indexer.Crawling.Extraction;

/// <summary>How a price was written: machine-readable (schema.org, OpenGraph: '.' is the decimal point) or shop text.</summary>
public enum PriceNotation
{
    Text,
    Structured,
}

/// <summary>
/// Reads prices as shops write them (<c>$1,290.00</c>, <c>1.290,00 €</c>, <c>GBP 75</c>, <c>1 290,00 EUR</c>,
/// <c>CHF 1'290.50</c>) into <see cref="Money"/>. Separators: the last of '.' and ',' when both occur is the decimal
/// mark; a mark occurring twice groups; a single mark followed by exactly three digits groups (unless the integer part
/// is 0 or the currency has three decimals); spaces and apostrophes always group. Currency: an ISO code in the text,
/// else the hint (structured data), else the symbol.
/// </summary>
public static class PriceParser
{
    private static readonly HashSet<string> ThreeDecimalCurrencies = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    public static bool TryParse(string? text, string? currencyHint, out Money money, PriceNotation notation = PriceNotation.Text)
    {
        money = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var normalized = Normalize(text);
        var currency = CurrencySymbols.IsoCodeIn(normalized)
                       ?? (Currency.IsKnown(currencyHint) ? currencyHint!.Trim().ToUpperInvariant() : null)
                       ?? CurrencySymbols.SymbolIn(normalized);
        if (currency is null || !TryParseAmount(normalized, currency, notation, out var amount))
            return false;
        money = new Money(amount, new Currency(currency));
        return true;
    }

    /// <summary>Why <see cref="TryParse"/> failed, for skip reasons.</summary>
    public static string Diagnose(string? text, string? currencyHint)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "no price";
        var normalized = Normalize(text);
        var hasCurrency = CurrencySymbols.IsoCodeIn(normalized) is not null || Currency.IsKnown(currencyHint) ||
                          CurrencySymbols.SymbolIn(normalized) is not null;
        return hasCurrency ? $"unreadable price '{Shorten(text)}'" : $"no currency for price '{Shorten(text)}'";
    }

    /// <summary>The amount in <paramref name="text"/>: its first number, separators decided as described on the type.</summary>
    public static bool TryParseAmount(string text, string? currency, PriceNotation notation, out decimal amount)
    {
        amount = 0;
        var token = FirstNumber(Normalize(text));
        if (token is null)
            return false;
        if (notation == PriceNotation.Structured && IsPlainDecimal(token))
            return decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
        var invariant = ToInvariant(token, currency);
        return invariant is not null &&
               decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    private static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormKC)
            .Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2009', ' ')
            .Replace('\u2019', '\'').Replace('\u066B', '.').Replace('\u066C', ',');

    /// <summary>The first run of digits with the separators inside it ('.', ',', and a space or apostrophe before three digits).</summary>
    private static string? FirstNumber(string text)
    {
        var start = 0;
        while (start < text.Length && !char.IsAsciiDigit(text[start]))
            start++;
        if (start == text.Length)
            return null;
        var end = start;
        while (end < text.Length)
        {
            var c = text[end];
            if (char.IsAsciiDigit(c))
                end++;
            else if (c is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
                end++;
            else if (c is ' ' or '\'' && IsThreeDigitGroup(text, end + 1))
                end++;
            else
                break;
        }
        return text[start..end];
    }

    private static bool IsThreeDigitGroup(string text, int at) =>
        at + 3 <= text.Length && text.AsSpan(at, 3).ContainsAnyExcept("0123456789") is false &&
        (at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]));

    private static bool IsPlainDecimal(string token)
    {
        var dots = token.Count(c => c == '.');
        return dots <= 1 && token.All(c => char.IsAsciiDigit(c) || c == '.');
    }

    private static string? ToInvariant(string token, string? currency)
    {
        var digits = token.Replace(" ", "").Replace("'", "");
        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        if (lastDot < 0 && lastComma < 0)
            return digits;
        if (lastDot >= 0 && lastComma >= 0)
        {
            var mark = lastDot > lastComma ? '.' : ',';
            var grouping = mark == '.' ? ',' : '.';
            var integer = digits[..digits.LastIndexOf(mark)];
            if (integer.Contains(mark) || !IsGrouped(integer, grouping))
                return null;
            return integer.Replace(grouping.ToString(), "") + "." + digits[(digits.LastIndexOf(mark) + 1)..];
        }
        var separator = lastDot >= 0 ? '.' : ',';
        var parts = digits.Split(separator);
        if (parts.Length > 2)
            return IsGrouped(digits, separator) ? digits.Replace(separator.ToString(), "") : null;
        var groupsThousands = parts[1].Length == 3 && parts[0] != "0" &&
                              (currency is null || !ThreeDecimalCurrencies.Contains(currency)) && !token.Contains(' ');
        return groupsThousands ? parts[0] + parts[1] : parts[0] + "." + parts[1];
    }

    /// <summary>Whether <paramref name="integer"/> is digits grouped by thousands (or Indian lakh groups) with the separator.</summary>
    private static bool IsGrouped(string integer, char separator)
    {
        var groups = integer.Split(separator);
        if (groups.Length == 1)
            return groups[0].Length > 0;
        if (groups[0].Length is < 1 or > 3 || groups[^1].Length != 3)
            return false;
        var middle = groups[1..^1];
        return middle.All(g => g.Length == 3) || middle.All(g => g.Length == 2);
    }

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…";
    }
}
