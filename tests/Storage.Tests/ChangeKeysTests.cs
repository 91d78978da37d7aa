using Pursearch.Core.Catalog;
using Pursearch.Storage.Contracts;

namespace Pursearch.Storage.Tests;

public sealed class ChangeKeysTests
{
    [Fact]
    public void An_embedding_key_splits_back_into_space_and_product_even_when_the_sku_has_slashes_and_colons()
    {
        var id = ProductId.Parse("rue:a/b:c");
        Assert.Equal(("resnet18-v1", id), ChangeKeys.ParseEmbedding(ChangeKeys.Embedding("resnet18-v1", id)));
    }

    [Fact]
    public void A_key_without_a_space_is_refused() =>
        Assert.Throws<FormatException>(() => ChangeKeys.ParseEmbedding("rue:1"));
}
