#!/usr/bin/env bash
# Whole-process timings of the CLI as shipped, side by side with `pdftotext -layout` (docs/benchmarks.md, issue 12).
#
#   bench/startup/run.sh [ROUNDS] [CORPUS_ROUNDS]
#
# Builds are given by variables (skip one by leaving it empty):
#   NATIVE=dist/native/gongkai   dotnet publish src/Gongkai.Cli.Native -c Release -r linux-x64 -o dist/native
#   SINGLE=dist/linux-x64/gongkai dotnet publish src/Gongkai.Cli -c Release -r linux-x64 -p:SingleFile=true -o dist/linux-x64
#   SHARED=../shared              the shared folder (samples/pdf, corpus)
# Each round runs every command once, in an order rotated from round to round (so that a burst of load on the shared
# machine does not fall on one command), and records wall and CPU (user + sys) time with /usr/bin/time. It prints
# the minimum and the median of each, the ratio to pdftotext, the load average before and after, and the
# single-process figure: the native CLI given the same files N times in one process, (time of N − time of 1) ÷ (N − 1).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
CORPUS_ROUNDS=${2:-2}
SHARED=${SHARED:-../shared}
NATIVE=${NATIVE-dist/native/gongkai}
SINGLE=${SINGLE-dist/linux-x64/gongkai}
PDFS=("$SHARED"/samples/pdf/*.pdf)
ONE="$SHARED/samples/pdf/shanghai-putuo-finance-bureau-2024-final.pdf"
CORPUS=("$SHARED"/corpus/*.pdf)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

pdftotext_all() { for f in "$@"; do pdftotext -layout "$f" - >/dev/null 2>&1; done; }
export -f pdftotext_all

# name|command…  (the command's exit code is ignored: check exits 1 when it finds 错误)
declare -a jobs=()
add() { jobs+=("$1"); }
for work in five one corpus; do
  case $work in
    five) files=("${PDFS[@]}");;
    one) files=("$ONE");;
    corpus) files=("${CORPUS[@]}");;
  esac
  add "$work|pdftotext|bash -c 'pdftotext_all \"\$@\"' _ $(printf '%q ' "${files[@]}")"
  [ -n "$SINGLE" ] && add "$work|single file|$SINGLE check -q $(printf '%q ' "${files[@]}")"
  [ -n "$NATIVE" ] && add "$work|native|$NATIVE check -q $(printf '%q ' "${files[@]}")"
done

run() { # work name cmd
  local t
  t=$( { /usr/bin/time -f '%e %U %S' bash -c "$3 >/dev/null 2>&1" || true; } 2>&1 | tail -1)
  echo "$1|$2|$t" >>"$out/times"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
n=${#jobs[@]}
for ((r = 0; r < ROUNDS; r++)); do
  for ((k = 0; k < n; k++)); do
    IFS='|' read -r work name cmd <<<"${jobs[$(((k + r) % n))]}"
    if [ "$work" = corpus ] && [ "$r" -ge "$CORPUS_ROUNDS" ]; then continue; fi
    run "$work" "$name" "$cmd"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out/times" <<'PY'
import sys, statistics as st
rows = {}
for line in open(sys.argv[1]):
    work, name, t = line.rstrip("\n").split("|")
    e, u, s = map(float, t.split())
    rows.setdefault((work, name), []).append((e, u + s))
print("| work | build | runs | wall min | wall median | CPU min | CPU median | ratio (wall min) | ratio (CPU min) |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for work in ["five", "one", "corpus"]:
    base = rows.get((work, "pdftotext"))
    for (w, name), v in rows.items():
        if w != work: continue
        walls = [x[0] for x in v]; cpus = [x[1] for x in v]
        rw = min(walls) / min(x[0] for x in base) if base else float("nan")
        rc = min(cpus) / max(min(x[1] for x in base), 0.01) if base else float("nan")
        print(f"| {work} | {name} | {len(v)} | {min(walls):.3f} s | {st.median(walls):.3f} s | {min(cpus):.2f} s | {st.median(cpus):.2f} s | {rw:.2f}× | {rc:.2f}× |")
PY

if [ -n "$NATIVE" ]; then
  echo
  echo "single process (native, the same files N times in one run; one more pass = (t_N − t_1) ÷ (N − 1)):"
  # prints "wall cpu" of one process
  one_pass() { { /usr/bin/time -f '%e %U %S' "$NATIVE" check -q "$@" >/dev/null || true; } 2>&1 | tail -1 | awk '{print $1, $2 + $3}'; }
  for spec in "five:5" "one:6"; do
    work=${spec%%:*}; N=${spec##*:}
    if [ "$work" = five ]; then files=("${PDFS[@]}"); else files=("$ONE"); fi
    many=(); for ((i = 0; i < N; i++)); do many+=("${files[@]}"); done
    read -r w1 c1 <<<"$(one_pass "${files[@]}")"; read -r wn cn <<<"$(one_pass "${many[@]}")"
    python3 -c "print(f'  $work: 1 pass {$w1:.3f} s wall {$c1:.2f} s CPU; $N passes {$wn:.3f} s wall {$cn:.2f} s CPU; one more pass {($wn-$w1)/($N-1):.3f} s wall, {($cn-$c1)/($N-1):.3f} s CPU')"
  done
fi
