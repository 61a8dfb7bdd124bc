#!/usr/bin/env python3
"""Write a directory tree as a gzip-compressed newc cpio archive (the initramfs format
Linux unpacks, Documentation/driver-api/early-userspace/buffer-format.rst), with fixed
owners and timestamps so the archive is byte-identical run after run."""
import gzip
import os
import stat
import sys


def entry(name: str, mode: int, data: bytes, ino: int, nlink: int = 1, rdev=(0, 0)) -> bytes:
    namebytes = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, nlink, 0, len(data), 0, 0, rdev[0], rdev[1], len(namebytes), 0]
    hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
    out = hdr + namebytes
    out += b"\0" * ((4 - len(out) % 4) % 4)
    out += data
    out += b"\0" * ((4 - len(data) % 4) % 4)
    return out


def main(root: str, dest: str) -> None:
    chunks = []
    ino = 1
    # /dev/console must exist before devtmpfs is mounted so init has a console.
    chunks.append(entry("dev", stat.S_IFDIR | 0o755, b"", ino, 2)); ino += 1
    chunks.append(entry("dev/console", stat.S_IFCHR | 0o600, b"", ino, 1, (5, 1))); ino += 1
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, root)
        for name in sorted(dirnames) + sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if rel == "dev":
                continue
            st = os.lstat(path)
            perm = stat.S_IMODE(st.st_mode)
            if stat.S_ISLNK(st.st_mode):
                data = os.readlink(path).encode()
                mode = stat.S_IFLNK | 0o777
            elif stat.S_ISDIR(st.st_mode):
                data, mode = b"", stat.S_IFDIR | perm
            else:
                with open(path, "rb") as f:
                    data = f.read()
                mode = stat.S_IFREG | perm
            chunks.append(entry(rel, mode, data, ino, 2 if stat.S_ISDIR(st.st_mode) else 1))
            ino += 1
    chunks.append(entry("TRAILER!!!", 0, b"", 0))
    with open(dest, "wb") as f:
        f.write(gzip.compress(b"".join(chunks), mtime=0))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
