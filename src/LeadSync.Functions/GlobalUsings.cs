// The namespaces this project's files share; the ones every project shares are in src/Directory.Build.props.
global using LeadSync.Web.Admin;
global using LeadSync.Web.Endpoints;
global using LeadSync.Web.Hosting;
global using LeadSync.Web.Problems;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Azure.Functions.Worker;
