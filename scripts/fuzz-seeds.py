#!/usr/bin/env python3
"""Seeds every fuzz target's corpus, fuzz/corpus/<target>/, from the repository's fixtures
and the real downloads in tests/fixtures/trade (committed for tests only: their data belongs
to the publishers; a checkout without them falls back to ../shared/fixtures/trade). Large
files are cut at a line (or row) boundary to at most MAX_SEED bytes, so executions stay
quick. Existing corpus files are kept: a corpus only grows."""

import glob
import gzip
import hashlib
import io
import os
import re
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
SHARED = os.path.join(ROOT, "tests", "fixtures", "trade")
if not os.path.isdir(SHARED):
    SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "fixtures", "trade"))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
MAX_SEED = 16 * 1024

sys.path.insert(0, HERE)
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location("bad_input", os.path.join(HERE, "make-bad-input.py"))
bad_input = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bad_input)
spec = importlib.util.spec_from_file_location("hostile", os.path.join(HERE, "make-hostile-input.py"))
hostile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hostile)


def head(data, limit=MAX_SEED):
    """At most `limit` bytes, cut after a line end."""
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    return data[: cut + 1] if cut > 0 else data[:limit]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def shared(pattern):
    return sorted(glob.glob(os.path.join(SHARED, pattern)))


def repo(pattern):
    return sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True))


def inline_sheets(xlsx_path):
    """Each worksheet of a workbook as XML with its shared strings written inline, cut to
    whole rows (what the dots_excel target wraps in a workbook of its own)."""
    archive = zipfile.ZipFile(xlsx_path)
    strings = []
    if "xl/sharedStrings.xml" in archive.namelist():
        text = archive.read("xl/sharedStrings.xml").decode("utf-8")
        for item in re.findall(r"<si>(.*?)</si>", text, re.S):
            strings.append("".join(re.findall(r"<t[^>]*>(.*?)</t>", item, re.S)))
    sheets = []
    for name in sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")):
        xml = archive.read(name).decode("utf-8")

        def inline(match):
            attributes, index = match.group(1), int(match.group(2))
            attributes = re.sub(r'\s*t="s"', "", attributes)
            value = strings[index] if index < len(strings) else ""
            return f'<c{attributes} t="inlineStr"><is><t>{value}</t></is></c>'

        xml = re.sub(r'<c([^>]*?t="s"[^>]*)><v>(\d+)</v></c>', inline, xml)
        start = xml.find("<sheetData>")
        rows = re.findall(r"<row[^>]*>.*?</row>", xml, re.S)
        if start < 0 or not rows:
            continue
        body, prefix = "", xml[: start + len("<sheetData>")]
        for row in rows:
            if len(prefix) + len(body) + len(row) > MAX_SEED - 64:
                break
            body += row
        sheets.append((prefix + body + "</sheetData></worksheet>").encode("utf-8"))
    return sheets


def xlsb_record(kind, body=b""):
    """One MS-XLSB record: its type and size in 7-bit groups, then its body."""
    out = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size = len(body)
    while True:
        low, size = size & 0x7F, size >> 7
        out += bytes([low | (0x80 if size else 0)])
        if not size:
            return out + body


def xlsb_sheets():
    """Worksheet records of a tidy table (text and numbers), and of one cell written again."""
    def wide(text):
        return struct.pack("<I", len(text)) + text.encode("utf-16-le")

    def cell(column, value):
        head = struct.pack("<II", column, 0)
        if isinstance(value, str):
            return xlsb_record(0x0006, head + wide(value))
        return xlsb_record(0x0005, head + struct.pack("<d", value))

    start = xlsb_record(0x0081) + xlsb_record(0x0094, bytes(16)) + xlsb_record(0x0091)
    rows = [["year", "reporter", "partner", "flow", "value", "unit"],
            [2020.0, "RUS", "IRN", "exports", 1.5, "USD bn"],
            [2021.0, "IRN", "RUS", "imports", 2.0, "USD bn"]]
    table = start
    for r, row in enumerate(rows):
        table += xlsb_record(0x0000, struct.pack("<I", r)) + b"".join(cell(c, v) for c, v in enumerate(row))
    again = start + xlsb_record(0x0000, struct.pack("<I", 0)) + cell(0, 1.0) * 3
    return [table + xlsb_record(0x0092), again + xlsb_record(0x0092)]


