#!/usr/bin/env bash
# Fetch Debian bookworm's stock arm64 kernel and busybox (unmodified, never committed),
# cache them under images/, and build an initramfs with busybox and the project's /init.
#
#   scripts/linux-image.sh            -> images/vmlinuz, images/initramfs.cpio.gz
#
# Needs root (or sudo) for `dpkg --add-architecture arm64` and `apt-get update` once.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=images
CACHE="$OUT/debs"
mkdir -p "$CACHE"

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $SUDO dpkg --add-architecture arm64
    $SUDO apt-get update -qq
fi

# The kernel package the linux-image-arm64 metapackage points at.
KPKG=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
if [ -z "$KPKG" ]; then
    $SUDO apt-get update -qq
    KPKG=$(apt-cache depends linux-image-arm64:arm64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
fi
[ -n "$KPKG" ] || { echo "linux-image-arm64:arm64 not found in the apt sources" >&2; exit 1; }

fetch() {
    local pkg=$1
    if ! ls "$CACHE"/"${pkg%%:*}"_*.deb >/dev/null 2>&1; then
        (cd "$CACHE" && apt-get download -q "$pkg" 2>&1 | grep -v "^W: Download is performed unsandboxed" >&2 || true)
    fi
    ls "$CACHE"/"${pkg%%:*}"_*.deb | head -1
}

KDEB=$(fetch "$KPKG")
BDEB=$(fetch busybox-static:arm64)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
dpkg-deb -x "$KDEB" "$WORK/kernel"
dpkg-deb -x "$BDEB" "$WORK/busybox"
cp "$WORK"/kernel/boot/vmlinuz-* "$OUT/vmlinuz"

ROOT="$WORK/root"
mkdir -p "$ROOT"/{bin,sbin,proc,sys,dev,tmp,etc,root}
cp "$WORK/busybox/bin/busybox" "$ROOT/bin/busybox"
cp scripts/initramfs/init "$ROOT/init"
chmod 755 "$ROOT/init" "$ROOT/bin/busybox"
# Extra payload (the nested-guest VMM and its guests) if built.
if [ -d images/payload ]; then
    cp -r images/payload/. "$ROOT/root/"
fi
python3 scripts/mkinitramfs.py "$ROOT" "$OUT/initramfs.cpio.gz"
echo "kernel:    $OUT/vmlinuz ($KPKG)"
echo "initramfs: $OUT/initramfs.cpio.gz"
