using Pursearch.Core;
using Pursearch.Core.Catalog;

namespace Pursearch.Core.Tests.Catalog;

public class ProductTests
{
    private static readonly string Sha = new('a', 64);

    internal static Product Sample(decimal price = 39.9m, string image = "https://rue.example/i/42.jpg",
        Availability availability = Availability.InStock, string name = "Quilted Chain Bag") =>
        new(ProductId.Parse("rue:r-0042"), "Rue", name, new Core.Money.Money(price, "USD"),
            new Uri("https://rue.example/p/42"), new Uri(image), availability, style: "Flap", colour: "black");

    [Fact]
    public void Content_hash_ignores_timestamps_but_sees_every_published_field()
    {
        var a = Sample();
        var later = a.WithSeen(a.FirstSeen, a.FirstSeen.AddDays(3));
        Assert.Equal(a.ContentHash, later.ContentHash);
        Assert.NotEqual(a.ContentHash, Sample(price: 40m).ContentHash);
        Assert.NotEqual(a.ContentHash, Sample(name: "Other").ContentHash);
        Assert.NotEqual(a.ContentHash, a.WithImage(Sha).ContentHash);
        Assert.NotEqual(a.ContentHash, a.WithAvailability(Availability.OutOfStock).ContentHash);
    }

    [Fact]
    public void Price_and_image_fingerprints_separate_the_two_kinds_of_change()
    {
        var a = Sample();
        var cheaper = Sample(price: 20m);
        var newImage = Sample(image: "https://rue.example/i/42-v2.jpg");
        Assert.NotEqual(a.PriceFingerprint, cheaper.PriceFingerprint);
        Assert.Equal(a.ImageFingerprint, cheaper.ImageFingerprint);
        Assert.Equal(a.PriceFingerprint, newImage.PriceFingerprint);
        Assert.NotEqual(a.ImageFingerprint, newImage.ImageFingerprint);
    }

    [Fact]
    public void Family_defaults_to_the_sku()
    {
        Assert.Equal("r-0042", Sample().FamilyId);
    }

    [Theory]
    [InlineData("ftp://rue.example/i.jpg", "imageUrl")]
    [InlineData("/relative.jpg", "imageUrl")]
    public void Non_http_urls_are_refused_naming_the_field(string url, string field)
    {
        var e = Assert.Throws<DomainException>(() => Sample(image: url));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Malformed_image_hash_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => Sample().WithImage("not-a-hash"));
        Assert.Equal("imageSha256", e.Field);
    }

    [Fact]
    public void Blank_brand_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => new Product(ProductId.Parse("rue:1"), " ", "n",
            new Core.Money.Money(1, "USD"), new Uri("https://a.example/"), new Uri("https://a.example/i")));
        Assert.Equal("brand", e.Field);
    }

    [Fact]
    public void Unavailable_states_are_not_purchasable()
    {
        Assert.True(Availability.PreOrder.IsPurchasable());
        Assert.False(Availability.OutOfStock.IsPurchasable());
        Assert.False(Availability.Discontinued.IsPurchasable());
    }
}
