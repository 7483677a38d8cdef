// The namespaces this project's files share; the ones every project shares are in src/Directory.Build.props.
global using Azure.Storage.Queues;
global using Azure.Storage.Queues.Models;
global using LeadSync.Web.Hosting;
global using LeadSync.Web.Problems;
global using Microsoft.Extensions.Hosting;