def xls_streams():
    """Workbook streams (BIFF8 records, written by make-hostile-input.py's writer) of a tidy
    table in one sheet, of a sheet whose Dimensions record starts after it ends, and of one
    sheet listed three times."""
    rows = [["year", "reporter", "partner", "flow", "value", "unit"],
            [2020.0, "RUS", "IRN", "exports", 1.5, "USD bn"],
            [2021.0, "IRN", "RUS", "imports", 2.0, "USD bn"]]
    table = [hostile.xls_label(r, c, v) if isinstance(v, str) else hostile.xls_number(r, c, v)
             for r, row in enumerate(rows) for c, v in enumerate(row)]
    wrapping = hostile.biff(0x0200, struct.pack("<IIHHH", 10, 1, 0, 256, 0))
    stream = hostile.xls_stream
    return [stream([table], [0]), stream([[wrapping] + table], [0]), stream([table], [0, 0, 0])]


def seeds():
    cases = bad_input.CASES
    tidy = b"year,reporter,partner,flow,value,unit,estimate\n2010,RUS,IRN,exports,3.36,USD bn,\n2010,IRN,RUS,imports,1.15,USD bn,\n2011,RUS,IRN,imports,0.3,USD bn,yes\n"
    tidy_bad = [v for k, v in cases.items() if k.startswith("trade/") and k.endswith(".csv")]
    seeds = {name: [] for name in (
        "dataset_json", "geojson", "comtrade_plus_csv", "comtrade_bulk_gz", "comtrade_legacy",
        "dots_csv", "dots_excel", "xlsx_shared_strings", "xlsb_sheet", "xls_workbook", "imts", "wits", "baci_zip", "tidy_csv",
        "encoding", "compression", "settings", "date", "sipri_register_classic",
        "sipri_register_new", "sipri_tiv", "unga_voeten", "unga_unvotes", "unga_undl",
        "unga_roll_calls", "unga_ideal_points", "gdelt2", "gdelt1", "icews_tab", "icews_csv", "chronology", "parquet")}
    seeds["dataset_json"] += [bad_input.VALID_DATASET.encode(), read(os.path.join(ROOT, "assets", "russia-iran.json"))]
    seeds["dataset_json"] += [v for k, v in cases.items() if k.startswith("dataset/")]
    seeds["geojson"] += [read(p) for p in repo("tests/fixtures/geojson/**/*.geojson") + repo("tests/fixtures/geojson/**/*.json")]
    seeds["geojson"] += [v for k, v in cases.items() if k.startswith("geojson/")]
    seeds["comtrade_plus_csv"] += [head(read(p)) for p in shared("comtrade_plus/*.csv")]
    seeds["comtrade_plus_csv"] += [v for k, v in cases.items() if "comtrade-plus" in k]
    seeds["comtrade_bulk_gz"] += [head(read(p)) for p in shared("comtrade_plus_bulk/*")]
    seeds["comtrade_legacy"] += [head(read(p)) for p in shared("comtrade_legacy/*.csv")]
    seeds["dots_csv"] += [head(read(p)) for p in shared("imf_dots/*.csv")]
    for path in shared("imf_dots/*.xlsx") + shared("wits/*.xlsx"):
        seeds["dots_excel"] += inline_sheets(path)
    seeds["dots_excel"].append(
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Country</t></is></c><c r="B1" t="inlineStr"><is><t>2014M01</t></is></c><c r="C1" t="inlineStr"><is><t>2014M02</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>Russian Federation</t></is></c><c r="B2"><v>23246.890568</v></c><c r="C2" t="e"><v>#N/A</v></c></row>'
        b"</sheetData></worksheet>")
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">'
    seeds["xlsx_shared_strings"] += [
        sst + b"<si><t>Country</t></si><si><t>Partner</t></si><si><t>Russian Federation</t></si><si><t>Iran</t></si></sst>",
        sst.replace(b'"4" uniqueCount="4"', b'"1" uniqueCount="10000000000000"') + b"<si><t>a</t></si></sst>",
        sst + b"<si><r><t>Coun</t></r><r><t>try</t></r></si><si/><si><t xml:space=\"preserve\"> x </t></si></sst>",
    ]
    seeds["xlsb_sheet"] += xlsb_sheets()
    seeds["xls_workbook"] += xls_streams()
    seeds["imts"] += [head(read(p)) for p in shared("imf_imts/*")]
    seeds["imts"].append(cases["trade/truncated.xml"])
    seeds["wits"] += [head(read(p)) for p in shared("wits/*.csv") + shared("wits/*.CSV")]
    seeds["baci_zip"] += [head(read(p)) for p in shared("baci/baci_*.csv")]
    seeds["baci_zip"].append(b"t,i,j,k,v,q\n2023,643,364,852352,1223.702,0.748\n2023,364,643,852352,60.473,NA\n")
    seeds["tidy_csv"] += [tidy] + tidy_bad
    seeds["encoding"] += [tidy, b"\xef\xbb\xbf" + tidy, b"\xff\xfe" + tidy.decode().encode("utf-16-le"),
                          b"\xfe\xff" + tidy.decode().encode("utf-16-be"), cases["trade/wrong-encoding.csv"],
                          cases["trade/utf16-odd-bytes.csv"], cases["trade/binary.csv"]]
    seeds["encoding"] += [head(read(p), 4096) for p in shared("comtrade_plus/*.csv")]
    seeds["compression"] += [gzip.compress(tidy, mtime=0), cases["trade/corrupt.csv.gz"], cases["trade/truncated.csv.gz"],
                             cases["trade/no-table.zip"], cases["trade/corrupt.zip"], cases["trade/truncated.xlsx"],
                             bad_input.zip_of([("data/trade.csv", tidy)])]
    seeds["compression"] += [gzip.compress(head(read(p)), mtime=0) for p in shared("comtrade_plus_bulk/*")]
    seeds["settings"] += [
        b'{"theme": "dark", "recent_files": ["/a.json", "/b.json"], "last_view": "map", "window": {"x": 10, "y": 20, "width": 800, "height": 600}, "presenter_scale": 2.5, "presenter_high_contrast": true}',
        b'{"presenter_scale": 0.0, "window": {"x": 1e39, "y": 0, "width": 800, "height": 600}}',
        b'{"theme": "light", "future_option": 3}', b"{ not json", b"{}",
    ]
    seeds["date"] += [b"2016", b"2016-08", b"2016-08-03", b"2016~", b"2016-08~", b"2016-02-29", b"2015-02-29", b"0000-12-31~", b"2016-13"]
    relations = lambda pattern: [head(read(p)) for p in repo("tests/fixtures/relations/" + pattern)]
    seeds["sipri_register_classic"] += relations("sipri/trade-register-classic*.csv")
    seeds["sipri_register_new"] += relations("sipri/trade-register-new*.csv")
    seeds["sipri_tiv"] += relations("sipri/tiv-*.csv")
    seeds["unga_voeten"] += relations("hand_made/voeten_votes*.csv")
    seeds["unga_unvotes"] += relations("unga/unvotes*.csv")
    seeds["unga_undl"].append(
        b"undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n"
        b"1,RUS,RUSSIAN FEDERATION,N,2022-03-02,ES-11,A/RES/ES-11/1,,,,Aggression against Ukraine,,,,141,5,35,12,193,\n"
        b"1,USA,UNITED STATES,Y,2022-03-02,ES-11,A/RES/ES-11/1,,,,Aggression against Ukraine,,,,141,5,35,12,193,\n")
    seeds["unga_roll_calls"] += relations("unga/voeten_descriptions*.csv")
    seeds["unga_ideal_points"] += relations("unga/idealpoints*.csv")
    events = lambda pattern: [head(read(p)) for p in repo("tests/fixtures/relations/events/" + pattern)]
    seeds["gdelt2"] += events("gdelt2_*")
    # GDELT 1.0 rows from 2.0 rows: no ADM2Code in the three geography blocks, DATEADDED a day.
    for data in events("gdelt2_*"):
        lines = []
        for line in data.split(b"\n"):
            fields = line.split(b"\t")
            if len(fields) == 61:
                del fields[55], fields[47], fields[39]
                fields[56] = fields[56][:8]
                lines.append(b"\t".join(fields))
        seeds["gdelt1"] += [b"\n".join(lines), b"\n".join(l.rsplit(b"\t", 1)[0] for l in lines)]
    seeds["icews_tab"] += events("*.tab")
    seeds["icews_csv"] += events("icews_*.csv")
    seeds["chronology"] += relations("chronology/*.csv")
    seeds["chronology"] += [b"When,What,Where\n02/06/2022,a,x\nc. 2000,b,y\nMarch\xe2\x80\x93May 2019,c,z\n1990s,d,\n"]
    # Whole files (a Parquet file cut short is only its magic): the small ones DuckDB and
    # polars wrote (tests/fixtures/parquet/PROVENANCE.md).
    seeds["parquet"] += [read(p) for p in repo("tests/fixtures/parquet/*.parquet") if os.path.getsize(p) <= MAX_SEED]
    return seeds


def main():
    total = 0
    for target, items in seeds().items():
        folder = os.path.join(CORPUS, target)
        os.makedirs(folder, exist_ok=True)
        for data in items:
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(folder, name), "wb") as out:
                out.write(data)
            total += 1
    found = "with" if os.path.isdir(SHARED) else "WITHOUT (not found)"
    print(f"{total} seeds in {os.path.relpath(CORPUS, ROOT)}/, {found} {SHARED}")


if __name__ == "__main__":
    main()
