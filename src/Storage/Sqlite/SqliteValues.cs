using System.Buffers.Binary;
using System.Globalization;

namespace Pursearch.Storage.Sqlite;

/// <summary>How values are written to SQLite columns: times as UTC ticks, decimals as invariant text, vectors as float32 LE.</summary>
public static class SqliteValues
{
    public static long Ticks(DateTimeOffset at) => at.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static TEnum Enum<TEnum>(string text) where TEnum : struct, Enum => System.Enum.Parse<TEnum>(text);

    /// <summary>Little-endian float32, whatever the machine's byte order, so files move between machines.</summary>
    public static byte[] Vector(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    public static float[] Vector(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
            throw new InvalidDataException($"a vector blob of {bytes.Length} bytes is not a whole number of float32s");
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        return vector;
    }
}
