#!/usr/bin/env bash
# The whole test suite, from a fresh clone: restores, builds and runs every test project, then runs the
# parsing tests again with SIMD off so the scalar fallbacks are exercised too. Needs only the .NET SDK
# (and ../shared/datasets beside the repository for the tests on real public data).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build ShopLens.slnx -c Release -warnaserror 2>&1 | tail -n 3
status=0
dotnet test ShopLens.slnx -c Release --no-build 2>&1 | tee "$log" || status=$?
DOTNET_EnableHWIntrinsic=0 dotnet test tests/ShopLens.Core.Tests -c Release --no-build \
  --filter "FullyQualifiedName~Import.Reading|FullyQualifiedName~Parsing" 2>&1 | tee -a "$log" || status=$?
# The k-means distance kernel has a SIMD path and a scalar one: run the clustering tests on the scalar one too.
DOTNET_EnableHWIntrinsic=0 dotnet test tests/ShopLens.Learning.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=$?

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
[ "$passed" -gt 0 ] || { echo "no tests ran" >&2; exit 1; }
exit $status
