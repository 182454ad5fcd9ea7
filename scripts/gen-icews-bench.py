#!/usr/bin/env python3
"""A year of ICEWS events with the real file's column shapes, for the event benchmark
(scripts/bench-events.sh --icews). Not real events: dates, actors, codes, intensities,
places and story ids are drawn at random in the shapes of the ICEWS files in
tests/fixtures/relations/events/ (20 tab-separated columns with a header, `NA` for what is
missing, countries by name, CAMEO codes with their leading zeros, intensities with one
decimal). One file, as the Dataverse publishes a year (events.YYYY.*.tab).

Usage: gen-icews-bench.py EVENTS OUT.tab [YEAR]
"""

import random
import sys

# Countries by ICEWS's names with rough frequencies; "" is an actor with no country.
COUNTRIES = [
    ("United States", 20), ("Russian Federation", 6), ("China", 6), ("India", 5), ("Iran", 3), ("Israel", 3),
    ("United Kingdom", 3), ("Turkey", 3), ("Syria", 3), ("Pakistan", 3), ("Ukraine", 2), ("Egypt", 2),
    ("Germany", 2), ("France", 2), ("Japan", 2), ("Iraq", 2), ("Afghanistan", 2), ("Nigeria", 2),
    ("South Korea", 1), ("North Korea", 1), ("Saudi Arabia", 1), ("Brazil", 1), ("Mexico", 1), ("", 8),
]
NAMES = [c[0] for c in COUNTRIES]
WEIGHTS = [c[1] for c in COUNTRIES]
SECTORS = ["Government", "Executive,Government", "Military", "Police", "NA", "Business", "Media", "Citizen"]
ROLES = ["Government", "Military", "Police", "Citizen", "Ministry", "Head of Government", "Business"]
CODES = ["010", "013", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "090",
         "100", "111", "112", "120", "130", "138", "141", "150", "163", "172", "173", "180", "190", "193"]
TEXT = {"01": "Make statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
        "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
        "09": "Investigate", "10": "Demand", "11": "Criticize or denounce", "12": "Reject", "13": "Threaten",
        "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce",
        "18": "Assault", "19": "Fight"}
INTENSITY = {"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.9, "05": 3.5, "06": 6.0, "07": 7.0, "09": -2.0,
             "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0,
             "18": -9.0, "19": -10.0}
PUBLISHERS = ["Xinhua News Agency", "BBC Monitoring", "Agence France-Presse", "Associated Press", "NA"]
CITIES = [("Moscow", "Moskva", "Russian Federation", "55.75", "37.62"), ("Tehran", "Tehran", "Iran", "35.69", "51.42"),
          ("Washington", "District of Columbia", "United States", "38.9", "-77.04"), ("NA", "NA", "NA", "NA", "NA")]


def actor(rng):
    country = rng.choices(NAMES, WEIGHTS)[0]
    if not country:
        return ["Unidentified Forces", "NA", "NA"]
    if rng.random() < 0.4:
        return [country, "NA", country]
    role = rng.choice(ROLES)
    return [f"{role} ({country})", rng.choice(SECTORS), country]


def body(rng):
    """Everything but the id, the date and the story: the columns from Source Name to
    Sentence Number's left neighbours, and from Publisher to Longitude."""
    code = rng.choice(CODES)
    root = code[:2]
    source, target = actor(rng), actor(rng)
    city, province, country, lat, lon = rng.choice(CITIES)
    left = source + [TEXT[root], code, f"{INTENSITY[root]:g}"] + target
    right = [rng.choice(PUBLISHERS), city, "NA", province, country, lat, lon]
    return "\t".join(left), "\t".join(right)


def main():
    events, out = int(sys.argv[1]), sys.argv[2]
    year = int(sys.argv[3]) if len(sys.argv) > 3 else 2015
    pool = [body(random.Random(n)) for n in range(20_000)]
    rng = random.Random(7)
    header = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\t"
              "Intensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\t"
              "City\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n")
    written = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        lines = []
        for n in range(events):
            day = 1 + n * 365 // events
            month, day_of_month = divmod(day - 1, 31)
            date = f"{year}-{min(month + 1, 12):02d}-{min(day_of_month + 1, 28):02d}"
            left, right = rng.choice(pool)
            lines.append(f"{20_000_000 + n}\t{date}\t{left}\t{30_000_000 + n // 3}\t{n % 3 + 1}\t{right}\n")
            if len(lines) == 50_000:
                written += f.write("".join(lines))
                lines = []
        written += f.write("".join(lines))
    print(f"{events} ICEWS events in {out}, {written / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
