namespace LeadSync.Core.Reports;

/// <summary>
/// A compact, lossless binary form of a <see cref="FunnelDay"/> for storage: per cell its dimension values, the
/// counters as 7-bit varints and each latency series sorted and delta-encoded (every sample kept, in ticks). A blob of
/// another format version, another status list or a damaged one decodes to null, and the day is then rebuilt from the
/// index rows.
/// </summary>
public static class FunnelDayCodec
{
    private const byte Version = 1;

    public static byte[] Encode(FunnelDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write7BitEncodedInt(FunnelTally.Statuses.Length);
            writer.Write7BitEncodedInt(day.Cells.Count);
            foreach (var cell in day.Cells)
            {
                writer.Write(cell.Source);
                WriteOptional(writer, cell.Campaign);
                WriteOptional(writer, cell.Owner);
                WriteOptional(writer, cell.Team);
                writer.Write(cell.IsTest);
                var tally = cell.Tally;
                foreach (var count in tally.ByStatus)
                {
                    writer.Write7BitEncodedInt(count);
                }

                foreach (var counter in Counters(tally))
                {
                    writer.Write7BitEncodedInt(counter);
                }

                writer.Write7BitEncodedInt(tally.RecycledByReason.Count);
                foreach (var (reason, count) in tally.RecycledByReason)
                {
                    writer.Write(reason);
                    writer.Write7BitEncodedInt(count);
                }

                WriteSamples(writer, tally.Elapsed);
                WriteSamples(writer, tally.Business);
                WriteSamples(writer, tally.System);
                WriteSamples(writer, tally.Human);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The day encoded in <paramref name="bytes"/>, or null when it is not a blob this version wrote.</summary>
    public static FunnelDay? Decode(DateOnly day, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8);
            if (reader.ReadByte() != Version || reader.Read7BitEncodedInt() != FunnelTally.Statuses.Length)
            {
                return null;
            }

            var cells = new FunnelCell[reader.Read7BitEncodedInt()];
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = new FunnelCell(reader.ReadString(), ReadOptional(reader), ReadOptional(reader), ReadOptional(reader), reader.ReadBoolean());
                var tally = cell.Tally;
                for (var i = 0; i < tally.ByStatus.Length; i++)
                {
                    tally.ByStatus[i] = reader.Read7BitEncodedInt();
                }

                tally.Synced = reader.Read7BitEncodedInt();
                tally.ContactedWithinSla = reader.Read7BitEncodedInt();
                tally.ContactedLate = reader.Read7BitEncodedInt();
                tally.NeverContacted = reader.Read7BitEncodedInt();
                tally.Escalated = reader.Read7BitEncodedInt();
                tally.ReEngaged = reader.Read7BitEncodedInt();
                tally.MarketingTouches = reader.Read7BitEncodedInt();
                tally.Attempts = reader.Read7BitEncodedInt();
                tally.CheckpointsMet = reader.Read7BitEncodedInt();
                tally.CheckpointsMissed = reader.Read7BitEncodedInt();
                tally.SlaMet = reader.Read7BitEncodedInt();
                tally.SlaMissed = reader.Read7BitEncodedInt();
                for (var reasons = reader.Read7BitEncodedInt(); reasons > 0; reasons--)
                {
                    tally.RecycledByReason[reader.ReadString()] = reader.Read7BitEncodedInt();
                }

                ReadSamples(reader, tally.Elapsed);
                ReadSamples(reader, tally.Business);
                ReadSamples(reader, tally.System);
                ReadSamples(reader, tally.Human);
                cells[c] = cell;
            }

            return reader.BaseStream.Position == bytes.Length ? new FunnelDay(day, cells) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or IOException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static int[] Counters(FunnelTally t) =>
    [
        t.Synced, t.ContactedWithinSla, t.ContactedLate, t.NeverContacted, t.Escalated, t.ReEngaged,
        t.MarketingTouches, t.Attempts, t.CheckpointsMet, t.CheckpointsMissed, t.SlaMet, t.SlaMissed,
    ];

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteSamples(BinaryWriter writer, LatencySamples samples)
    {
        var ticks = samples.Ticks;
        writer.Write7BitEncodedInt(ticks.Count);
        var previous = 0L;
        for (var i = 0; i < ticks.Count; i++)
        {
            // The first sample as is (a negative one, from clock skew, takes ten bytes), then the gaps, never negative.
            writer.Write7BitEncodedInt64(ticks[i] - previous);
            previous = ticks[i];
        }
    }

    private static void ReadSamples(BinaryReader reader, LatencySamples samples)
    {
        var previous = 0L;
        for (var count = reader.Read7BitEncodedInt(); count > 0; count--)
        {
            previous += reader.Read7BitEncodedInt64();
            samples.Add(previous);
        }
    }
}
