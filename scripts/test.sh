#!/usr/bin/env bash
# The whole test suite, from a fresh clone: restores, builds and runs every test project, then runs the
# parsing tests again with SIMD off so the scalar fallbacks are exercised too. Needs the .NET SDK, Node.js 20.19+
# with npm (the server's build runs `npm ci` and `npm run build` for its dashboard), Debian's chromium for the
# dashboard's browser test (installed below when missing), and ../shared/datasets beside the repository for the
# tests on real public data.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The dashboard's browser test drives Debian's chromium (never a downloaded browser); a CJK font lets its
# screenshots show the Chinese labels.
if ! command -v chromium >/dev/null; then
  as_root=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then as_root=(sudo); fi
  ("${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
    || echo "could not install chromium: the browser test fails where CI is set, and is skipped elsewhere" >&2
fi

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
