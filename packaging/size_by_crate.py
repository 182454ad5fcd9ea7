#!/usr/bin/env python3
"""What each crate costs in a Linux binary that still has its symbols, as bytes in the binary
and as bytes after xz (what a download holds): the equivalent of `cargo bloat --crates`, which
is not installed here, plus the compressed figure cargo-bloat does not give.

Usage: size_by_crate.py BINARY [ROWS]   (e.g. target/release/bilateral; the `dist` binary is
stripped, so it names nothing)

Every defined function and data symbol (`nm -S -C`) goes to the crate its demangled name starts
with; a trait method `<T as Trait>::f` goes to T's crate, so generic code is counted with the
crate of the type it was made for, and so is the standard library's generic code
(`core::ptr::drop_in_place<naga::Module>` counts for naga). Symbols without a Rust path (C code such as mimalloc,
compiler intrinsics) are counted together. Each crate's bytes are read from the file and
compressed alone with xz at level 9, so a crate's compressed figure is a little larger than its
share of a package compressed whole (xz finds repeats across crates too).
"""

import lzma
import re
import subprocess
import sys
from collections import defaultdict

UNNAMED = "(C code, intrinsics, no Rust path)"
STANDARD = {"core", "alloc", "std"}


def sections(binary: str) -> list[tuple[int, int, int]]:
    """(address, file offset, size) of every section the file holds bytes for."""
    table = subprocess.run(["readelf", "-S", "-W", binary], capture_output=True, text=True, check=True).stdout
    found = []
    for line in table.splitlines():
        fields = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if fields and fields.group(2) != "NOBITS":
            address, offset, size = (int(fields.group(i), 16) for i in (3, 4, 5))
            if address:
                found.append((address, offset, size))
    return found


def crate_of(name: str) -> str:
    """The crate a demangled symbol name belongs to."""
    name = name.strip()
    while name.startswith(("<", "&", "*const ", "*mut ", "dyn ", "[", "(")):
        name = re.sub(r"^(<|&(mut )?|\*const |\*mut |dyn |\[|\()", "", name)
    head = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", name)
    if not head:
        return UNNAMED
    crate = head.group(1)
    if crate in STANDARD and "<" in name:
        made_for = [c for c in re.findall(r"(?<![\w:])([A-Za-z_]\w*)::", name[name.index("<") :]) if c not in STANDARD]
        if made_for:
            return made_for[0]
    return crate


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) == 3 else 40
    listing = subprocess.run(["nm", "-S", "-C", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    if not listing.strip():
        sys.exit(f"{binary}: no symbols (a stripped binary names no crate)")
    with open(binary, "rb") as file:
        image = file.read()
    table = sections(binary)
    pieces: dict[str, list[bytes]] = defaultdict(list)
    seen: set[int] = set()
    for line in listing.splitlines():
        fields = line.split(" ", 3)
        if len(fields) < 4 or fields[2] not in "tTrRdD":
            continue
        address, size = int(fields[0], 16), int(fields[1], 16)
        if size == 0 or address in seen:
            continue
        seen.add(address)
        for start, offset, length in table:
            if start <= address < start + length:
                at = offset + address - start
                pieces[crate_of(fields[3])].append(image[at : at + size])
                break
    costs = []
    for crate, chunks in pieces.items():
        raw = b"".join(chunks)
        costs.append((len(lzma.compress(raw, preset=9)), len(raw), crate))
    costs.sort(reverse=True)
    total_raw = sum(raw for _, raw, _ in costs)
    total_xz = sum(xz for xz, _, _ in costs)
    print(f"{binary}: {len(image):,} bytes; symbols counted {total_raw:,} bytes, {total_xz:,} bytes after xz (each crate alone)")
    print(f"{'crate':<40} {'bytes':>12} {'xz bytes':>10} {'xz share':>8}")
    for xz, raw, crate in costs[:rows]:
        print(f"{crate:<40} {raw:>12,} {xz:>10,} {100 * xz / total_xz:>7.1f}%")
    rest = costs[rows:]
    if rest:
        print(f"{f'{len(rest)} more crates':<40} {sum(r for _, r, _ in rest):>12,} {sum(x for x, _, _ in rest):>10,}")


if __name__ == "__main__":
    main()
