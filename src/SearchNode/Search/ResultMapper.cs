using Pursearch.Core.Money;
using Pursearch.Index;
using Pursearch.Vision.Heads;
using Pursearch.Vision.Pipeline;

namespace Pursearch.SearchNode.Search;

/// <summary>Turns shard hits and vision results into the response records (rounded for reading, prices converted).</summary>
public sealed class ResultMapper(ExchangeRates rates)
{
    public ResultItem Item(ShardHit hit, Currency currency)
    {
        var p = hit.Product;
        var converted = rates.Convert(p.Price, currency);
        return new ResultItem(p.Id.ToString(), p.Brand, p.Name, p.Style, p.Id.Retailer, p.FamilyId,
            new MoneyResponse(p.Price.Amount, p.Price.Currency.Code),
            new MoneyResponse(decimal.Round(converted.Amount, 2), converted.Currency.Code),
            ImageUrl(p.ImageSha256), p.ProductUrl, Math.Round(hit.Score, 4));
    }

    public static string? ImageUrl(string? sha256) => sha256 is null ? null : $"/api/v1/images/{sha256}";

    public static CropResponse Crop(CropOutcome crop) => new(
        crop.Mode == CropMode.Auto ? "auto" : "off",
        crop.Found,
        crop.Box is { } b ? new BoxResponse(Round(b.X), Round(b.Y), Round(b.W), Round(b.H)) : null,
        crop.Mode == CropMode.Auto ? Round(crop.Score) : null);

    public static IdentificationResponse? Identification(Identification? identification) =>
        identification is null
            ? null
            : new IdentificationResponse(identification.NotHandbag, Round(identification.NotHandbagProbability),
                [.. identification.Top.Select(t => new IdentityResponse(t.Brand, t.Style, t.Slug, Round(t.Probability)))]);

    public static double Ms(double ms) => Math.Round(ms, 1);

    private static double Round(double value) => Math.Round(value, 4);
}
