#!/usr/bin/env python3
"""Writes the benchmark's input files with the bytes real downloads have.

comtrade: a UN Comtrade Plus "Get data" CSV: the 47-name unquoted header, every data field
quoted, a trailing comma on every row, CRLF, Windows-1252 names (Côte d'Ivoire, Türkiye),
flows M, X, RX, RM, and "plus" breakdown rows (second partner, customs procedure, mode of
transport) beside the totals.

baci: a CEPII BACI year zip: BACI_HS22_Y2023_V202501.csv (t,i,j,k,v,q with NA quantities,
exporter-importer-product rows) and country_codes_V202501.csv, deflated as CEPII ships it.

Usage: gen-trade-bench.py comtrade ROWS OUT.csv
       gen-trade-bench.py baci ROWS OUT.zip
"""

import random
import sys
import zipfile

HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
    "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,"
    "partner2ISO,partner2Desc,classificationCode,classificationSearchCode,"
    "isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,"
    "mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,"
    "altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,"
    "isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,"
    "isAggregate"
)

# (M49, ISO3, name): a realistic spread, with the pair the benchmark imports.
COUNTRIES = [
    (643, "RUS", "Russian Federation"), (364, "IRN", "Iran"), (156, "CHN", "China"),
    (842, "USA", "USA"), (276, "DEU", "Germany"), (792, "TUR", "Türkiye"),
    (384, "CIV", "Côte d'Ivoire"), (531, "CUW", "Curaçao"), (652, "BLM", "Saint Barthélemy"),
    (699, "IND", "India"), (392, "JPN", "Japan"), (410, "KOR", "Rep. of Korea"),
    (251, "FRA", "France"), (380, "ITA", "Italy"), (724, "ESP", "Spain"),
    (76, "BRA", "Brazil"), (484, "MEX", "Mexico"), (36, "AUS", "Australia"),
    (124, "CAN", "Canada"), (764, "THA", "Thailand"), (704, "VNM", "Viet Nam"),
    (360, "IDN", "Indonesia"), (458, "MYS", "Malaysia"), (682, "SAU", "Saudi Arabia"),
    (784, "ARE", "United Arab Emirates"), (818, "EGY", "Egypt"), (566, "NGA", "Nigeria"),
    (710, "ZAF", "South Africa"), (398, "KAZ", "Kazakhstan"), (31, "AZE", "Azerbaijan"),
    (51, "ARM", "Armenia"), (112, "BLR", "Belarus"), (804, "UKR", "Ukraine"),
    (616, "POL", "Poland"), (528, "NLD", "Netherlands"), (56, "BEL", "Belgium"),
    (757, "CHE", "Switzerland"), (826, "GBR", "United Kingdom"), (752, "SWE", "Sweden"),
    (579, "NOR", "Norway"),
]
FLOWS = [("M", "Import"), ("X", "Export"), ("RX", "Re-export"), ("RM", "Re-import")]
BREAKDOWN = [
    # partner2, customs, customs text, mot, mot text
    (0, "C00", "TOTAL CPC", 0, "TOTAL MOT"),
    (0, "C00", "TOTAL CPC", 0, "TOTAL MOT"),
    (0, "C00", "TOTAL CPC", 0, "TOTAL MOT"),
    (156, "C00", "TOTAL CPC", 0, "TOTAL MOT"),
    (0, "C01", "Clearance for home use", 0, "TOTAL MOT"),
    (0, "C00", "TOTAL CPC", 2100, "Sea"),
    (0, "C00", "TOTAL CPC", 3200, "Road"),
]


def comtrade(rows, out):
    rng = random.Random(8)
    with open(out, "w", encoding="cp1252", newline="") as f:
        f.write(HEADER + "\r\n")
        for n in range(rows):
            year = 2010 + n % 15
            reporter = COUNTRIES[rng.randrange(len(COUNTRIES))]
            partner = COUNTRIES[rng.randrange(len(COUNTRIES))]
            if n % 97 == 0:
                reporter, partner = COUNTRIES[0], COUNTRIES[1]
            elif n % 101 == 0:
                reporter, partner = COUNTRIES[1], COUNTRIES[0]
            flow, flow_text = FLOWS[rng.randrange(4)] if n % 3 else FLOWS[n % 2]
            partner2, customs, customs_text, mot, mot_text = BREAKDOWN[rng.randrange(len(BREAKDOWN))]
            value = round(rng.uniform(1, 5e9), 3)
            cif = f"{value}" if flow in ("M", "RM") else ""
            fob = f"{value}" if flow in ("X", "RX") else ""
            cmd = "TOTAL" if n % 5 else f"{rng.randrange(1, 98):02d}"
            fields = [
                "C", "A", f"{year}0101", str(year), "52", str(year),
                str(reporter[0]), reporter[1], reporter[2], flow, flow_text,
                str(partner[0]), partner[1], partner[2], str(partner2),
                "W00" if partner2 == 0 else "CHN", "World" if partner2 == 0 else "China",
                "H6", "HS", "true", cmd, "All Commodities" if cmd == "TOTAL" else "Chapter, with a comma",
                "0" if cmd == "TOTAL" else "2", "false", customs, customs_text,
                "0 ", str(mot), mot_text, "-1", "N/A", "0", "false", "-1", "N/A", "0",
                "false", "0", "false", "0", "false", cif, fob, f"{value}",
                str(rng.choice([0, 0, 0, 4, 6])), "false", "true",
            ]
            f.write(",".join(f'"{x}"' for x in fields) + ",\r\n")


def baci(rows, out):
    rng = random.Random(10)
    codes = [c[0] for c in COUNTRIES]
    names = "country_code,country_name,country_iso2,country_iso3\n" + "".join(
        f'{c},"{name}",,{iso3}\n' for c, iso3, name in COUNTRIES
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("country_codes_V202501.csv", names)
        z.writestr("Readme.txt", "BACI HS22 V202501, generated for the import benchmark\n")
        with z.open("BACI_HS22_Y2023_V202501.csv", "w", force_zip64=True) as f:
            f.write(b"t,i,j,k,v,q\n")
            chunk = []
            for n in range(rows):
                i = codes[rng.randrange(len(codes))]
                j = codes[rng.randrange(len(codes))]
                if n % 997 == 0:
                    i, j = 643, 364
                k = 10000 + (n * 7919) % 890000
                v = rng.uniform(0.001, 90000)
                q = "NA" if n % 4 == 0 else f"{rng.uniform(0, 5000):.3f}"
                chunk.append(f"2023,{i},{j},{k:06d},{v:.3f},{q}\n")
                if len(chunk) == 100000:
                    f.write("".join(chunk).encode())
                    chunk = []
            f.write("".join(chunk).encode())


if __name__ == "__main__":
    kind, count, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    {"comtrade": comtrade, "baci": baci}[kind](count, target)
