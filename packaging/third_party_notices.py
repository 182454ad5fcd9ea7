#!/usr/bin/env python3
"""Writes THIRD-PARTY-NOTICES: every crate the `bilateral` binary links (normal dependencies
only, for one target), its licence and the licence files it ships, identical texts printed
once; then the data and fonts the binary embeds. Generated from `cargo metadata`, so it follows
Cargo.lock. Usage: packaging/third_party_notices.py TARGET_TRIPLE OUT_FILE
"""

import hashlib
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|UNLICENSE)([-._].*)?$", re.IGNORECASE)
# egui's fonts, which the binary embeds from assets/fonts/ (its README says where they come
# from): each font and the file holding its licence.
FONTS = [
    ("Ubuntu Light (Ubuntu-Light.ttf), Ubuntu Font Licence 1.0", "UFL.txt"),
    ("Hack (Hack-Regular.ttf), MIT with the Bitstream Vera and DejaVu notices", "Hack-Regular.txt"),
    ("egui-icons (egui-icons.ttf), a subset of emoji-icon-font", "egui-icons.txt"),
    ("emoji-icon-font, whose licence egui-icons.ttf has, MIT", "emoji-icon-font-mit-license.txt"),
]


def linked_packages(metadata):
    """The packages reachable from bilateral through normal (not dev or build) dependencies."""
    by_id = {package["id"]: package for package in metadata["packages"]}
    nodes = {node["id"]: node for node in metadata["resolve"]["nodes"]}
    root = next(p["id"] for p in metadata["packages"] if p["name"] == "bilateral")
    seen, stack = set(), [root]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for dep in nodes[current]["deps"]:
            if any(kind["kind"] is None for kind in dep["dep_kinds"]):
                stack.append(dep["pkg"])
    seen.discard(root)
    return sorted((by_id[i] for i in seen), key=lambda p: (p["name"], p["version"]))


def licence_texts(package):
    """(file name, text) of each licence file the crate ships."""
    folder = pathlib.Path(package["manifest_path"]).parent
    names = sorted(f.name for f in folder.iterdir() if f.is_file() and LICENCE_FILE.match(f.name))
    if package.get("license_file"):
        names.append(package["license_file"])
    texts = []
    for name in dict.fromkeys(names):
        path = folder / name
        if path.is_file():
            texts.append((name, path.read_text(encoding="utf-8", errors="replace").strip()))
    return texts


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target, out_file = sys.argv[1], pathlib.Path(sys.argv[2])
    metadata = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout
    )
    packages = linked_packages(metadata)
    texts = {}  # digest -> [text, [crate labels]]
    without_files = []
    lines = [
        "Third-party notices for Bilateral",
        "=================================",
        "",
        f"Bilateral (MIT OR Apache-2.0) for {target} links the {len(packages)} Rust crates",
        "below and embeds the map data and fonts named at the end. Generated from Cargo.lock by",
        "packaging/third_party_notices.py.",
        "",
        "Crates",
        "------",
    ]
    for package in packages:
        label = f"{package['name']} {package['version']}"
        lines.append(f"{label}: {package.get('license') or 'see its licence file'}"
                     + (f" ({package['repository']})" if package.get("repository") else ""))
        shipped = licence_texts(package)
        if not shipped:
            without_files.append(label)
        for name, text in shipped:
            digest = hashlib.sha256(re.sub(r"\s+", " ", text).encode()).hexdigest()
            texts.setdefault(digest, [text, []])[1].append(f"{label} ({name})")
    lines += ["", "Embedded data", "-------------",
              "Basemap: Natural Earth 1:50m admin-0 countries (public domain), as built by",
              "world-atlas 2.0.2 (https://github.com/topojson/world-atlas), ISC licence:", ""]
    lines.append((ROOT / "assets/world-atlas/LICENSE").read_text(encoding="utf-8").strip())
    lines += ["", "Fonts: egui's three default fonts, copied from the crate epaint_default_fonts",
              "0.37.0 into assets/fonts/ and embedded compressed:"]
    for font, licence in FONTS:
        lines += ["", f"{font} (assets/fonts/{licence}):", "",
                  (ROOT / "assets/fonts" / licence).read_text(encoding="utf-8").strip()]
    if without_files:
        lines += ["", "These crates ship no licence file; their licence is the SPDX expression",
                  "given above, whose standard text is among the texts below or at",
                  "https://spdx.org/licenses/:", "  " + ", ".join(without_files)]
    lines += ["", "Licence texts", "-------------"]
    for text, users in texts.values():
        lines += ["", "=" * 78, "Used by: " + ", ".join(users), "=" * 78, "", text]
    lines += ["", "=" * 78, "The Apache License 2.0, for crates that name it without shipping it",
              "=" * 78, "", (ROOT / "LICENSE-APACHE").read_text(encoding="utf-8").strip(), ""]
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text("\n".join(lines), encoding="utf-8")
    print(f"third-party notices: {len(packages)} crates, {len(texts)} distinct licence texts, "
          f"{len(without_files)} crates without a licence file -> {out_file}")


if __name__ == "__main__":
    main()
