using LeadSync.Portable;

var builder = WebApplication.CreateBuilder(args);
builder.AddLeadSync();
builder.AddLeadSyncPortableHost();

var app = builder.Build();
app.MapLeadSync();
app.Run();

/// <summary>The entry point, public so tests can host this exact Program in memory (WebApplicationFactory).</summary>
public partial class Program;
