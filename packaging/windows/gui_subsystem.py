#!/usr/bin/env python3
"""Copies a Windows console executable with its PE subsystem set to GUI (as `editbin
/SUBSYSTEM:WINDOWS` does), so that one build gives both the console `bilateral-cli.exe` and
the windowed `bilateral.exe` without a second link. Rust's `windows_subsystem = "windows"`
changes nothing else for the GNU toolchain: mingw's start-up code calls `main` in both.
Usage: gui_subsystem.py CONSOLE.exe OUT.exe
"""

import struct
import sys

CONSOLE, GUI = 3, 2


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data = bytearray(open(sys.argv[1], "rb").read())
    if data[:2] != b"MZ":
        sys.exit(f"{sys.argv[1]}: not a Windows executable (no MZ header)")
    pe_offset = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe_offset:pe_offset + 4] != b"PE\0\0":
        sys.exit(f"{sys.argv[1]}: no PE signature at {pe_offset:#x}")
    # The optional header follows the 4-byte signature and the 20-byte COFF header; the
    # subsystem is at offset 68 in it, for PE32 and PE32+ alike.
    subsystem_at = pe_offset + 4 + 20 + 68
    subsystem = struct.unpack_from("<H", data, subsystem_at)[0]
    if subsystem != CONSOLE:
        sys.exit(f"{sys.argv[1]}: subsystem is {subsystem}, expected {CONSOLE} (console)")
    struct.pack_into("<H", data, subsystem_at, GUI)
    open(sys.argv[2], "wb").write(data)


if __name__ == "__main__":
    main()
