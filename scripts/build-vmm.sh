#!/usr/bin/env bash
# Build the nested-guest VMM (vmm/: its own Cargo workspace, aarch64-unknown-linux-musl,
# static, linked by rust-lld; see vmm/.cargo/config.toml), stage it and its test wrappers in
# images/payload/ (copied to /root of the test initramfs), and rebuild the initramfs.
#
#   scripts/build-vmm.sh           -> images/payload/{el2emu-vmm,test-nested-baremetal}
#   scripts/build-vmm.sh --linux   -> also images/payload/l2/{vmlinuz.gz,initramfs.cpio.gz}
#                                     and test-nested-linux (adds ~12 MB to the initramfs;
#                                     the L1 guest then needs -m 512M or more)
set -euo pipefail
cd "$(dirname "$0")/.."
LINUX=0
for a in "$@"; do
    case "$a" in
        --linux) LINUX=1 ;;
        *) echo "usage: $0 [--linux]" >&2; exit 2 ;;
    esac
done

(cd vmm && cargo build --release --locked)
BIN=vmm/target/aarch64-unknown-linux-musl/release/el2emu-vmm

# The kernel and busybox come from linux-image.sh's cache.
[ -f images/vmlinuz ] && ls images/debs/busybox-static_*.deb >/dev/null 2>&1 || scripts/linux-image.sh

P=images/payload
mkdir -p "$P"
rm -rf "$P/l2" "$P/test-nested-linux"
install -m 755 "$BIN" "$P/el2emu-vmm"
install -m 755 vmm/payload/test-nested-baremetal "$P/test-nested-baremetal"

if [ "$LINUX" = 1 ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    dpkg-deb -x "$(ls images/debs/busybox-static_*.deb | head -1)" "$WORK/busybox"
    ROOT="$WORK/root"
    mkdir -p "$ROOT"/{bin,proc,sys,dev}
    install -m 755 "$WORK/busybox/bin/busybox" "$ROOT/bin/busybox"
    install -m 755 scripts/initramfs/l2-init "$ROOT/init"
    mkdir -p "$P/l2"
    python3 scripts/mkinitramfs.py "$ROOT" "$P/l2/initramfs.cpio.gz"
    # Debian's arm64 vmlinuz may be a raw Image; the VMM takes raw or gzip, and a gzip'd
    # copy keeps the L1 initramfs (a RAM filesystem) small.
    if [ "$(head -c2 images/vmlinuz | od -An -tx1 | tr -d ' ')" = 1f8b ]; then
        cp images/vmlinuz "$P/l2/vmlinuz.gz"
    else
        gzip -9 -n -c images/vmlinuz > "$P/l2/vmlinuz.gz"
    fi
    install -m 755 vmm/payload/test-nested-linux "$P/test-nested-linux"
fi

scripts/linux-image.sh
ls -l "$P" "$P"/l2 2>/dev/null || true
