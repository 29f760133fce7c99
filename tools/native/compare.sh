#!/usr/bin/env bash
# The native build (src/Gongkai.Cli.Native, Native AOT) must say exactly what the full CLI says: publishes it and
# compares, file by file, the output of check (json and text), read (json) and rules with those of
# `dotnet src/Gongkai.Cli/bin/Release/net10.0/gongkai.dll` (built before, e.g. by `dotnet build Gongkai.slnx -c Release`).
#
#   tools/native/compare.sh [OUT_DIR]        # default: a temporary folder; exit 1 on any difference
#
# Needs clang (or gcc) and zlib1g-dev to link: apt-get install clang lld zlib1g-dev.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-$(mktemp -d)}
dll=${JIT_DLL:-src/Gongkai.Cli/bin/Release/net10.0/gongkai.dll}
jit="dotnet $dll"
[ -f "$dll" ] || { echo "build the CLI first: dotnet build src/Gongkai.Cli -c Release" >&2; exit 2; }
start=$(date +%s)
dotnet publish src/Gongkai.Cli.Native -c Release -r linux-x64 -o "$out/native" 2>&1 | grep -E "error|warning IL|->" || true
native="$out/native/gongkai"
[ -x "$native" ] || { echo "native publish failed" >&2; exit 1; }
echo "native publish: $(( $(date +%s) - start )) s, $(du -h "$native" | cut -f1)"

inputs=(samples/demo-budget-2025.md samples/demo-budget-2024.md)
# Word, Excel and HTML inputs: the sample data compiled by the full CLI (the native build has no compile)
$jit compile samples/compile-budget-2025.json -o "$out/pkg" --format docx,xlsx,html >/dev/null
inputs+=("$out"/pkg/*)
# Word 97-2003 (.doc) inputs: the committed fixtures (made with LibreOffice, see their README)
inputs+=(tests/Gongkai.Tests/Office/Data/*.doc)
# legacy Excel (.xls): the committed fixtures (the product cannot write .xls; see the fixtures' make script)
inputs+=(tests/Gongkai.Tests/Office/Fixtures/*.xls)
for f in ../shared/samples/pdf/*.pdf ../shared/seeds/*.txt; do [ -f "$f" ] && inputs+=("$f"); done
diffs=0
compare() { # label, args...
  local label=$1; shift
  $jit "$@" >"$out/jit.out" 2>"$out/jit.err" && a=0 || a=$?
  "$native" "$@" >"$out/native.out" 2>"$out/native.err" && b=0 || b=$?
  if [ "$a" != "$b" ] || ! cmp -s "$out/jit.out" "$out/native.out" || ! cmp -s "$out/jit.err" "$out/native.err"; then
    echo "DIFFERENT: $label (exit $a vs $b)"; diff "$out/jit.out" "$out/native.out" | head -5 || true
    diff "$out/jit.err" "$out/native.err" | head -5 || true
    diffs=$((diffs + 1))
  fi
}
for f in "${inputs[@]}"; do
  compare "check json $f" check "$f" --format json
  compare "check text $f" check "$f"
  compare "read json $f" read "$f" --format json
done
compare "check batch" check -q "${inputs[@]}" --format json
# the HTML report file itself (written into two folders, compared byte for byte)
$jit check samples/demo-budget-2025.md --format html --out "$out/html-jit" >/dev/null || true
"$native" check samples/demo-budget-2025.md --format html --out "$out/html-native" >/dev/null || true
cmp -s "$out"/html-jit/*.html "$out"/html-native/*.html || { echo "DIFFERENT: html report"; diffs=$((diffs + 1)); }
compare "rules" rules
compare "rules GK402" rules GK402
compare "version" --version
echo "native vs full CLI: ${#inputs[@]} files, $diffs difference(s)"
[ "$diffs" -eq 0 ]
