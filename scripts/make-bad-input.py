#!/usr/bin/env python3
"""Writes the bad-input corpus, tests/fixtures/bad-input/: malformed dataset JSON, GeoJSON
and trade files, each of which a loader must refuse with a typed error and its place
(src/bad_input.rs checks them against expected.tsv). Run again after changing a case;
the output is deterministic."""

import gzip
import io
import os
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "bad-input")

VALID_DATASET = """{
  "metadata": {
    "schema_version": 1,
    "title": "Test pair",
    "parties": [
      {"iso_alpha2": "RU", "iso_alpha3": "RUS", "iso_numeric": "643", "name": "Russia"},
      {"iso_alpha2": "IR", "iso_alpha3": "IRN", "iso_numeric": "364", "name": "Iran"}
    ],
    "updated": "2026-11"
  },
  "sources": [{"id": "s1", "title": "A source"}],
  "series": [{
    "id": "trade", "label": "Trade", "unit": "USD bn", "kind": "trade_turnover",
    "points": [
      {"year": 2010, "value": 3.5, "approximate": true, "sources": ["s1"]},
      {"year": 2011, "value": 3.4, "sources": ["s1"]}
    ]
  }],
  "events": [{"id": "e1", "date": "2016-08", "title": "T", "summary": "S",
              "domains": ["military"], "stance": "cooperation", "places": ["p1"], "sources": ["s1"]}],
  "places": [{"id": "p1", "name": "P", "kind": "air_base", "lon": 48.6, "lat": 35.2,
              "domains": ["military"], "stance": "cooperation", "years": {"from": 2016, "to": 2016},
              "sources": ["s1"]}]
}
"""


def changed(old, new):
    assert old in VALID_DATASET, old
    return VALID_DATASET.replace(old, new, 1).encode()


