#!/usr/bin/env bash
# The longer test (not in CI's time budget): Debian Linux on el2emu at EL2 with KVM runs
# the project's VMM, which boots the same Debian kernel as an L2 guest through /dev/kvm
# with a VMM-emulated PL011 and the in-kernel vGICv3; L2 prints a marker and powers off.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add aarch64-unknown-linux-musl >/dev/null
scripts/build-vmm.sh --linux >/dev/null
cargo build --release
OUT=$(mktemp)
trap 'rm -f "$OUT"; scripts/build-vmm.sh >/dev/null' EXIT
timeout 3600 ./target/release/el2emu -M virt,virtualization=on,gic-version=3 -cpu max -m 1G \
    -nographic -no-reboot -kernel images/vmlinuz -initrd images/initramfs.cpio.gz \
    -append "console=ttyAMA0 el2emu.test" | tee "$OUT"
grep -q "el2emu-l2: hello from nested guest" "$OUT"
grep -q "nested-linux: L2 Linux booted and powered off: PASS" "$OUT"
echo "nested Linux: PASS"
