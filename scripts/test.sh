#!/usr/bin/env bash
# The test command: sets up what the tests need on a fresh Debian/Ubuntu machine, then
# runs every test. `.ci/run` runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# The aarch64 targets named in rust-toolchain.toml (firmware, hypervisor, nested VMM).
rustup target add aarch64-unknown-none aarch64-unknown-linux-musl >/dev/null

# QEMU is the reference for the differential tests.
if ! command -v qemu-system-aarch64 >/dev/null || ! command -v qemu-aarch64 >/dev/null; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq qemu-system-arm qemu-user device-tree-compiler python3 >/dev/null
fi

# Debian's stock arm64 kernel and busybox (downloaded and cached under images/, never
# committed) and the nested-guest VMM, for the Linux boot tests.
scripts/linux-image.sh >/dev/null
scripts/build-vmm.sh >/dev/null

cargo test --release --workspace "$@"
