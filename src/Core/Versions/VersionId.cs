using System.Text.RegularExpressions;

namespace Pursearch.Core.Versions;

/// <summary>Ids of spaces, models and generations: short, URL- and path-safe.</summary>
public static partial class VersionId
{
    public static string Check(string? id, string field)
    {
        var value = Guard.NotBlank(id, field);
        if (!Pattern().IsMatch(value))
            throw new DomainException(field, $"'{id}' must match [A-Za-z0-9][A-Za-z0-9._-]{{0,63}}");
        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
