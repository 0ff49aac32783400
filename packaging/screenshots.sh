#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders a screenshot of every view from a real run of the release build under Xvfb, into docs/screenshots/
# (used by the README): the bundled demo model and its Fashion-MNIST sample; Compare after evaluating every
# mode, Side by side after a run, Train after a short training on Fashion-MNIST; the main window in German
# and in Chinese. Regenerate them when the GUI changes. Usage: packaging/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
bash packaging/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target quantlens
mkdir -p "$out"
shot() { # NAME VIEW [LANGUAGE]
  local lang=${3:-en}
  # A fresh settings folder each time: screenshots show the defaults, not this machine's choices.
  local home
  home=$(mktemp -d)
  XDG_CONFIG_HOME=$home LANGUAGE= LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb timeout 300 \
    xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
    build/release/app/quantlens --view "$2" --language "$lang" --screenshot "$out/$1.png"
  rm -rf "$home"
}
for view in weights errors compare side-by-side train; do
  shot "$view" "$view"
done
shot main-de weights de
shot main-zh_CN weights zh_CN
ls -l "$out"
