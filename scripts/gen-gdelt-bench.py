#!/usr/bin/env python3
"""A month of GDELT 2.0 event exports with the real files' column shapes, for the event
benchmark (scripts/bench-events.sh). Not real events: ids, dates, actors, codes, scores,
places and URLs are drawn at random in the shapes of the real exports in
tests/fixtures/relations/events/ (61 tab-separated columns, no header, about 400 bytes a
row, many empty actor fields, ISO3 actor country codes, FIPS geography codes, event codes
with their leading zeros, tones with 14 decimals). One export per 15 minutes, as GDELT
publishes them: YYYYMMDDHHMMSS.export.CSV inside YYYYMMDDHHMMSS.export.CSV.zip.

Usage: gen-gdelt-bench.py EVENTS ZIP_DIR CSV_DIR [DAYS [MONTHS]]
  DAYS days (default 31) of each of the MONTHS months (default 1) up to March 2018.
"""

import os
import random
import sys
import zipfile
from multiprocessing import Pool

# Actor countries with rough GDELT frequencies (the United States dominates).
COUNTRIES = [
    ("USA", "UNITED STATES", "US", 30), ("GBR", "UNITED KINGDOM", "UK", 6), ("RUS", "RUSSIA", "RS", 4),
    ("CHN", "CHINA", "CH", 4), ("IND", "INDIA", "IN", 4), ("ISR", "ISRAEL", "IS", 3), ("IRN", "IRAN", "IR", 2),
    ("FRA", "FRANCE", "FR", 2), ("DEU", "GERMANY", "GM", 2), ("AUS", "AUSTRALIA", "AS", 2), ("CAN", "CANADA", "CA", 2),
    ("PAK", "PAKISTAN", "PK", 2), ("NGA", "NIGERIA", "NI", 2), ("SYR", "SYRIA", "SY", 2), ("TUR", "TURKEY", "TU", 2),
    ("JPN", "JAPAN", "JA", 1), ("KOR", "SOUTH KOREA", "KS", 1), ("PRK", "NORTH KOREA", "KN", 1), ("UKR", "UKRAINE", "UP", 1),
    ("SAU", "SAUDI ARABIA", "SA", 1), ("EGY", "EGYPT", "EG", 1), ("ZAF", "SOUTH AFRICA", "SF", 1), ("BRA", "BRAZIL", "BR", 1),
    ("MEX", "MEXICO", "MX", 1), ("AFG", "AFGHANISTAN", "AF", 1), ("IRQ", "IRAQ", "IZ", 1), ("PHL", "PHILIPPINES", "RP", 1),
    ("", "", "", 25),
]
WEIGHTS = [c[3] for c in COUNTRIES]
ROLES = ["", "", "", "GOV", "MIL", "BUS", "MED", "COP", "OPP", "EDU", "CVL"]
NAMES = ["POLICE", "PRESIDENT", "COMPANY", "GOVERNMENT", "MILITARY", "SCHOOL", "STUDENT", "PRIME MINISTER", "MEDIA"]
CODES = ["010", "011", "012", "013", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "090",
         "100", "111", "112", "120", "130", "138", "141", "150", "163", "172", "173", "180", "190", "193", "195"]
GOLDSTEIN = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
             "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0,
             "18": -9.0, "19": -10.0, "20": -10.0}
CITIES = ["Washington, District of Columbia, United States", "Moscow, Moskva, Russia", "Tehran, Tehran, Iran",
          "London, London, City of, United Kingdom", "Beijing, Beijing, China", "New Delhi, National Capital Territory of Delhi, India"]
SITES = ["www.reuters.com", "www.nytimes.com", "www.theguardian.com", "www.express.co.uk", "www.msn.com", "yourstory.com"]


def quad(root):
    root = int(root)
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def actor(rng):
    code, name, _, _ = rng.choices(COUNTRIES, WEIGHTS)[0]
    role = rng.choice(ROLES)
    if not code and not role:
        return [""] * 10
    name = name if code and rng.random() < 0.6 else rng.choice(NAMES)
    return [code + role, name, code, "", "", "", "", role, "", ""]


