using Pursearch.Core;
using Pursearch.Core.Catalog;

namespace Pursearch.Core.Tests.Catalog;

public class ProductIdTests
{
    [Fact]
    public void Retailer_is_lower_cased_and_sku_trimmed_with_case_kept()
    {
        var id = new ProductId("  Rue ", "  R-0042a ");
        Assert.Equal("rue", id.Retailer);
        Assert.Equal("R-0042a", id.Sku);
        Assert.Equal("rue:R-0042a", id.ToString());
    }

    [Fact]
    public void Parse_round_trips_and_keeps_colons_in_the_sku()
    {
        var id = ProductId.Parse("maison:SKU:12");
        Assert.Equal("maison", id.Retailer);
        Assert.Equal("SKU:12", id.Sku);
        Assert.Equal(id, ProductId.Parse(id.ToString()));
    }

    [Theory]
    [InlineData("rue", "   ", "sku")]
    [InlineData("", "x", "retailer")]
    [InlineData("Rue Shop", "x", "retailer")]
    [InlineData("rue", "a\u0007b", "sku")]
    public void Invalid_parts_raise_a_domain_exception_naming_the_field(string retailer, string sku, string field)
    {
        var e = Assert.Throws<DomainException>(() => new ProductId(retailer, sku));
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData("nocolon")]
    [InlineData(":sku")]
    [InlineData("rue:")]
    public void Malformed_ids_do_not_parse(string text)
    {
        Assert.False(ProductId.TryParse(text, out _));
        Assert.Throws<DomainException>(() => ProductId.Parse(text));
    }
}
