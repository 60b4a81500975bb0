#!/usr/bin/env bash
# Builds the zip to upload to Gradescope ("Zip the files, not the enclosing folder"): setup.sh,
# run_autograder, the assignment (as assignment.cr) and chainrule's npm package, built from this tree.
# Usage: gradescope/make-autograder.sh ASSIGNMENT.cr [OUT.zip]   (default OUT: autograder.zip)
set -euo pipefail
if [ $# -lt 1 ]; then echo "usage: $0 ASSIGNMENT.cr [OUT.zip]" >&2; exit 2; fi
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
assignment="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$(cd "$(dirname "${2:-autograder.zip}")" && pwd)/$(basename "${2:-autograder.zip}")"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

# Built once here; `npm pack` would otherwise build again through the `prepare` script.
(cd "$repo" && npm run build >/dev/null && npm pack --silent --ignore-scripts --pack-destination "$stage" >/dev/null)
# The assignment must load before it is shipped: a broken one would fail every student.
mkdir "$stage/.empty"
# An empty submission is not graded (exit 1); an assignment with errors exits 2, and they are printed.
status=0
node "$repo/dist/bin/chainrule.js" grade "$assignment" "$stage/.empty" --out "$stage/.check" --format json --jobs 1 >/dev/null || status=$?
if [ "$status" -ge 2 ]; then exit "$status"; fi
rm -rf "$stage/.empty" "$stage/.check"
cp "$here/setup.sh" "$here/run_autograder" "$stage/"
cp "$assignment" "$stage/assignment.cr"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
rm -f "$out"
(cd "$stage" && zip -q -r "$out" setup.sh run_autograder assignment.cr chainrule-*.tgz)
echo "$out"
