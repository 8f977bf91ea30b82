#!/usr/bin/env bash
# Builds myelex with its tests and runs the whole suite through CTest.
# Environment: MYELEX_WERROR=ON turns warnings into errors (CI);
# MYELEX_SANITIZE=ON builds with AddressSanitizer + UBSan in build/asan.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
werror=${MYELEX_WERROR:-OFF}
if [[ ${MYELEX_SANITIZE:-OFF} == ON ]]; then
  dir=build/asan
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMYELEX_SANITIZE=ON \
    -DMYELEX_WERROR="$werror" -DMYELEX_BUILD_BENCH=OFF
else
  dir=build/test
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DMYELEX_WERROR="$werror"
fi
cmake --build "$dir" -j"$(nproc)"
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
