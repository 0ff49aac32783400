#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian package QuantLens needs to build, test and run.
# Idempotent: installs only what is missing, and refreshes the package lists
# only when something has to be installed.
set -euo pipefail

packages=(
  # toolchain
  g++ clang cmake ninja-build pkg-config ccache
  libclang-rt-14-dev            # libFuzzer and the sanitizer runtimes for clang
  # libraries
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins
  libqcustomplot-dev libgraphviz-dev libflatbuffers-dev flatbuffers-compiler libeigen3-dev zlib1g-dev
  # run time: fonts (without one Qt draws boxes; WenQuanYi for Chinese), Qt's own translations, a virtual X
  # server for headless GUI runs
  fonts-dejavu-core fonts-wqy-microhei xvfb xauth qt6-translations-l10n
  # packaging (cpack's shlibdeps needs file and dpkg-shlibdeps) and validating the desktop integration
  file dpkg-dev desktop-file-utils appstream
  # a German locale: tests check that numbers in options and files do not follow the user's locale
  locales
  # data
  dataset-fashion-mnist
  # an independent numpy evaluation in the tests (tests/exec/lstm_reference.py)
  python3 python3-numpy
  # the report test renders the PDF report to count its pages (pdftoppm)
  poppler-utils
  # the cluster recipe's test starts a private single-node Slurm cluster (tests/cluster/slurm_test.sh); the
  # Kubernetes manifests are read with PyYAML (tests/cluster/kubernetes_test.py)
  slurm-wlm munge python3-yaml
  # reference runtime (../shared/tools/litert-run) needs Node.js >= 18 and npm
  nodejs npm
)

missing=()
for p in "${packages[@]}"; do
  case "$p" in
    nodejs|npm) command -v "${p/nodejs/node}" >/dev/null 2>&1 && continue ;;
  esac
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present" >&2
fi

if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: generating the de_DE.UTF-8 locale" >&2
  $sudo sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >/dev/null
fi
