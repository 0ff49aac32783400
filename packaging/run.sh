#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets up, builds (release) and launches QuantLens. Arguments go to the app, e.g. a model to open.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target quantlens quantlens-cli
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting QuantLens on a virtual one (xvfb-run)" >&2
  exec xvfb-run -a build/release/app/quantlens "$@"
fi
exec build/release/app/quantlens "$@"
