#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package and the .tar.gz (CPack, preset "package") into build/package/.
# With --check: also validates the desktop file and the AppStream metainfo, installs the .deb with apt,
# runs the installed quantlens-cli on a shared model and the installed GUI under Xvfb, and removes the
# package again (what CI does; needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup.sh
cmake --preset package >/dev/null
cmake --build --preset package
rm -f build/package/quantlens_*.deb build/package/quantlens-*.tar.gz # one version's files only
(cd build/package && cpack -G "DEB;TGZ" >/dev/null)
deb=$(ls build/package/quantlens_*.deb)
# shlibdeps found the libraries (without dpkg-shlibdeps cpack would silently leave them out).
dpkg-deb --field "$deb" Depends | grep -q libqt6core6 || { echo "package: no library dependencies" >&2; exit 1; }
echo "package: $deb and $(ls build/package/quantlens-*.tar.gz)"
[ "${1:-}" = "--check" ] || exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
desktop-file-validate packaging/linux/io.github.quantlens.QuantLens.desktop
appstreamcli validate --no-net packaging/linux/io.github.quantlens.QuantLens.metainfo.xml
dpkg-deb --field "$deb" Package Version Depends Recommends

# A previous run's copy goes first, so what is tested is this build (this replaces an installed QuantLens).
$sudo apt-get remove -y -qq quantlens >/dev/null 2>&1 || true
trap '$sudo apt-get remove -y -qq quantlens >/dev/null 2>&1 || true' EXIT
$sudo apt-get install -y -qq "./$deb" >/dev/null
model=../shared/models/mobilenet_v1_025_224_uint8.tflite
echo "== installed quantlens-cli"
/usr/bin/quantlens-cli info "$model" | sed -n 1,5p
/usr/bin/quantlens-cli info "$model" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["operators"], d'
for f in /usr/share/applications/io.github.quantlens.QuantLens.desktop \
         /usr/share/metainfo/io.github.quantlens.QuantLens.metainfo.xml \
         /usr/share/mime/packages/quantlens.xml \
         /usr/share/icons/hicolor/scalable/apps/io.github.quantlens.QuantLens.svg \
         /usr/share/icons/hicolor/48x48/apps/io.github.quantlens.QuantLens.png \
         /usr/share/man/man1/quantlens-cli.1.gz; do
  [ -s "$f" ] || { echo "package: $f is missing" >&2; exit 1; }
done
# The MIME database knows .tflite files (update-mime-database ran from the dpkg trigger).
if command -v xdg-mime >/dev/null; then xdg-mime query filetype "$model"; fi
grep -q 'application/x-tflite' /usr/share/mime/globs2 || { echo "package: MIME type not registered" >&2; exit 1; }
echo "== installed GUI under Xvfb"
shot=$(mktemp --suffix=.png)
shown=$(QT_QPA_PLATFORM=xcb timeout 120 xvfb-run -a -s "-screen 0 1600x1000x24" /usr/bin/quantlens "$model" \
  --screenshot "$shot" 2>/dev/null)
echo "$shown"
# The window is titled with the model and lists its 31 operators (the histogram is in the screenshot).
grep -q 'window "mobilenet_v1_025_224_uint8.tflite — QuantLens": 31 layers, saved' <<<"$shown" \
  || { echo "package: the installed GUI did not show the model" >&2; exit 1; }
python3 - "$shot" <<'PY'
import struct, sys
with open(sys.argv[1], "rb") as f:
    head = f.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", head[16:24])
assert w >= 800 and h >= 500, (w, h)
print(f"installed GUI showed the model: {w}x{h} screenshot")
PY
rm -f "$shot"
$sudo apt-get remove -y -qq quantlens >/dev/null
trap - EXIT
[ ! -e /usr/bin/quantlens ] || { echo "package: quantlens still installed after removal" >&2; exit 1; }
echo "package: installed, ran and removed cleanly"
