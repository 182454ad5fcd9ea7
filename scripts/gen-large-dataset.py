#!/usr/bin/env python3
"""Writes a large dataset for the window check: the built-in Russia-Iran dataset with its
places, areas, corridors, events and series copied COPIES times (new ids, places moved a
little), so every view has many times the records it was tuned on. The copies repeat the
built-in records and their sources; they are test data, never shipped.

Usage: scripts/gen-large-dataset.py OUT.json [COPIES]   (default 40)
"""
import copy
import json
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
out = Path(sys.argv[1])
copies = int(sys.argv[2]) if len(sys.argv) > 2 else 40
dataset = json.loads((root / "assets" / "russia-iran.json").read_text(encoding="utf-8"))
dataset["metadata"]["title"] = f"Russia and Iran, {copies} copies (window-check test data)"
dataset.pop("stories", None)

def renamed(records, suffix, shift=None):
    out = []
    for record in records:
        record = copy.deepcopy(record)
        record["id"] = f"{record['id']}-{suffix}"
        if shift and "lon" in record:
            record["lon"] = max(-179.0, min(179.0, record["lon"] + shift[0]))
            record["lat"] = max(-85.0, min(85.0, record["lat"] + shift[1]))
        out.append(record)
    return out

for key in ("places", "events", "series", "areas", "corridors", "standing_facts"):
    base = dataset.get(key, [])
    grown = list(base)
    for index in range(1, copies):
        shift = ((index % 9) * 0.7 - 3.0, (index // 9 % 9) * 0.5 - 2.0)
        grown.extend(renamed(base, f"copy{index}", shift))
    dataset[key] = grown
# Events point at places by id: the copies point at the originals, which stay.
# Standing facts' see-also names events or facts: copies keep the originals' references.
out.write_text(json.dumps(dataset, ensure_ascii=False), encoding="utf-8")
print(f"{out}: " + ", ".join(f"{len(dataset[k])} {k}" for k in
      ("series", "events", "places", "areas", "corridors", "standing_facts")))
