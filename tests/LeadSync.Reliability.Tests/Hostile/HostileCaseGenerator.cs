using System.Globalization;
using System.Text;

namespace LeadSync.Reliability.Tests.Hostile;

/// <summary>
/// Builds case <c>index</c> of a source from the run's seed alone, so any case can be rebuilt and replayed:
/// 10 % controls (valid leads with awkward values, signed), 65 % hostile bodies, 25 % hostile requests (content
/// types, headers, URL tails, oversized or chunked bodies); 60 % signed with the configured secret, the rest unsigned
/// or signed wrongly.
/// </summary>
public static class HostileCaseGenerator
{
    public const int MaxBodyBytes = 262_144;

    public static HostileCase Build(SourceDialect dialect, int seed, int index)
    {
        var ordinal = SourceDialects.All.ToList().IndexOf(dialect);
        var random = new Random(unchecked((((seed * 31) + ordinal) * 1_000_003) + index));
        var sample = Sample(random, dialect, seed, index);
        var roll = random.Next(100);
        var auth = roll < 10 ? AuthMode.Signed : random.Next(10) switch { < 6 => AuthMode.Signed, < 8 => AuthMode.Unsigned, _ => AuthMode.Garbled };
        var secret = auth switch { AuthMode.Signed => dialect.Secret, AuthMode.Garbled => WrongSecret(random, dialect), _ => null };
        var tampered = auth == AuthMode.Garbled && dialect.SignsBody && random.Next(2) == 0;
        if (tampered)
        {
            secret = dialect.Secret;
        }

        var valid = Valid(dialect, sample, secret);
        var start = new HostileCase
        {
            Source = dialect.Name,
            Index = index,
            Seed = seed,
            Kind = "control",
            Auth = auth,
            Body = valid,
            ContentType = dialect.MediaType,
            Secret = secret,
            Tampered = tampered,
            Sample = sample,
        };
        if (roll < 10)
        {
            return start with { IsControl = true };
        }

        if (roll < 75)
        {
            var (kind, body) = dialect.IsForm
                ? FormBodyMutator.Mutate(random, dialect.Form!(sample))
                : JsonBodyMutator.Mutate(random, dialect.Json!(sample, dialect.Name == "google-ads" ? secret : null));
            return start with { Kind = kind, Body = body };
        }

        return RequestTricks.Apply(random, start, dialect);
    }

    private static byte[] Valid(SourceDialect dialect, LeadSample sample, string? secret) => dialect.IsForm
        ? Encoding.UTF8.GetBytes(FormBodyMutator.Encode(dialect.Form!(sample)))
        : Encoding.UTF8.GetBytes(dialect.Json!(sample, dialect.Name == "google-ads" ? secret : null).ToJsonString());

    private static LeadSample Sample(Random random, SourceDialect dialect, int seed, int index)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{(uint)seed:x8}{index:D7}");
        var local = string.Create(CultureInfo.InvariantCulture, $"r5.{dialect.Name}.{(uint)seed:x8}.{index}");
        var email = random.Next(4) switch
        {
            0 => local.ToUpperInvariant() + "@Example.COM",
            1 => local + "+tag@example.com",
            _ => local + "@example.com",
        };
        string Name(string plain) => random.Next(2) == 0 ? plain : HostileText.AwkwardString(random);
        var phone = random.Next(2) == 0 ? string.Create(CultureInfo.InvariantCulture, $"+44 20 7946 {index % 10_000:D4}") : null;
        return new LeadSample(id, email, Name("Ada"), Name("Lovelace"), Name("Analytical Engines"), phone);
    }

    private static string WrongSecret(Random random, SourceDialect dialect)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return random.Next(3) switch
        {
            // A real secret of another source, or the configured one slightly off, or random.
            0 => dialect.Name == "generic" ? Secrets.CrmEvents : SourceDialects.All[(SourceDialects.All.ToList().IndexOf(dialect) + 1) % SourceDialects.All.Count].Secret,
            1 => dialect.Name == "generic" ? "whsec_" + Convert.ToBase64String(bytes) : dialect.Secret[..^1] + "X",
            _ => dialect.Name == "generic" ? "whsec_" + Convert.ToBase64String(bytes[..16]) : Convert.ToBase64String(bytes),
        };
    }
}
