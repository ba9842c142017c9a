#!/usr/bin/env bash
# Installs Debian's fonts-noto-core for the system-font tests (tests/system_fonts.rs and the
# outside crate), unless it is there. Where it cannot be installed (no apt-get, no root, no
# network) it says so and prints the export that lets those tests skip with that reason; .ci/run
# evaluates this script's output.
set -uo pipefail
if [ -f /usr/share/fonts/truetype/noto/NotoSerifHebrew-Regular.ttf ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
sudo=""
if [ "$(id -u)" != 0 ] && command -v sudo > /dev/null; then sudo="sudo -n"; fi
if { $sudo apt-get install -y -q fonts-noto-core || { $sudo apt-get update -q && $sudo apt-get install -y -q fonts-noto-core; }; } >&2 \
  && [ -f /usr/share/fonts/truetype/noto/NotoSerifHebrew-Regular.ttf ]; then
  echo "install_fonts: fonts-noto-core installed" >&2
else
  echo "install_fonts: could not install fonts-noto-core here" >&2
  echo "export SHRIFT_SKIP_SYSTEM_FONTS='apt-get could not install fonts-noto-core on this machine'"
fi
