#!/usr/bin/env python3
"""Writes the hostile-input suite (issue 22, docs/robustness.md) into a folder: one input per
case, large ones made here at run time and never committed, and manifest.tsv listing for each
case the command to run on it and what must happen. scripts/robustness.sh runs them.

    scripts/make-hostile-input.py OUT_DIR [--smoke]

--smoke makes the same cases small (seconds in all); without it the large cases are full size
(hundreds of MB on disk, a few GB inflated). Expectations: `refused` (exit 1 with a message),
`ok` (exit 0), `open` (a case issue 22 leaves open, run and shown but not judged); a fourth
field is text the output must hold. Cases named `*@N` are run at two sizes to show how the
time grows when the input doubles.
"""

import gzip
import io
import json
import os
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "fixtures")
TIDY_HEADER = "year,reporter,partner,flow,value,unit\n"
MIB = 1024 * 1024

PARTIES = [
    {"iso_alpha2": "RU", "iso_alpha3": "RUS", "iso_numeric": "643", "name": "Russia"},
    {"iso_alpha2": "IR", "iso_alpha3": "IRN", "iso_numeric": "364", "name": "Iran"},
]


def write(out, name, data):
    path = os.path.join(out, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return name


def write_chunks(out, name, chunks):
    path = os.path.join(out, name)
    with open(path, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
    return name


def gzip_chunks(out, name, chunks):
    path = os.path.join(out, name)
    with gzip.open(path, "wb", compresslevel=6) as f:
        for chunk in chunks:
            f.write(chunk)
    return name


def repeat(block, total):
    """`block` again and again, `total` bytes in all."""
    left = total
    while left > 0:
        part = block[: min(len(block), left)]
        yield part
        left -= len(part)


def dataset(sources, points=()):
    return {
        "metadata": {"schema_version": 1, "title": "Hostile test", "parties": PARTIES, "updated": "2026-12"},
        "sources": sources,
        "series": [{"id": "trade", "label": "Trade", "unit": "USD bn", "kind": "trade_turnover",
                    "points": list(points)}] if points else [],
    }


def xlsx(out, name, sheet_xml_chunks, shared_strings=None):
    """An .xlsx with one sheet whose <sheetData> is written from `sheet_xml_chunks`."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    path = os.path.join(out, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
        rels = f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        if shared_strings is not None:
            rels += f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{pkg}">{rels}</Relationships>')
        if shared_strings is not None:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
                for chunk in shared_strings:
                    f.write(chunk)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>'.encode())
            for chunk in sheet_xml_chunks:
                f.write(chunk)
            f.write(b"</sheetData></worksheet>")
    return name


def biff(kind, data=b""):
    """One BIFF record: type, length, data."""
    return struct.pack("<HH", kind, len(data)) + data


def xls_stream(sheets, listed):
    """A BIFF8 Workbook stream: globals listing `listed` (indexes into `sheets`), then each
    sheet's records between a BOF and an EOF."""
    bof = lambda dt: biff(0x0809, struct.pack("<HH", 0x0600, dt) + bytes(12))
    bound = 4 + 4 + 2 + 2 + 2  # header, position, state and type, length and flags, name
    globals_bytes = len(bof(5)) + len(listed) * bound + 4
    substreams, positions = b"", []
    for records in sheets:
        positions.append(globals_bytes + len(substreams))
        substreams += bof(0x10) + b"".join(records) + biff(0x000A)
    stream = bof(5)
    for index, sheet in enumerate(listed):
        stream += biff(0x0085, struct.pack("<IBBBB", positions[sheet], 0, 0, 2, 0) + f"{index % 100:02}".encode())
    return stream + biff(0x000A) + substreams


def xls(out, name, stream):
    """An .xls: a version 3 OLE compound file (512-byte sectors) whose one stream, `Workbook`,
    is `stream`, padded to 4096 bytes so that it lives in ordinary sectors."""
    stream = stream + bytes(max(0, 4096 - len(stream)))
    sectors = (len(stream) + 511) // 512
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    fat = [fat_sector, end] + [2 + i + 1 for i in range(sectors - 1)] + [end]
    assert len(fat) <= 128, "one FAT sector is enough for these cases"
    fat += [free] * (128 - len(fat))

    def entry(name, kind, child, start, size):
        units = (name + "\0").encode("utf-16-le") if name else b""
        return (units.ljust(64, b"\0") + struct.pack("<HBB", len(units), kind, 1)
                + struct.pack("<III", free, free, child) + bytes(16) + bytes(4) + bytes(16)
                + struct.pack("<IIi", start, size, 0))
    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 2, len(stream))
                 + entry("", 0, free, free, 0) * 2)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == 512 and len(directory) == 512
    body = header + struct.pack("<128I", *fat) + directory + stream.ljust(sectors * 512, b"\0")
    return write(out, name, body)


