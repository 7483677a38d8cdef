using System.Text;
using LeadSync.Web.Endpoints;
using Microsoft.AspNetCore.Http;

namespace LeadSync.Integration.Tests.Intake;

/// <summary>How a request body is read before anything parses it: whole, and never past the body limit.</summary>
public sealed class RequestReaderTests
{
    private const int Limit = 64 * 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(300)]
    [InlineData(Limit)]
    public async Task A_body_of_declared_length_is_read_whole(int size)
    {
        var sent = Bytes(size);
        var request = Request(new TrickleStream(sent, 7), declaredLength: size);

        var body = await RequestReader.ReadBodyAsync(request, Limit, CancellationToken.None);

        Assert.Equal(sent, body);
    }

    [Fact]
    public async Task A_declared_length_past_the_limit_is_refused_before_reading()
    {
        var stream = new TrickleStream(Bytes(10), 10);
        var request = Request(stream, declaredLength: Limit + 1);

        Assert.Null(await RequestReader.ReadBodyAsync(request, Limit, CancellationToken.None));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task A_body_that_ends_short_of_its_declared_length_is_what_arrived()
    {
        var request = Request(new TrickleStream(Bytes(100), 30), declaredLength: 150);

        var body = await RequestReader.ReadBodyAsync(request, Limit, CancellationToken.None);

        Assert.Equal(Bytes(100), body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20_000)]
    [InlineData(Limit)]
    public async Task A_body_without_declared_length_is_read_whole_up_to_the_limit(int size)
    {
        var sent = Bytes(size);

        var body = await RequestReader.ReadBodyAsync(Request(new TrickleStream(sent, 5_000), declaredLength: null), Limit, CancellationToken.None);

        Assert.Equal(sent, body);
    }

    [Fact]
    public async Task A_body_without_declared_length_past_the_limit_is_refused()
    {
        var stream = new TrickleStream(Bytes(Limit + 1), 16 * 1024);

        Assert.Null(await RequestReader.ReadBodyAsync(Request(stream, declaredLength: null), Limit, CancellationToken.None));
    }

    private static HttpRequest Request(Stream body, long? declaredLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentLength = declaredLength;
        context.Request.Body = body;
        return context.Request;
    }

    private static byte[] Bytes(int size) => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0123456789", (size / 10) + 1)))[..size];

    /// <summary>A body that arrives a few bytes per read, as a network stream delivers it.</summary>
    private sealed class TrickleStream(byte[] content, int perRead) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, perRead)], cancellationToken);
    }
}
