#!/usr/bin/env bash
# Installs the Debian packages the tests use: Chromium for the real-browser tests (Playwright
# drives it; it never downloads a browser build of its own) and exiftool, the reference the
# image-metadata tests compare against. Needs root or sudo; safe to run twice.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/exiftool ]; then
  echo "already installed: $(/usr/bin/chromium --version 2>/dev/null || true), exiftool $(/usr/bin/exiftool -ver)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core poppler-utils \
  libimage-exiftool-perl >/dev/null
echo "installed: $(/usr/bin/chromium --version)"
