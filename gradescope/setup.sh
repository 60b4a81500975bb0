#!/usr/bin/env bash
# Gradescope image setup: run once, as root, when the autograder image is built (Ubuntu 22.04).
# Installs Node.js 20 (the official build, checked against its published SHA-256) unless a Node >= 20 is
# already there, then chainrule from the package bundled beside this script (make-autograder.sh puts
# chainrule-*.tgz there), or, failing that, from a bundled copy of the source tree (./chainrule/).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
NODE_MAJOR=20

node_ok() {
  command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge "$NODE_MAJOR" ]
}

if ! node_ok; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates curl xz-utils
  case "$(dpkg --print-architecture)" in
    amd64) arch=x64 ;;
    arm64) arch=arm64 ;;
    *) echo "setup.sh: unsupported architecture $(dpkg --print-architecture)" >&2; exit 1 ;;
  esac
  base="https://nodejs.org/dist/latest-v${NODE_MAJOR}.x"
  tmp="$(mktemp -d)"
  curl -fsSL "$base/SHASUMS256.txt" -o "$tmp/SHASUMS256.txt"
  tarball="$(awk -v want="linux-${arch}.tar.xz" '$2 ~ want"$" { print $2 }' "$tmp/SHASUMS256.txt")"
  curl -fsSL "$base/$tarball" -o "$tmp/$tarball"
  (cd "$tmp" && grep " ${tarball}\$" SHASUMS256.txt | sha256sum -c -)
  tar -xJf "$tmp/$tarball" -C /usr/local --strip-components=1
  rm -rf "$tmp"
fi
node_ok

package="$(ls "$HERE"/chainrule-*.tgz 2>/dev/null | head -n 1 || true)"
if [ -n "$package" ]; then
  npm install --global --omit=dev --no-audit --no-fund "$package"
elif [ -f "$HERE/chainrule/package.json" ]; then
  (cd "$HERE/chainrule" && npm ci --no-audit --no-fund && npm run build && npm install --global --no-audit --no-fund .)
else
  echo "setup.sh: no chainrule-*.tgz and no chainrule/ source beside this script" >&2
  exit 1
fi
chainrule --help >/dev/null
echo "setup.sh: $(node --version), chainrule installed"
