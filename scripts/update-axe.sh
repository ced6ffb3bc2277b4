#!/usr/bin/env bash
# Replaces the vendored axe-core (tests/data/axe/axe.min.js, used only by the real-browser
# accessibility tests) with VERSION from the npm registry: scripts/update-axe.sh 4.14.1
set -euo pipefail
VERSION="${1:?usage: scripts/update-axe.sh VERSION}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "axe-core@$VERSION" >/dev/null && tar xzf "axe-core-$VERSION.tgz")
cp "$WORK/package/axe.min.js" "$WORK/package/LICENSE" "$ROOT/tests/data/axe/"
sed -i "s/axe-core [0-9.]* from/axe-core $VERSION from/; s/axe-core@[0-9.]*/axe-core@$VERSION/" "$ROOT/tests/data/axe/README.md"
echo "tests/data/axe/axe.min.js is now axe-core $VERSION"
