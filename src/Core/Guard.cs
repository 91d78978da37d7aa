namespace Pursearch.Core;

/// <summary>Validation shared by the domain types' constructors.</summary>
public static class Guard
{
    public static string NotBlank(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new DomainException(field, "must not be empty");
        return value.Trim();
    }

    public static Uri HttpUrl(string? value, string field)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new DomainException(field, $"'{value}' is not an absolute http(s) URL");
        return uri;
    }

    public static string Sha256Hex(string? value, string field)
    {
        var hex = NotBlank(value, field).ToLowerInvariant();
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
            throw new DomainException(field, "must be 64 hexadecimal digits (SHA-256)");
        return hex;
    }
}
