using Pursearch.Core.Catalog;

namespace Pursearch.Storage.Contracts;

/// <summary>One page of products; <see cref="Next"/> is the cursor of the following page, null on the last one.</summary>
public sealed record ProductPage(IReadOnlyList<Product> Items, ProductId? Next);
