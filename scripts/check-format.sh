#!/usr/bin/env bash
# Fails if any tracked C++ file is not clang-formatted (Google base, see
# .clang-format). Usage: scripts/check-format.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bad=$(git ls-files '*.cc' '*.h' | xargs clang-format --dry-run 2>&1 |
  grep -o '^[^:]*:[0-9]*:[0-9]*: warning' | cut -d: -f1 | sort -u || true)
if [[ -n $bad ]]; then
  echo "check-format: not clang-formatted (run clang-format -i):" >&2
  echo "$bad" >&2
  exit 1
fi
echo "check-format: all files formatted"
