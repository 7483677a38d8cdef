using LeadSync.Web.Hosting;
using LeadSync.Web.Portable;

var builder = WebApplication.CreateBuilder(args);
builder.AddLeadSync();
builder.AddLeadSyncPortableHost();

var app = builder.Build();
app.MapLeadSync();
app.Run();
