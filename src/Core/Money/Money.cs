namespace Pursearch.Core.Money;

/// <summary>A non-negative amount in one currency.</summary>
public readonly record struct Money
{
    public decimal Amount { get; }
    public Currency Currency { get; }

    public Money(decimal amount, Currency currency, string field = "price")
    {
        if (amount < 0)
            throw new DomainException(field, $"amount {amount} must not be negative");
        if (currency.Code is null)
            throw new DomainException(field, "currency is required");
        Amount = amount;
        Currency = currency;
    }

    public Money(decimal amount, string currency, string field = "price")
        : this(amount, new Currency(currency, field + ".currency"), field)
    {
    }

    public override string ToString() => $"{Amount:0.00} {Currency}";
}
