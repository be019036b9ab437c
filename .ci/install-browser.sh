#!/usr/bin/env bash
# Installs the browser that sample-web's end-to-end test drives: Debian's chromium and its
# chromedriver (/usr/bin/chromium, /usr/bin/chromedriver), and a font so that screenshots are
# readable. Only the distribution's packages are used; no browser build is downloaded. Does nothing
# when both programs are there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "Browser: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "install-browser: not root and no sudo; install chromium and chromium-driver by hand" >&2
    exit 1
  fi
fi

install() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium chromium-driver fonts-liberation
}
# The package lists may be missing or old on a fresh machine: update them and try once more.
if ! install; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
  install
fi

/usr/bin/chromium --version
/usr/bin/chromedriver --version
