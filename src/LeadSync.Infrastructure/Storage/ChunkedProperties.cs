namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Byte values larger than one table property (64 KB) stored as numbered binary properties of at most 60 KB, with
/// their count in <c>{name}Chunks</c>; an entity holds up to 1 MB in all.
/// </summary>
public static class ChunkedProperties
{
    private const int ChunkBytes = 60 * 1024;

    public static void Put(TableEntity entity, string name, byte[] bytes)
    {
        entity[name + "Chunks"] = (bytes.Length + ChunkBytes - 1) / ChunkBytes;
        for (var i = 0; i * ChunkBytes < bytes.Length; i++)
        {
            entity[$"{name}{i}"] = bytes.AsSpan(i * ChunkBytes, Math.Min(ChunkBytes, bytes.Length - (i * ChunkBytes))).ToArray();
        }
    }

    /// <summary>The chunked bytes of <paramref name="name"/>, or (rows written before chunking) its string as UTF-8.</summary>
    public static byte[] Get(TableEntity entity, string name, string fallback)
    {
        return entity.GetInt32(name + "Chunks") is { } chunks
            ? [.. Enumerable.Range(0, chunks).SelectMany(i => entity.GetBinary($"{name}{i}") ?? [])]
            : System.Text.Encoding.UTF8.GetBytes(entity.GetString(name) ?? fallback);
    }
}
