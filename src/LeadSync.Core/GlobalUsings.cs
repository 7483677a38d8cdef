// The namespaces this project's files share; the ones every project shares are in src/Directory.Build.props.
global using Microsoft.Extensions.Primitives;
