#!/usr/bin/env bash
# Benchmark myelex on a synthetic corpus, in one run:
#   1. builds Release in build-bench (myelex and myelex_bench only);
#   2. generates ~MB megabytes (default 50) of synthetic cervical-spine
#      reports (cached in the build dir; same size and seed, same bytes);
#   3. times the in-process stages on one thread (myelex_bench run);
#   4. runs `myelex scan` with --threads 1 and --threads 2 and reports, for
#      each, wall time, MB/s (10^6 bytes of report text), reports/s and peak
#      RSS, then the 2-thread/1-thread throughput ratio.
#
# Usage: scripts/bench.sh [--mb N] [--seed S] [--skip-stages]
# Machines are noisy: compare ratios from one run, not absolute numbers
# across runs (see /work/shared/spec/performance.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build-bench}"
MB=50
SEED=1
STAGES=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mb) MB="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --skip-stages) STAGES=0; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
echo "== build (Release, $BUILD)"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
  -DMYELEX_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$BUILD" -j2 --target myelex_cli myelex_bench >/dev/null

MYELEX="$BUILD/myelex"
BENCH="$BUILD/myelex_bench"
LEXICONS="$ROOT/lexicons"

# ~1.9 KB of report text per report.
REPORTS=$(( MB * 1000000 / 1900 ))
CORPUS="$BUILD/bench_corpus_${REPORTS}_${SEED}.jsonl"
if [[ ! -s "$CORPUS" ]]; then
  echo "== generate $REPORTS reports (seed $SEED)"
  "$BENCH" generate --reports "$REPORTS" --seed "$SEED" > "$CORPUS.tmp"
  mv "$CORPUS.tmp" "$CORPUS"
fi

if [[ "$STAGES" == 1 ]]; then
  echo "== in-process stages (myelex_bench run, 1 thread)"
  "$BENCH" run --lexicons "$LEXICONS" "$CORPUS" 2>/dev/null
fi

echo "== myelex scan"
python3 - "$MYELEX" "$LEXICONS" "$CORPUS" <<'PY'
import json, os, re, subprocess, sys, time

myelex, lexicons, corpus = sys.argv[1:4]

# Report-text bytes and report count (what MB/s and reports/s are per).
text_bytes = reports = 0
with open(corpus, "rb") as f:
    for line in f:
        if line.strip():
            text_bytes += len(json.loads(line)["text"].encode("utf-8",
                                                            "surrogatepass"))
            reports += 1

gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None

def run(threads):
    cmd = [myelex, "scan", "--threads", str(threads), "--lexicons", lexicons,
           "-o", os.devnull, corpus]
    if gnu_time:
        start = time.monotonic()
        p = subprocess.run([gnu_time, "-v"] + cmd, stderr=subprocess.PIPE,
                           text=True)
        wall = time.monotonic() - start
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
        rss_kb = int(m.group(1)) if m else -1
        m = re.search(r"Percent of CPU this job got: (\d+)%", p.stderr)
        cpu = m.group(1) + "%" if m else "?"
    else:
        # Fallback: RUSAGE_CHILDREN gives the largest peak of the children
        # waited for so far (ru_maxrss is in KiB on Linux), so the 2-thread
        # figure is an upper bound when the 1-thread run peaked higher.
        import resource
        start = time.monotonic()
        p = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - start
        rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        cpu = "?"
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        sys.exit(f"bench.sh: myelex scan --threads {threads} failed "
                 f"(exit {p.returncode})")
    return wall, rss_kb, cpu

print(f"corpus: {reports} reports, {text_bytes / 1e6:.1f} MB of report text; "
      f"peak RSS via {'/usr/bin/time -v' if gnu_time else 'python resource'}")
results = {}
for threads in (1, 2):
    wall, rss_kb, cpu = run(threads)
    results[threads] = wall
    print(f"threads {threads}: {wall:7.2f} s  {text_bytes / 1e6 / wall:7.1f} "
          f"MB/s  {reports / wall:9.0f} reports/s  peak RSS "
          f"{rss_kb / 1024:7.1f} MiB  CPU {cpu}")
print(f"2-thread/1-thread throughput ratio: {results[1] / results[2]:.2f}x")
load = os.getloadavg()[0]
if load > 1.5:
    print(f"note: load average {load:.1f} on this machine; thread scaling is "
          f"not meaningful while other work competes for the cores")
PY
