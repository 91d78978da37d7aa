namespace Pursearch.Core;

/// <summary>A value that breaks a domain rule; names the offending field.</summary>
public sealed class DomainException(string field, string message)
    : ArgumentException($"{field}: {message}", field)
{
    public string Field { get; } = field;
}
