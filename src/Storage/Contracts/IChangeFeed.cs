namespace Pursearch.Storage.Contracts;

/// <summary>
/// The monotonic change sequence. Every write that changes what readers see bumps it (refreshing only a product's
/// last-seen time does not). The feed keeps the latest change of each key, so sequence numbers have gaps and a
/// reader that re-reads the current state of each key it is given never misses a change.
/// </summary>
public interface IChangeFeed
{
    /// <summary>The highest sequence number handed out so far (0 for an empty store).</summary>
    Task<long> CurrentSequenceAsync(CancellationToken cancel = default);

    /// <summary>Changes with a sequence number above <paramref name="sequence"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ChangeRecord>> ChangesSinceAsync(long sequence, int limit, CancellationToken cancel = default);
}
