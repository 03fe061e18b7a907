#!/usr/bin/env bash
# Packs every package of the repository into one folder feed, as a release does:
#   - AiEtl.Typed, AiEtl.Typed.Sqlite, AiEtl.Typed.Postgres (with their snupkg) and AiEtl.Typed.Cli, the aietl tool's
#     pointer package: `dotnet pack packages.slnf`;
#   - AiEtl.Typed.Cli.any, the framework-dependent (JIT) tool, with its snupkg: `dotnet pack src/AiEtl.Cli -r any`;
#   - AiEtl.Typed.Cli.linux-x64, the Native AOT tool: `dotnet pack src/AiEtl.Cli -r linux-x64`.
# `dotnet tool install AiEtl.Typed.Cli` then installs the native binary on linux-x64 and the JIT tool everywhere else
# (a .NET 10 RID-specific tool, ToolPackageRuntimeIdentifiers in src/AiEtl.Cli/AiEtl.Cli.csproj). Native AOT does not
# cross-compile, so the native package is built on a linux-x64 machine only: elsewhere the script stops, unless NATIVE=0
# (a feed without AiEtl.Typed.Cli.linux-x64 cannot install the tool on linux-x64).
#
#   scripts/pack.sh                                  # into artifacts/packages, Release
#   scripts/pack.sh /tmp/feed --version-suffix rc.1  # any further arguments go to every dotnet pack
#   CONFIGURATION=Debug NATIVE=0 scripts/pack.sh /tmp/feed
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=$(realpath -m "${1:-artifacts/packages}")
[ $# -gt 0 ] && shift
CONFIGURATION=${CONFIGURATION:-Release}
NATIVE=${NATIVE:-1}
if [ "$NATIVE" = 1 ] && [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "the native package (AiEtl.Typed.Cli.linux-x64) is built on linux-x64 only: run this there, or NATIVE=0" >&2
  exit 1
fi

# A tool package takes every file of its publish folder: an earlier publish's leftovers (symbols, say) must not ride along.
rm -rf src/AiEtl.Cli/bin/"$CONFIGURATION"/net10.0/any/publish src/AiEtl.Cli/bin/"$CONFIGURATION"/net10.0/linux-x64/publish
dotnet pack packages.slnf -c "$CONFIGURATION" -o "$OUT" "$@"
dotnet pack src/AiEtl.Cli -c "$CONFIGURATION" -r any -o "$OUT" "$@"
if [ "$NATIVE" = 1 ]; then
  dotnet pack src/AiEtl.Cli -c "$CONFIGURATION" -r linux-x64 -o "$OUT" "$@"
fi