def geo(rng):
    if rng.random() < 0.15:
        return ["0", "", "", "", "", "", "", ""]
    city = rng.choice(CITIES)
    fips = rng.choice(["US", "RS", "IR", "UK", "CH", "IN"])
    lat = f"{rng.uniform(-60, 70):.4f}"
    lon = f"{rng.uniform(-170, 170):.4f}"
    return ["4", city, fips, fips + "0" + str(rng.randint(1, 9)), str(rng.randint(10000, 99999)), lat, lon, str(-rng.randint(100000, 3000000))]


def middle(rng):
    """The columns from Actor1Code to ActionGeo_FeatureID of one event (all but the date,
    id and the columns of the export it is in), with its quad class's code and scores."""
    code = rng.choice(CODES)
    root = code[:2]
    mentions = rng.choice([1, 2, 2, 3, 4, 5, 6, 8, 10, 20, 40])
    sources = max(1, mentions // rng.randint(1, 4))
    fields = actor(rng) + actor(rng)
    fields += [str(rng.randint(0, 1)), code, code, root, str(quad(root)), f"{GOLDSTEIN[root]:.1f}",
               str(mentions), str(sources), str(mentions), f"{rng.uniform(-12, 8):.14f}"]
    fields += geo(rng) + geo(rng) + geo(rng)
    return "\t".join(fields)


# Events are drawn from a pool of event bodies, so that millions of rows are written in
# minutes; ids, dates, export stamps and URLs differ for every row.
POOL = [middle(random.Random(n)) for n in range(20_000)]


def export(args):
    index, stamp, rows, zip_dir, csv_dir, first_id = args
    rng = random.Random(index)
    day = stamp[:8]
    lines = []
    fraction = f"{int(day[:4]) + (int(day[4:6]) - 1) / 12 + int(day[6:]) / 365:.4f}"
    for n in range(rows):
        # Most events are dated the day they were added; some refer to earlier days.
        date = day if rng.random() < 0.9 else day[:6] + f"{rng.randint(1, 28):02d}"
        url = f"https://{SITES[n % len(SITES)]}/news/{date}/{rng.getrandbits(40):x}-story.html"
        lines.append(f"{first_id + n}\t{date}\t{date[:6]}\t{date[:4]}\t{fraction}\t{rng.choice(POOL)}\t{stamp}\t{url}")
    text = ("\n".join(lines) + "\n").encode()
    name = f"{stamp}.export.CSV"
    with open(os.path.join(csv_dir, name), "wb") as out:
        out.write(text)
    with zipfile.ZipFile(os.path.join(zip_dir, name + ".zip"), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(name, text)
    return len(text)


def main():
    events, zip_dir, csv_dir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    days = int(sys.argv[4]) if len(sys.argv) > 4 else 31
    months = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    os.makedirs(zip_dir, exist_ok=True)
    os.makedirs(csv_dir, exist_ok=True)
    ends = [(2018 * 12 + 2 - back) for back in range(months - 1, -1, -1)]
    stamps = [f"{e // 12}{e % 12 + 1:02d}{d:02d}{h:02d}{m:02d}00" for e in ends
              for d in range(1, (days if months == 1 else min(days, 28)) + 1) for h in range(24) for m in (0, 15, 30, 45)]
    per_file, extra = divmod(events, len(stamps))
    jobs, first = [], 741_000_000
    for i, stamp in enumerate(stamps):
        rows = per_file + (1 if i < extra else 0)
        jobs.append((i, stamp, rows, zip_dir, csv_dir, first))
        first += rows
    with Pool(os.cpu_count() or 2) as pool:
        total = sum(pool.imap_unordered(export, jobs, chunksize=16))
    print(f"{events} events in {len(stamps)} exports, {total / 1e6:.0f} MB unzipped")


if __name__ == "__main__":
    main()
