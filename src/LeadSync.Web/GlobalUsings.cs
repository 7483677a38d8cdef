// The namespaces this project's files share; the ones every project shares are in src/Directory.Build.props.
global using LeadSync.Core.Admin.Audit;
global using LeadSync.Infrastructure.Crm.Dynamics;
global using LeadSync.Infrastructure.Crm.Salesforce;
global using LeadSync.Infrastructure.Storage;
global using LeadSync.Web.Endpoints;
global using LeadSync.Web.Hosting;
global using LeadSync.Web.Problems;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
