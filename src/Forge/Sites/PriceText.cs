using System.Globalization;
using Pursearch.Core.Money;

namespace Pursearch.Forge.Sites;

/// <summary>How each shop writes a price on its pages: <c>$1,290.00</c>, <c>1.290,00 €</c>, <c>GBP 75</c>.</summary>
public enum PriceStyle
{
    /// <summary>Symbol first, comma thousands, two decimals (<c>$1,290.00</c>).</summary>
    SymbolFirst,
    /// <summary>Continental: dot thousands, comma decimals, symbol after (<c>1.290,00 €</c>).</summary>
    Continental,
    /// <summary>ISO code first, decimals only when there are pennies (<c>GBP 75</c>, <c>GBP 1,290</c>, <c>GBP 75.50</c>).</summary>
    CodeFirst,
}

/// <summary>Formats prices in a shop's style.</summary>
public static class PriceText
{
    private static readonly NumberFormatInfo Continental = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static string Format(Money price, PriceStyle style) => style switch
    {
        PriceStyle.SymbolFirst => Symbol(price.Currency) + price.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
        PriceStyle.Continental => price.Amount.ToString("#,##0.00", Continental) + "\u00A0" + Symbol(price.Currency),
        PriceStyle.CodeFirst => price.Currency.Code + " " +
                                price.Amount.ToString(decimal.Truncate(price.Amount) == price.Amount ? "#,##0" : "#,##0.00",
                                    CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    /// <summary>The amount as structured data writes it: invariant, two decimals.</summary>
    public static string Plain(Money price) => price.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Symbol(Currency currency) => currency.Code switch
    {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        var code => code + " ",
    };
}
