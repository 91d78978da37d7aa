namespace Pursearch.Core.Catalog;

/// <summary>Stock state as retailers publish it (schema.org ItemAvailability).</summary>
public enum Availability
{
    InStock,
    OutOfStock,
    PreOrder,
    Discontinued,
}

/// <summary>Which availability states count as purchasable.</summary>
public static class AvailabilityExtensions
{
    public static bool IsPurchasable(this Availability availability) =>
        availability is Availability.InStock or Availability.PreOrder;
}
