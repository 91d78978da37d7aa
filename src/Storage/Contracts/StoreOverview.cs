namespace Pursearch.Storage.Contracts;

/// <summary>What a store holds, for <c>pursearch store info</c> and health pages.</summary>
public sealed record StoreOverview(
    string Location,
    int SchemaVersion,
    long Products,
    long AvailableProducts,
    IReadOnlyDictionary<string, long> EmbeddingsBySpace,
    long Generations,
    string? LiveGeneration,
    long ModelVersions,
    string? LiveModel,
    long Images,
    long ScrapeRuns,
    long ChangeSequence);
