namespace Pursearch.SearchNode.Search;

/// <summary>The canonical search answer of DESIGN §5.</summary>
public sealed record SearchResponse(
    string Generation,
    string? ModelVersion,
    bool Partial,
    IReadOnlyList<int> MissingShards,
    CropResponse Crop,
    IdentificationResponse? Identification,
    PlanCounts Plan,
    StageTimingsMs TimingsMs,
    IReadOnlyList<ResultItem> Results);

/// <summary>The products most similar to a catalog product (never itself or its colour variants).</summary>
public sealed record SimilarResponse(
    string Generation,
    string ProductId,
    bool Partial,
    IReadOnlyList<int> MissingShards,
    PlanCounts Plan,
    IReadOnlyList<ResultItem> Results);

/// <summary>The crop stage: the mode that ran, whether a bag was found, and its box in image fractions.</summary>
public sealed record CropResponse(string Mode, bool Found, BoxResponse? Box, double? Score);

/// <summary>A box in image fractions, top-left origin.</summary>
public sealed record BoxResponse(double X, double Y, double W, double H);

/// <summary>The identification head's verdict: whether "not a handbag" won, and the likeliest classes.</summary>
public sealed record IdentificationResponse(bool NotHandbag, double NotHandbagProbability, IReadOnlyList<IdentityResponse> Top);

/// <summary>One brand + style and its probability.</summary>
public sealed record IdentityResponse(string Brand, string Style, string Slug, double Probability);

/// <summary>How many shards answered with each plan.</summary>
public sealed record PlanCounts(int Hnsw, int Exact);

/// <summary>Milliseconds per stage; <see cref="Total"/> is the whole query after the upload was read.</summary>
public sealed record StageTimingsMs(double Decode, double Crop, double Embed, double Identify, double Search, double Total);

/// <summary>One match: display fields, the retailer's price, the price in the query's currency, and the similarity.</summary>
public sealed record ResultItem(
    string ProductId,
    string Brand,
    string Name,
    string Style,
    string Retailer,
    string FamilyId,
    MoneyResponse Price,
    MoneyResponse ConvertedPrice,
    string? ImageUrl,
    string ProductUrl,
    double Score);

/// <summary>An amount and its ISO currency.</summary>
public sealed record MoneyResponse(decimal Amount, string Currency);
