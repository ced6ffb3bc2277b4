#!/usr/bin/env bash
# Installs Debian's Chromium for the real-browser tests (Playwright drives it; it never
# downloads a browser build of its own). Needs root or sudo; safe to run twice.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core poppler-utils >/dev/null
echo "installed: $(/usr/bin/chromium --version)"
