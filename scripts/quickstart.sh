#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 machine and runs the main job:
# installs missing packages, builds in Release, scans the sample reports.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DMYELEX_BUILD_TESTS=OFF
cmake --build build/release -j"$(nproc)" --target myelex_cli
mkdir -p out
build/release/myelex scan corpus/sample -o out/sample.jsonl
echo "quickstart: results in out/sample.jsonl"
