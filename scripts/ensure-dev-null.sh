#!/usr/bin/env bash
# Makes sure /dev/null is the null device. Some fresh machines (container images that restore
# /dev from a tarball) come with /dev/null as a regular file: whatever one program writes to
# it, the next one reads back. The build breaks on that: rustix's build script writes a
# compiler warning into "/dev/null", and Cargo's next `rustc -` probe, whose standard input is
# /dev/null, reads that warning as Rust and fails with "failed to run `rustc` to learn about
# target-specific information" (docs/ci.md). Recreating the device needs root (or sudo).
set -euo pipefail
if [ -c /dev/null ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "ensure-dev-null: /dev/null is not the null device here ($(stat -c %F /dev/null)); recreating it"
if $sudo rm -f /dev/null && $sudo mknod -m 666 /dev/null c 1 3 && [ -c /dev/null ]; then
  exit 0
fi
echo "ensure-dev-null: could not recreate /dev/null (needs root and the right to make device" >&2
echo "    nodes); run 'rm -f /dev/null && mknod -m 666 /dev/null c 1 3' as root, or builds" >&2
echo "    read back what other programs threw away (docs/ci.md)" >&2
exit 1
