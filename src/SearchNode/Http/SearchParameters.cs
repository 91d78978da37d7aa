using Pursearch.Core;
using Pursearch.Core.Catalog;
using Pursearch.Core.Money;
using Pursearch.Core.Search;
using Pursearch.SearchNode.Search;
using Pursearch.Vision.Pipeline;

namespace Pursearch.SearchNode.Http;

/// <summary>Validates search parameters (crop, minPrice, maxPrice, currency, retailer, brand, style, k, collapse)
/// against the catalog's vocabulary and the exchange-rate table.</summary>
public sealed class SearchParameters(CatalogVocabulary vocabulary, ExchangeRates rates)
{
    public async Task<SearchRequest> ReadAsync(RequestParameters p, CancellationToken cancel)
    {
        var crop = p.One("crop")?.ToLowerInvariant() switch
        {
            null or "auto" or "on" => CropMode.Auto,
            "off" => CropMode.Off,
            var other => throw new InvalidParameterException("crop", $"'{other}' is not auto or off"),
        };
        var k = p.Int("k", SearchSettings.DefaultK, 1, SearchSettings.MaxK);
        return new SearchRequest(crop, await FilterAsync(p, cancel), k, p.Flag("collapse", true));
    }

    public async Task<SearchFilter> FilterAsync(RequestParameters p, CancellationToken cancel)
    {
        var min = p.Amount("minPrice");
        var max = p.Amount("maxPrice");
        if (min > max)
            throw new InvalidParameterException("minPrice", $"{min} is greater than maxPrice {max}");
        var currency = CurrencyOf(p.One("currency"));
        var known = await vocabulary.GetAsync(cancel);
        var retailers = p.All("retailer").Select(Slug).ToList();
        Require("retailer", retailers, known.Retailers);
        var brands = p.All("brand");
        Require("brand", brands, known.Brands);
        var styles = p.All("style");
        Require("style", styles, known.Styles);
        return new SearchFilter(min, max, currency, retailers, brands, styles, p.Flag("includeUnavailable", false));
    }

    private Currency CurrencyOf(string? code)
    {
        if (code is null)
            return Currency.Usd;
        if (!Currency.IsKnown(code))
            throw new InvalidParameterException("currency", $"'{code}' is not an ISO 4217 currency code");
        var currency = new Currency(code);
        return rates.Supports(currency)
            ? currency
            : throw new InvalidParameterException("currency",
                $"no exchange rate for {currency}; use one of {string.Join(", ", rates.Currencies.Select(c => c.Code))}");
    }

    private static string Slug(string retailer)
    {
        try
        {
            return RetailerSlug.Normalize(retailer);
        }
        catch (DomainException)
        {
            throw new InvalidParameterException("retailer", $"'{retailer}' is not a retailer slug");
        }
    }

    private static void Require(string parameter, IEnumerable<string> values, IReadOnlySet<string> known)
    {
        foreach (var value in values)
            if (!known.Contains(value))
                throw new InvalidParameterException(parameter, $"no {parameter} '{value}' in the catalog");
    }
}
