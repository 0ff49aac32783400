#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders a screenshot of every view from a real run of the release build under Xvfb, into docs/screenshots/
# (used by the README): the bundled demo model and its Fashion-MNIST sample; Compare after evaluating every
# mode, Side by side after a run, Train after a short training on Fashion-MNIST; the Graph view of the VWW
# MobileNet (../shared/models) and the Diff view of the converter's VWW int8 against QuantLens' own int8
# export of the float twin; the main window in German and in Chinese. Regenerate them when the GUI changes.
# Usage: packaging/screenshots.sh [OUTPUT_DIR]   (QL_BUILD=build/dev uses an existing build tree instead)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
bash packaging/setup.sh
build=${QL_BUILD:-build/release}
if [ -z "${QL_BUILD:-}" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target quantlens quantlens-cli
fi
mkdir -p "$out"
models=../shared/models
shot() { # NAME VIEW [LANGUAGE [MODEL [OPTIONS...]]]; SCREEN=WxH and SCALE=F (Qt's scale factor) may be set
  local name=$1 view=$2 lang=${3:-en}
  shift 3 2>/dev/null || shift $#
  # A fresh settings folder each time: screenshots show the defaults, not this machine's choices.
  local home
  home=$(mktemp -d)
  XDG_CONFIG_HOME=$home LANGUAGE= LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=${SCALE:-1} timeout 300 \
    xvfb-run -a -s "-screen 0 ${SCREEN:-1600x1000}x24 -dpi 96" \
    "$build/app/quantlens" "$@" --view "$view" --language "$lang" --screenshot "$out/$name.png"
  rm -rf "$home"
}
for view in weights errors compare side-by-side train; do
  shot "$view" "$view"
done
shot graph graph en "$models/vww_mobilenet_v1_025_96_float32.tflite"
# QuantLens' own int8 export of the float VWW model (8 seeded random calibration images) against the converter's.
tmp=$(mktemp -d)
/usr/bin/python3 -c "import numpy as np; np.save('$tmp/cal.npy', np.random.default_rng(1).random((8, 96, 96, 3), dtype=np.float32))"
"$build/app/quantlens-cli" quantize "$models/vww_mobilenet_v1_025_96_float32.tflite" --mode int8 \
  --calibration-data "$tmp/cal.npy" -o "$tmp/vww_own_int8.tflite" >/dev/null
shot diff diff en "$models/vww_mobilenet_v1_025_96_int8.tflite" --compare "$tmp/vww_own_int8.tflite"
rm -rf "$tmp"
# A 1280 x 800 laptop or projector, and the same at 1.5x (larger text for a classroom) on a 1920 x 1200 screen.
SCREEN=1280x800 shot small-1280x800 errors en
SCREEN=1920x1200 SCALE=1.5 shot scaled-1.5x weights en
shot main-de weights de
shot main-zh_CN weights zh_CN
ls -l "$out"
