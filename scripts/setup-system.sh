#!/usr/bin/env bash
# Installs the system libraries relmodel links against (LAPACK and BLAS; SQLite for the limit registry), if missing.
# As root it installs them directly; otherwise it prints the exact command to run and fails.
set -euo pipefail
need=()
for pkg in liblapack-dev libblas-dev libsqlite3-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then
    echo "installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
else
    echo "relmodel needs: ${need[*]}. Run:" >&2
    echo "  sudo apt-get install -y ${need[*]}" >&2
    exit 1
fi