def xls_number(row, column, value):
    return biff(0x0203, struct.pack("<HHHd", row, column, 0, value))


def xls_label(row, column, text):
    data = text.encode("latin-1")
    return biff(0x0204, struct.pack("<HHHHB", row, column, 0, len(data), 0) + data)


def tidy_sources(years):
    """Rows of four series × `years` years × 12 months, each naming a different source whose
    text reduces to the same id slug (`Source` and punctuation)."""
    marks = ".,;:"
    lines = ["year,reporter,partner,flow,value,unit,source\n"]
    n = 0
    for reporter, partner in (("RUS", "IRN"), ("IRN", "RUS")):
        for flow in ("exports", "imports"):
            for year in range(1800, 1800 + years):
                for month in range(1, 13):
                    k, tail = n, ""
                    while True:
                        tail += marks[k % 4]
                        k //= 4
                        if k == 0:
                            break
                    lines.append(f"{year}M{month:02},{reporter},{partner},{flow},1,USD,\"Source {tail}\"\n")
                    n += 1
    return "".join(lines), n


def main():
    args = sys.argv[1:]
    smoke = "--smoke" in args
    out = [a for a in args if a != "--smoke"][0]
    os.makedirs(out, exist_ok=True)
    big = (lambda full, small: small) if smoke else (lambda full, small: full)
    cases = []

    def case(name, command, expect, must=""):
        cases.append((name, command, expect, must))

    ok_row = "2020,RUS,IRN,exports,1000,USD\n"

    # 1. Never wrong output.
    case("overflow", "convert " + write(out, "overflow.csv", TIDY_HEADER + "2020,RUS,IRN,exports,1e300,USD bn\n"),
         "refused", "too large")
    case("months-overflow", "convert --pair RUS,IRN " + write(out, "months.csv", TIDY_HEADER + "".join(
        f"2020M{m:02},RUS,IRN,exports,1.7e308,USD\n" for m in range(1, 13))), "refused", "more than a number can hold")
    case("implausible", "check " + write(out, "implausible.csv", TIDY_HEADER + "2019,RUS,IRN,exports,-5e9,USD\n2020,RUS,IRN,exports,1.2e17,USD\n"),
         "ok", "negative values")
    case("joined", "check " + write(out, "joined.csv", TIDY_HEADER + ok_row + TIDY_HEADER + "2021,RUS,IRN,exports,1,USD\n"),
         "ok", "repeat the header")

    # 2. Messages safe and short.
    case("field-20mib", "check " + write_chunks(out, "field.csv", [TIDY_HEADER.encode(), b"2020,RUS,IRN,exports,",
                                                                   b"x" * (20 * MIB), b",USD\n"]), "refused", "characters)")
    key = "k" * big(50 * MIB, 5 * MIB)
    case("unknown-field", "check " + write(out, "field.json", json.dumps({"metadata": {key: 1}})), "refused", "characters)")
    case("escape", "check " + write(out, "escape.csv", "\x1b[2J\x07name,age\nAnn,3\n"), "refused", "\\u{1b}")

    # 3. Time linear in the input: two sizes each.
    for label, n in (("problems@N", big(25_000, 2_000)), ("problems@2N", big(50_000, 4_000))):
        points = [{"year": 1800 + i % 400, "value": 1.0, "sources": ["nope"]} for i in range(n)]
        name = write(out, f"{label.replace('@', '-')}.json", json.dumps(dataset([{"id": "s1", "title": "A"}], points), indent=1))
        case(label, "check " + name, "refused", "not in `sources`")
    for label, years in (("sources@N", big(200, 25)), ("sources@2N", big(400, 50))):
        text, _ = tidy_sources(years)
        case(label, "convert --pair RUS,IRN " + write(out, f"{label.replace('@', '-')}.csv", text), "ok")
    for label, n in (("merge@N", big(100_000, 5_000)), ("merge@2N", big(200_000, 10_000))):
        stem = label.replace("@", "-")
        a = write(out, f"{stem}-a.json", json.dumps(dataset([{"id": f"a{i}", "title": "A"} for i in range(n)])))
        b = write(out, f"{stem}-b.json", json.dumps(dataset([{"id": f"b{i}", "title": "B"} for i in range(n)])))
        case(label, f"convert {a} {b}", "ok")

    # 5. Memory bounded.
    case("first-line", "check " + write_chunks(out, "first-line.csv", list(repeat(b"y" * MIB, big(400 * MIB, 40 * MIB))) + [b"\n"]),
         "refused", "MiB in one row")
    case("endless-gz", "check " + gzip_chunks(out, "endless.csv.gz", [TIDY_HEADER.encode()] + list(repeat(b"7" * MIB, big(1024 * MIB, 64 * MIB)))),
         "refused", "MiB in one row")
    case("unclosed-quote-gz", "check " + gzip_chunks(out, "quote.csv.gz", [TIDY_HEADER.encode(), b'2020,RUS,IRN,exports,"'] + list(repeat(b"abc\n" * 65536, big(512 * MIB, 48 * MIB)))),
         "refused", "MiB in one row")
    with open(os.path.join(FIXTURES, "trade", "comtrade_plus", "TradeData_THA_M_8542_2014-2024.csv"), "rb") as f:
        lines = [l.rstrip(b"\r") for l in f.read().split(b"\n") if l.strip()]
    header, rows = lines[0], lines[1:]
    block = b"\r".join(rows) + b"\r"
    target = big(40 * 1000 * 1000, 34 * MIB)
    case("cr-only-40mb", "check " + write_chunks(out, "cr-only.csv", [header + b"\r"] + [block] * (target // len(block) + 1)), "ok")
    n = big(4_000_000, 100_000)
    case("unknown-reporters", "check " + write_chunks(out, "reporters.csv", [TIDY_HEADER.encode(), ok_row.encode()] +
                                                      [f"2020,Q{i},IRN,exports,1,USD\n".encode() for i in range(n)]), "ok", "unknown codes")
    case("xlsx-unique-count", "check " + xlsx(out, "unique-count.xlsx", [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
                                              [b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="10000000000000"><si><t>a</t></si></sst>']),
         "refused", "says it holds")
    case("xlsx-long-string", "check " + xlsx(out, "long-string.xlsx", [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
                                             [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1"><si><t>']
                                             + list(repeat(b"s" * MIB, big(1024 * MIB, 16 * MIB))) + [b"</t></si></sst>"]),
         "refused", "longer than")
    cited = big(20_000, 3_000)
    string = b"c" * (150 * 1024)
    case("xlsx-cited-string", "check " + xlsx(out, "cited.xlsx", (f'<row r="{r + 1}"><c r="A{r + 1}" t="s"><v>0</v></c></row>'.encode() for r in range(cited)),
                                              [b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="1"><si><t>', string, b"</t></si></sst>"]),
         "refused", "MiB of text")
    at_a1 = big(30_000_000, 1_000_000)
    case("xlsx-cells-at-a1", "check " + xlsx(out, "a1.xlsx", [b'<row r="1">', *repeat(b'<c r="A1"><v>1</v></c>' * 4096, at_a1 * 22), b"</row>"]),
         "refused" if not smoke else "refused", "again and again")
    vertices = big(10_000_000, 500_000)

    def geojson_chunks():
        yield b'{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": ['
        step = 1000
        for start in range(0, vertices, step):
            part = ",".join(f"[{(i % 3600) / 10 - 180:.1f},{(i % 1800) / 10 - 90:.1f}]" for i in range(start, min(vertices, start + step)))
            yield (part + ("," if start + step < vertices else "")).encode()
        yield b"]}}"
    case("geojson-vertices", "check " + write_chunks(out, "vertices.geojson", geojson_chunks()),
         "refused" if not smoke else "ok", "more than 4000000 values" if not smoke else "")

    # A valid dataset near the 256 MiB size limit: millions of points, each with a source.
    series_count, per_series = big(9_700, 500), 400

    def dataset_chunks():
        head = dataset([{"id": f"src-{i}", "title": f"Source {i}"} for i in range(50)])
        del head["series"]
        text = json.dumps(head)
        yield (text[:-1] + ', "series": [').encode()
        for s in range(series_count):
            points = ",".join(f'{{"year":{1600 + p},"value":{(s * 7919 + p * 104729) % 1000003 / 1000:.3f},"sources":["src-{(s + p) % 50}"]}}'
                              for p in range(per_series))
            comma = "," if s else ""
            yield f'{comma}{{"id":"s{s}","label":"Series {s}","unit":"USD bn","kind":"exports","points":[{points}]}}'.encode()
        yield b"]}"
    case("large-dataset", "check " + write_chunks(out, "large.json", dataset_chunks()), "ok",
         f"{series_count * per_series} points")

    products = big(3_000_000, 30_000)

    def baci_chunks():
        yield b"t,i,j,k,v,q\n"
        step = 10_000
        for start in range(0, products, step):
            yield "".join(f"{2022 + k % 2},{643 if k % 4 < 2 else 364},{364 if k % 4 < 2 else 643},{k:07},1.5,0.1\n"
                          for k in range(start, min(products, start + step))).encode()
    case("baci-products", "convert --pair RUS,IRN " + write_chunks(out, "baci-products.csv", baci_chunks()), "ok")

    # An .xls: calamine builds every sheet at open, after reserving what `Dimensions` claims.
    wrapping = biff(0x0200, struct.pack("<IIHHH", 10, 1, 0, 256, 0))
    case("xls-dimensions-wrap", "check " + xls(out, "dimensions.xls", xls_stream([[wrapping, xls_number(0, 0, 1.0)]], [0])),
         "refused", "cells Bilateral reads")
    corners = [xls_number(0, 0, 1.0), xls_number(1_999, 255, 2.0)]
    case("xls-sheet-listed-often", "check " + xls(out, "listed.xls", xls_stream([corners], [0] * big(2000, 20))),
         "refused", "sheets together")
    # Found by fuzzing (xls_workbook): a header of text cells whose last is at column 65,534
    # made the chronology reader's column guess take 12 s (each header name against every
    # phrase, each phrase normalised again every time).
    wide = [xls_label(0, c, name) for c, name in enumerate(["alpha", "beta", "gamma"])]
    wide += [xls_label(0, 65_533, "delta"), xls_number(59, 0, 2020.0)]
    case("xls-wide-header", "check " + xls(out, "wide-header.xls", xls_stream([wide], [0])), "refused", "unknown layout")

    # 6. Confusing cases.
    case("geojson-to-convert", "convert " + write(out, "layer.json", '{"type": "FeatureCollection", "features": []}'),
         "refused", "map layer")
    case("empty-codes", "check " + write(out, "empty-codes.csv", TIDY_HEADER + "2020,,,exports,1,USD\n2021,,,exports,2,USD\n"),
         "refused", "code empty")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("trade.csv", TIDY_HEADER + ok_row)
        z.writestr("tradf.csv", TIDY_HEADER + "2021,RUS,IRN,exports,1,USD\n")
    case("zip-same-names", "check " + write(out, "same-names.zip", buffer.getvalue().replace(b"tradf.csv", b"trade.csv")),
         "refused", "same name")

    rows = big(1_000_000, 600)
    columns = big(1, 16384)
    repeated = (f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{columns}" '
                'office:value-type="float" office:value="1"/></table:table-row>')
    content = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>'
               f'<table:table table:name="Data">{repeated}</table:table></office:spreadsheet></office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        z.writestr("content.xml", content)
    case("ods-repeated", "check " + write(out, "repeated.ods", buffer.getvalue()), "refused" if not smoke else "refused",
         "" if not smoke else "repeats its rows and cells")

    with open(os.path.join(out, "manifest.tsv"), "w") as f:
        for row in cases:
            f.write("\t".join(row) + "\n")
    with open(os.path.join(out, "valid.csv"), "w") as f:
        f.write(TIDY_HEADER + ok_row)


if __name__ == "__main__":
    main()
