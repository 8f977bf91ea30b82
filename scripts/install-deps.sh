#!/usr/bin/env bash
# Installs the Debian 12 packages myelex needs to build and test, if missing.
set -euo pipefail

PACKAGES=(
  g++ cmake make pkg-config python3
  libre2-dev libicu-dev libboost-program-options-dev
  libgtest-dev libgmock-dev
  libsimdjson-dev rapidjson-dev libarchive-dev libsqlite3-dev libcsv-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