def zip_of(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 29, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def column_letters(index):
    letters = ""
    n = index + 1
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def xlsx(sheet, rows):
    """A minimal workbook: numbers, `#…` formula errors, inline text."""
    data = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, cell in enumerate(row):
            ref = f"{column_letters(c)}{r}"
            if cell == "":
                continue
            if cell.startswith("#"):
                cells.append(f'<c r="{ref}" t="e"><v>{cell}</v></c>')
            else:
                try:
                    float(cell)
                    cells.append(f'<c r="{ref}"><v>{cell}</v></c>')
                except ValueError:
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{cell}</t></is></c>')
        data.append(f'<row r="{r}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    return zip_of([
        ("[Content_Types].xml", head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        ("_rels/.rels", head + f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", head + f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", head + f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/worksheets/sheet1.xml", head + f'<worksheet xmlns="{main}"><sheetData>{"".join(data)}</sheetData></worksheet>'),
    ])


def gz(data):
    return gzip.compress(data, mtime=0)


TIDY = "year,reporter,partner,flow,value,unit\n"
COMTRADE_PLUS = ("typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,"
                 "flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,"
                 "classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,"
                 "isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,"
                 "altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,"
                 "isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate\n")


def comtrade_plus_row(year, reporter, iso, partner, partner_iso, value):
    fields = ["C", "A", f"{year}0101", str(year), "52", str(year), str(reporter), iso, "R", "M", "Import",
              str(partner), partner_iso, "P", "0", "W00", "World", "H6", "HS", "true", "TOTAL", "All", "0",
              "false", "C00", "TOTAL CPC", "0", "0", "TOTAL MOT", "-1", "N/A", "0", "false", "-1", "N/A", "0",
              "false", "0", "false", "0", "false", value, "", value, "0", "true", "true"]
    return ",".join(fields) + "\n"


CASES = {
    # Dataset JSON (crate::io::load_dataset_file).
    "dataset/syntax-error.json": changed('"title": "Test pair",', '"title": "Test pair"'),
    "dataset/truncated.json": VALID_DATASET.encode()[:700],
    "dataset/empty.json": b"",
    "dataset/not-utf8.json": changed('"title": "Test pair"', '"title": "Cura\xe7ao"').replace("ç".encode(), b"\xe7"),
    "dataset/top-level-array.json": b"[1, 2, 3]\n",
    "dataset/wrong-field-type.json": changed('"year": 2011', '"year": "2011"'),
    "dataset/unknown-field.json": changed('"title": "T",', '"title": "T", "colour": "red",'),
    "dataset/future-schema.json": changed('"schema_version": 1', '"schema_version": 99'),
    "dataset/unknown-source.json": changed('"sources": ["s1"]}\n    ]', '"sources": ["s9"]}\n    ]'),
    "dataset/duplicate-id.json": changed('"sources": [{"id": "s1", "title": "A source"}]',
                                         '"sources": [{"id": "s1", "title": "A source"}, {"id": "s1", "title": "Again"}]'),
    "dataset/latitude-135.json": changed('"lat": 35.2', '"lat": 135'),
    "dataset/longitude-200.json": changed('"lon": 48.6', '"lon": -200'),
    "dataset/area-outline-latitude.json": changed('"sources": ["s1"]}]\n}', '"sources": ["s1"]}],\n  "areas": [{"id": "a1", "name": "A", "outline": [[50, 40], [51, 40], [51, -95]],\n             "domains": ["military"], "stance": "cooperation", "years": {"from": 2016, "to": 2016},\n             "sources": ["s1"]}]\n}'),
    "dataset/waypoint-longitude.json": changed('"sources": ["s1"]}]\n}', '"sources": ["s1"]}],\n  "corridors": [{"id": "c1", "name": "C", "domains": ["transport"], "stance": "context",\n    "years": {"from": 2016, "to": 2016}, "summary": "S",\n    "waypoints": [{"name": "W1", "lon": 49, "lat": 30}, {"name": "W2", "lon": 181.5, "lat": 31}],\n    "segments": [{"status": "operating", "note": "N", "basis": {"sources": ["s1"]}}],\n    "sources": ["s1"]}]\n}'),
    "dataset/bad-date.json": changed('"date": "2016-08"', '"date": "2016-13"'),
    "dataset/utf16.json": VALID_DATASET.encode("utf-16"),
    # GeoJSON (crate::io::open_file).
    "geojson/latitude-135.geojson": b'{"type": "Feature", "properties": {},\n "geometry": {"type": "Point", "coordinates": [51.4, 135]}}\n',
    "geojson/longitude-200.geojson": b'{"type": "LineString", "coordinates": [[0, 0],\n  [200, 10]]}\n',
    "geojson/unclosed-ring.geojson": b'{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}\n',
    "geojson/string-coordinate.geojson": b'{"type": "Point", "coordinates": ["51.4", 35.7]}\n',
    "geojson/syntax-error.geojson": b'{"type": "Point",\n "coordinates": [51.4 35.7]}\n',
    "geojson/empty.geojson": b"",
    "geojson/not-utf8.geojson": b'{"type": "Feature", "properties": {"name": "Cura\xe7ao"}, "geometry": null}\n',
    "geojson/unknown-type.geojson": b'{"type": "Circle", "coordinates": [0, 0], "radius": 3}\n',
    "geojson/features-not-array.geojson": b'{"type": "FeatureCollection", "features": {}}\n',
    "geojson/nested-too-deep.geojson": b'{"type": "Point", "coordinates": [[51.4, 35.7]]}\n',
    # Trade files (crate::import::scan, or import with the pair of expected.tsv).
    "trade/wrong-encoding.csv": b"\xef\xbb\xbf" + TIDY.encode() + b"2010,RUS,Cura\xe7ao,exports,1,USD\n",
    "trade/binary.csv": bytes([0, 1, 2, 3, 0, 0, 7, 0, 0, 0, 0, 1]),
    "trade/ragged-rows.csv": (TIDY + "2010,RUS,IRN,exports,1,USD bn\n2011,RUS,IRN\n").encode(),
    "trade/not-a-number.csv": (TIDY + "2010,RUS,IRN,exports,1.2.3,USD bn\n").encode(),
    "trade/bad-year.csv": (TIDY + "20x0,RUS,IRN,exports,1,USD bn\n").encode(),
    "trade/unknown-layout.csv": b"name,age\nAnn,3\nBob,4\n",
    "trade/empty.csv": b"",
    "trade/blank-lines.csv": b"\n\n\n",
    "trade/header-only.csv": TIDY.encode(),
    "trade/no-table.zip": zip_of([("Readme.txt", b"hello"), ("logo.png", b"\x89PNG")]),
    "trade/corrupt.csv.gz": bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]) + b"this is not deflate data at all",
    "trade/truncated.csv.gz": gz((TIDY + "2010,RUS,IRN,exports,1,USD bn\n" * 400).encode())[:60],
    "trade/corrupt.zip": b"PK\x03\x04 then nothing of a zip",
    "trade/truncated.xlsx": xlsx("Sheet1", [["Year", "Reporter"], ["2010", "RUS"]])[:400],
    "trade/formula-error.xlsx": xlsx("Data", [["Year", "Reporter", "Partner", "Flow", "Value", "Unit"],
                                             ["2010", "RUS", "IRN", "X", "#DIV/0!", "USD bn"]]),
    "trade/not-a-number.xlsx": xlsx("Data", [["Year", "Reporter", "Partner", "Flow", "Value", "Unit"],
                                            ["2010", "RUS", "IRN", "X", "12 apples", "USD bn"]]),
    "trade/neither-country.csv": (TIDY + "2010,USA,CHN,exports,1,USD bn\n2011,USA,JPN,exports,2,USD bn\n").encode(),
    "trade/other-pair.csv": (TIDY + "2010,RUS,CHN,exports,1,USD bn\n").encode(),
    "trade/unknown-flow.csv": (TIDY + "2010,RUS,IRN,smuggled,1,USD bn\n").encode(),
    "trade/comtrade-plus-ragged.csv": (COMTRADE_PLUS + comtrade_plus_row(2020, 643, "RUS", 364, "IRN", "1000")
                                       + "C,A,20210101,2021\n").encode(),
    "trade/comtrade-plus-not-a-number.csv": (COMTRADE_PLUS
                                             + comtrade_plus_row(2020, 643, "RUS", 364, "IRN", "12a")).encode(),
    "trade/truncated.xml": b'<?xml version="1.0" encoding="UTF-8"?><message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message"><message:DataSet><Series COUNTRY="USA" INDICATOR="XG_FOB_USD" COUNTERPART_COUNTRY="G001" FREQUENCY="A"><Obs TIME_PERIOD="2023" OBS_VALUE="20195',
    "trade/utf16-odd-bytes.csv": b"\xff\xfe" + TIDY.encode("utf-16-le") + b"2\x00",
}


def main():
    for relative, data in sorted(CASES.items()):
        path = os.path.join(ROOT, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(data)
    print(f"{len(CASES)} files under {os.path.normpath(ROOT)}")


if __name__ == "__main__":
    main()
