using System.Text.RegularExpressions;
using Pursearch.Core;

namespace Pursearch.Storage.Files;

/// <summary>Validates the media type stored with an image (<c>type/subtype</c>, lower-cased, no parameters).</summary>
public static partial class MediaType
{
    public static string Check(string? contentType)
    {
        var type = Guard.NotBlank(contentType, "contentType").ToLowerInvariant();
        return Pattern().IsMatch(type)
            ? type
            : throw new DomainException("contentType", $"'{contentType}' is not a media type (type/subtype)");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$")]
    private static partial Regex Pattern();
}
