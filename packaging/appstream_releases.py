#!/usr/bin/env python3
"""Writes the AppStream metainfo with its <releases> taken from CHANGELOG.md.

Usage: appstream_releases.py CHANGELOG.md METAINFO_IN VERSION METAINFO_OUT

Each released entry of the changelog, a `## VERSION — YYYY-MM-DD` heading followed by `- `
items (an item may go on over indented lines), becomes a <release> with the items as a list;
`## Unreleased` is left out. The marker comment `<!-- releases from CHANGELOG.md -->` in
METAINFO_IN is replaced by the list. Fails when the latest released entry is not VERSION, so
a package never ships release notes of another version.
"""

import re
import sys
from xml.sax.saxutils import escape

HEADING = re.compile(r"^## (\S+) — (\d{4}-\d{2}-\d{2})$")
MARKER = "<!-- releases from CHANGELOG.md -->"


def releases(changelog: str, path: str) -> list[tuple[str, str, list[str]]]:
    """The released entries, newest first: version, date and items."""
    found: list[tuple[str, str, list[str]]] = []
    items: list[str] | None = None
    for number, line in enumerate(changelog.splitlines(), start=1):
        if line.startswith("## "):
            heading = HEADING.match(line)
            if line == "## Unreleased":
                items = None
            elif heading:
                items = []
                found.append((heading.group(1), heading.group(2), items))
            else:
                sys.exit(f"{path}:{number}: a heading is `## VERSION — YYYY-MM-DD` or `## Unreleased`: {line!r}")
        elif items is None:
            continue
        elif line.startswith("- "):
            items.append(line[2:].strip())
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
        elif line.strip():
            sys.exit(f"{path}:{number}: an entry holds `- ` items only: {line!r}")
    for version, _, entry in found:
        if not entry:
            sys.exit(f"{path}: the entry for {version} has no item")
    return found


def inline(text: str) -> str:
    """Markdown's `code` becomes AppStream's <code>; everything else is escaped text."""
    parts = text.split("`")
    return "".join(f"<code>{escape(part)}</code>" if index % 2 else escape(part) for index, part in enumerate(parts))


def main() -> None:
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    changelog_path, template_path, version, out_path = sys.argv[1:]
    with open(changelog_path, encoding="utf-8") as file:
        found = releases(file.read(), changelog_path)
    if not found or found[0][0] != version:
        latest = found[0][0] if found else "none"
        sys.exit(f"{changelog_path}: the latest released entry is {latest}, but the version being packaged is {version}")
    lines = ["<releases>"]
    for release_version, date, items in found:
        lines.append(f'    <release version="{escape(release_version)}" date="{date}">')
        lines.append("      <description>")
        lines.append("        <ul>")
        lines.extend(f"          <li>{inline(item)}</li>" for item in items)
        lines.append("        </ul>")
        lines.append("      </description>")
        lines.append("    </release>")
    lines.append("  </releases>")
    with open(template_path, encoding="utf-8") as file:
        template = file.read()
    if template.count(MARKER) != 1:
        sys.exit(f"{template_path}: needs the marker {MARKER} once, where <releases> goes")
    with open(out_path, "w", encoding="utf-8") as file:
        file.write(template.replace(MARKER, "\n".join(lines)))


if __name__ == "__main__":
    main()
