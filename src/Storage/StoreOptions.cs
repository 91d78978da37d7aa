using Pursearch.Core;
using Pursearch.Core.Money;

namespace Pursearch.Storage;

/// <summary>Settings every store shares: where its files live, the image size limit, the rates prices compare by.</summary>
public sealed record StoreOptions
{
    public const long DefaultMaxImageBytes = 20L * 1024 * 1024;

    /// <summary>The data dir: images are kept under <c>{DataDirectory}/images</c>.</summary>
    public string DataDirectory { get; }
    public long MaxImageBytes { get; }
    public ExchangeRates ExchangeRates { get; }
    /// <summary>How long a write waits for another writer (another process included) before it fails.</summary>
    public TimeSpan BusyTimeout { get; }

    public StoreOptions(string dataDirectory, long maxImageBytes = DefaultMaxImageBytes,
        ExchangeRates? exchangeRates = null, TimeSpan? busyTimeout = null)
    {
        DataDirectory = Path.GetFullPath(Guard.NotBlank(dataDirectory, "dataDirectory"));
        MaxImageBytes = maxImageBytes > 0
            ? maxImageBytes
            : throw new DomainException("maxImageBytes", "must be positive");
        ExchangeRates = exchangeRates ?? ExchangeRates.Default;
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(10);
        if (BusyTimeout <= TimeSpan.Zero)
            throw new DomainException("busyTimeout", "must be positive");
    }

    public string ImagesDirectory => Path.Combine(DataDirectory, "images");
}
