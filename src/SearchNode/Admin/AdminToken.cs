using System.Security.Cryptography;
using System.Text;

namespace Pursearch.SearchNode.Admin;

/// <summary>The admin API's bearer token, kept in <c>{data}/admin.token</c> (created on first start, readable by the
/// owner only); requests prove they know it, compared in constant time.</summary>
public sealed class AdminToken
{
    private readonly byte[] _value;

    private AdminToken(string value)
    {
        Value = value;
        _value = Encoding.UTF8.GetBytes(value);
    }

    public string Value { get; }

    public static AdminToken LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length >= 16)
                return new AdminToken(existing);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new StreamWriter(path, Encoding.ASCII, options))
            file.Write(token + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new AdminToken(token);
    }

    /// <summary>Reads an existing token (operator commands); null when the node never created one.</summary>
    public static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_value, Encoding.UTF8.GetBytes(presented));
}
