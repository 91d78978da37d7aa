using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pursearch.SearchNode.Http;

/// <summary>A request's parameters from its query string and, for a multipart search, its form fields (query first).</summary>
public sealed class RequestParameters(IQueryCollection query, IReadOnlyDictionary<string, IReadOnlyList<string>>? form = null)
{
    public IReadOnlyList<string> All(string name)
    {
        var values = new List<string>();
        foreach (var value in query[name])
            values.AddRange(Split(value));
        if (form is not null && form.TryGetValue(name, out var fields))
            foreach (var value in fields)
                values.AddRange(Split(value));
        return values;
    }

    /// <summary>The one value of a single-valued parameter; null when absent; an error when given twice differently.</summary>
    public string? One(string name)
    {
        var values = All(name).Distinct(StringComparer.Ordinal).ToList();
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new InvalidParameterException(name, $"give one value, not {values.Count}"),
        };
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var text = One(name);
        if (text is null)
            return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new InvalidParameterException(name, $"'{text}' is not a whole number");
        return value >= min && value <= max
            ? value
            : throw new InvalidParameterException(name, $"{value} is out of range {min}..{max}");
    }

    public decimal? Amount(string name)
    {
        var text = One(name);
        if (text is null)
            return null;
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < 0)
            throw new InvalidParameterException(name, $"'{text}' is not a non-negative amount");
        return value;
    }

    public bool Flag(string name, bool fallback)
    {
        var text = One(name);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new InvalidParameterException(name, $"'{text}' is not true or false"),
        };
    }

    // Repeated parameters may also arrive comma-separated (retailer=a,b); empty pieces are ignored.
    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
