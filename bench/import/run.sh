#!/usr/bin/env bash
# `gongkai import` against `gongkai check` of the same files (docs/benchmarks.md, issue 10).
#
#   bench/import/run.sh [ROUNDS] [JOBS...]
#
#   GONGKAI=dll-or-binary   the CLI to time (default: the Release build, src/Gongkai.Cli/bin/Release/net10.0/gongkai.dll)
#   CORPUS=../shared/corpus the folder given to both commands
#   TRACE=1                 also run one traced import per --jobs value and print its phase table (not timed)
#
# Each round runs, for each --jobs value (default: 1 and the default of the commands, i.e. no --jobs), `check -q`
# and `import` into a fresh SQLite store file, in an order that alternates from round to round, and records wall and
# CPU (user + sys) with /usr/bin/time. It prints every run, then per --jobs value the median wall and CPU of each
# command and the ratios import ÷ check, with the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
shift || true
JOBS=("$@")
[ ${#JOBS[@]} -eq 0 ] && JOBS=(1 default)
CORPUS=${CORPUS:-../shared/corpus}
GONGKAI=${GONGKAI:-src/Gongkai.Cli/bin/Release/net10.0/gongkai.dll}
case $GONGKAI in *.dll) G=(dotnet "$GONGKAI");; *) G=("$GONGKAI");; esac
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # label jobs command...
  local label=$1 jobs=$2; shift 2
  local t
  /usr/bin/time -f '%e %U %S' "$@" >/dev/null 2>"$out/err" || true # check exits 1 when it finds 错误
  t=$(tail -1 "$out/err")
  read -r wall user sys <<<"$t"
  local cpu; cpu=$(echo "$user + $sys" | bc)
  printf '%-8s jobs=%-8s wall %7.2f s  cpu %7.2f s (user %.2f, sys %.2f)\n' "$label" "$jobs" "$wall" "$cpu" "$user" "$sys"
  echo "$label $jobs $wall $cpu" >>"$out/times"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  for j in "${JOBS[@]}"; do
    opt=(); [ "$j" != default ] && opt=(--jobs "$j")
    order=(check import); ((r % 2 == 0)) && order=(import check)
    for c in "${order[@]}"; do
      if [ $c = check ]; then
        run check "$j" "${G[@]}" check -q "${opt[@]}" "$CORPUS"
      else
        rm -f "$out/s.db" "$out/s.db-wal" "$out/s.db-shm"
        run import "$j" "${G[@]}" import "${opt[@]}" --store "$out/s.db" "$CORPUS"
      fi
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
printf '%-8s %10s %10s %10s %10s %8s %8s\n' jobs "check wall" "check cpu" "imp. wall" "imp. cpu" "wall ×" "cpu ×"
for j in "${JOBS[@]}"; do
  cw=$(awk -v j="$j" '$1=="check" && $2==j {print $3}' "$out/times" | median)
  cc=$(awk -v j="$j" '$1=="check" && $2==j {print $4}' "$out/times" | median)
  iw=$(awk -v j="$j" '$1=="import" && $2==j {print $3}' "$out/times" | median)
  ic=$(awk -v j="$j" '$1=="import" && $2==j {print $4}' "$out/times" | median)
  printf '%-8s %10.2f %10.2f %10.2f %10.2f %8.2f %8.2f\n' "$j" "$cw" "$cc" "$iw" "$ic" "$(echo "$iw / $cw" | bc -l)" "$(echo "$ic / $cc" | bc -l)"
done
if [ -n "${TRACE:-}" ]; then
  for j in "${JOBS[@]}"; do
    opt=(); [ "$j" != default ] && opt=(--jobs "$j")
    rm -f "$out/s.db" "$out/s.db-wal" "$out/s.db-shm"
    echo; echo "traced import, jobs=$j:"
    GONGKAI_TRACE=1 "${G[@]}" import "${opt[@]}" --store "$out/s.db" "$CORPUS" 2>&1 >/dev/null | sed -n '/^phase/,$p'
  done
fi
