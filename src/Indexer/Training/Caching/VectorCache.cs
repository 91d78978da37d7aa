using System.Buffers.Binary;
using System.Text;

namespace Pursearch.Indexer.Training.Caching;

/// <summary>
/// Vectors by key, kept in memory and appended to one log file so a later run finds them again. Records are
/// (key length, UTF-8 key, float count, little-endian floats); a torn last record (a crash mid-write) is dropped on open.
/// One process writes at a time (a lock file beside the log); another opening it meanwhile reads and does not persist.
/// Thread-safe.
/// </summary>
public sealed class VectorCache : IDisposable
{
    private static readonly byte[] Magic = "PVC1"u8.ToArray();
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly FileStream? _log;
    private readonly FileStream? _lock;

    private VectorCache(FileStream? log, FileStream? writerLock)
    {
        _log = log;
        _lock = writerLock;
    }

    /// <summary>A cache that forgets everything when disposed.</summary>
    public static VectorCache InMemory() => new(null, null);

    /// <summary>Opens (or creates) the log at <paramref name="path"/> and loads what it holds.</summary>
    public static VectorCache Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var writerLock = TryLock(path + ".lock");
        if (writerLock is null)
        {
            var reader = new VectorCache(null, null);
            if (File.Exists(path))
            {
                using var shared = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                reader.Load(shared);
            }
            return reader;
        }
        var log = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var cache = new VectorCache(log, writerLock);
        var end = cache.Load(log);
        log.SetLength(end);
        log.Position = end;
        if (end == 0)
            log.Write(Magic);
        return cache;
    }

    public bool Persistent => _log is not null;

    public int Count
    {
        get
        {
            lock (_gate)
                return _vectors.Count;
        }
    }

    public bool TryGet(string key, out float[] vector)
    {
        lock (_gate)
            return _vectors.TryGetValue(key, out vector!);
    }

    /// <summary>Keeps <paramref name="vector"/> under <paramref name="key"/>; a key already present keeps its first vector.</summary>
    public void Put(string key, float[] vector)
    {
        lock (_gate)
        {
            if (!_vectors.TryAdd(key, vector) || _log is null)
                return;
            var keyBytes = Encoding.UTF8.GetBytes(key);
            var record = new byte[8 + keyBytes.Length + vector.Length * sizeof(float)];
            BinaryPrimitives.WriteInt32LittleEndian(record, keyBytes.Length);
            keyBytes.CopyTo(record, 4);
            BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(4 + keyBytes.Length), vector.Length);
            for (var i = 0; i < vector.Length; i++)
                BinaryPrimitives.WriteSingleLittleEndian(record.AsSpan(8 + keyBytes.Length + i * sizeof(float)), vector[i]);
            _log.Write(record);
        }
    }

    public void Flush()
    {
        lock (_gate)
            _log?.Flush();
    }

    // Returns the offset just after the last complete record.
    private long Load(FileStream stream)
    {
        stream.Position = 0;
        var header = new byte[Magic.Length];
        if (stream.Length < Magic.Length || stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !header.AsSpan().SequenceEqual(Magic))
            return 0;
        var good = stream.Position;
        var lengths = new byte[4];
        while (true)
        {
            if (stream.ReadAtLeast(lengths, 4, throwOnEndOfStream: false) < 4)
                return good;
            var keyLength = BinaryPrimitives.ReadInt32LittleEndian(lengths);
            if (keyLength is <= 0 or > 4096)
                return good;
            var key = new byte[keyLength];
            if (stream.ReadAtLeast(key, keyLength, throwOnEndOfStream: false) < keyLength
                || stream.ReadAtLeast(lengths, 4, throwOnEndOfStream: false) < 4)
                return good;
            var count = BinaryPrimitives.ReadInt32LittleEndian(lengths);
            if (count is <= 0 or > 1 << 20)
                return good;
            var values = new byte[count * sizeof(float)];
            if (stream.ReadAtLeast(values, values.Length, throwOnEndOfStream: false) < values.Length)
                return good;
            var vector = new float[count];
            for (var i = 0; i < count; i++)
                vector[i] = BinaryPrimitives.ReadSingleLittleEndian(values.AsSpan(i * sizeof(float)));
            _vectors[Encoding.UTF8.GetString(key)] = vector;
            good = stream.Position;
        }
    }

    private static FileStream? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _log?.Dispose();
        _lock?.Dispose();
    }
}
