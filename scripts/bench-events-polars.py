#!/usr/bin/env python3
"""The anchor of the event benchmark: what an analyst would write in polars to reduce a
month of GDELT 2.0 exports to one pair (lazy scan_csv of the unzipped files, filter on the
two actors' countries both ways, group by month, direction and quad class: events, mean
Goldstein, mean tone; and the 20 most mentioned events).

Usage: bench-events-polars.py 'DIR/*.export.CSV' USA RUS
       bench-events-polars.py --icews FILE.tab 'Russian Federation' Iran
"""

import sys

import polars as pl


def icews(path, a, b):
    """The same reduction of an ICEWS year file: countries by name, the quad class from the
    CAMEO code's root (01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
    conflict, 14-20 material conflict), mean intensity."""
    root = pl.col("CAMEO Code").str.slice(0, 2).cast(pl.Int32, strict=False)
    frame = pl.scan_csv(
        path, separator="\t", quote_char=None, infer_schema=False
    ).select(
        pl.col("Event ID").alias("id"),
        pl.col("Event Date").alias("day"),
        pl.col("Source Country").alias("one"),
        pl.col("Target Country").alias("two"),
        pl.when(root <= 5).then(1).when(root <= 8).then(2).when(root <= 13).then(3).otherwise(4).alias("quad"),
        pl.col("Intensity").cast(pl.Float64, strict=False).alias("intensity"),
    ).filter(
        ((pl.col("one") == a) & (pl.col("two") == b)) | ((pl.col("one") == b) & (pl.col("two") == a))
    )
    pair = frame.collect()
    series = (
        pair.with_columns(pl.col("day").str.slice(0, 7).alias("month"))
        .group_by(["month", "one", "two", "quad"])
        .agg(pl.len().alias("events"), pl.col("intensity").mean())
    )
    print(pair.height, "events,", series.height, "groups")


def main():
    if sys.argv[1] == "--icews":
        icews(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    pattern, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
    # GDELT has no header and never quotes; every column is read as text, then cast
    # (polars numbers headerless columns from 0).
    frame = pl.scan_csv(
        pattern, separator="\t", has_header=False, quote_char=None, infer_schema=False
    ).select(
        pl.col("column_0").alias("id"),
        pl.col("column_1").alias("day"),
        pl.col("column_7").alias("one"),
        pl.col("column_17").alias("two"),
        pl.col("column_26").alias("code"),
        pl.col("column_29").cast(pl.Int8).alias("quad"),
        pl.col("column_30").cast(pl.Float64).alias("goldstein"),
        pl.col("column_31").cast(pl.Int32).alias("mentions"),
        pl.col("column_34").cast(pl.Float64).alias("tone"),
        pl.col("column_60").alias("url"),
    ).filter(
        ((pl.col("one") == a) & (pl.col("two") == b)) | ((pl.col("one") == b) & (pl.col("two") == a))
    )
    pair = frame.collect()
    series = (
        pair.with_columns(pl.col("day").str.slice(0, 6).alias("month"))
        .group_by(["month", "one", "two", "quad"])
        .agg(pl.len().alias("events"), pl.col("goldstein").mean(), pl.col("tone").mean())
    )
    top = pair.sort(["mentions", "id"], descending=[True, False]).unique("url", keep="first").head(20)
    print(pair.height, "events,", series.height, "groups,", top.height, "top events")


if __name__ == "__main__":
    main()
