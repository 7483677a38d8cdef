#!/usr/bin/env bash
# Prints the path of the Bicep CLI. It comes from the NuGet tools package Azure.Bicep.CommandLine.linux-x64
# (version pinned in Directory.Packages.props), restored into the NuGet package cache through the
# restore-only project eng/tools/Bicep.Tools.csproj. Set BICEP to use another binary instead.
#   eng/bicep.sh                 -> /root/.nuget/packages/azure.bicep.commandline.linux-x64/<ver>/tools/bicep
#   "$(eng/bicep.sh)" lint infra/main.bicep
set -euo pipefail

if [[ -n "${BICEP:-}" ]]; then
  echo "$BICEP"
  exit 0
fi

if [[ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]]; then
  echo "eng/bicep.sh: the pinned Bicep package is linux-x64 only; install Bicep and set BICEP=/path/to/bicep" >&2
  exit 1
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/eng/tools/Bicep.Tools.csproj"

dotnet restore "$project" --verbosity quiet >&2
package_dir="$(dotnet msbuild "$project" -nologo -getProperty:PkgAzure_Bicep_CommandLine_linux-x64)"
bicep="$package_dir/tools/bicep"

if [[ ! -f "$bicep" ]]; then
  echo "eng/bicep.sh: no Bicep CLI at $bicep after restore" >&2
  exit 1
fi
# NuGet extracts the binary with the user execute bit only; make sure it is runnable.
[[ -x "$bicep" ]] || chmod +x "$bicep"
echo "$bicep"
