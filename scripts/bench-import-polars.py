#!/usr/bin/env python3
"""The anchor of the import benchmark: what an analyst would write in polars to get one
pair's totals out of the same file (lazy scan_csv, filter, group-by).

Usage: bench-import-polars.py comtrade FILE.csv | baci FILE.csv
"""

import sys

import polars as pl

PAIR = [643, 364]


def comtrade(path):
    frame = (
        pl.scan_csv(path, encoding="utf8-lossy", truncate_ragged_lines=True)
        .filter(
            (pl.col("partner2Code") == 0)
            & (pl.col("customsCode") == "C00")
            & (pl.col("motCode") == 0)
            & pl.col("flowCode").is_in(["X", "M"])
            & (pl.col("cmdCode") == "TOTAL")
            & pl.col("reporterCode").is_in(PAIR)
            & pl.col("partnerCode").is_in(PAIR)
        )
        .group_by(["reporterCode", "partnerCode", "flowCode", "refYear"])
        .agg(pl.col("primaryValue").sum())
        .collect()
    )
    return frame.height


def baci(path):
    frame = (
        pl.scan_csv(path, schema_overrides={"k": pl.Utf8}, null_values=["NA"])
        .filter(pl.col("i").is_in(PAIR) & pl.col("j").is_in(PAIR))
        .group_by(["t", "i", "j"])
        .agg(pl.col("v").sum())
        .collect()
    )
    return frame.height


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    print({"comtrade": comtrade, "baci": baci}[kind](path), "groups")
