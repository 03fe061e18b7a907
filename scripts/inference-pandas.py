#!/usr/bin/python3
"""pandas' type inference on AiEtl's labelled corpus (tests/AiEtl.Tests/TestData/inference/**/*.types), scored as
tests/AiEtl.Tests/Inference/InferenceCorpusTests scores AiEtl's: strict accuracy (the type read is the declared one).

pandas is given what AiEtl is given (InferenceSamples.OptionsFor): the delimiter, the culture's decimal and thousands
separators and dates written day first for orders-de, thousands separators for orders-us, the null tokens; nothing
else. Two runs: read_csv with its defaults, and with date parsing on (every text column whose non-null values all
parse with pd.to_datetime becomes a date-time). What pandas reads is named with AiEtl's types:
int64 -> Integer, float64 -> Float, bool -> Boolean, object -> String; after date parsing, datetime64 with every value
at midnight -> Date, with a time zone -> Timestamp, other datetime64 -> DateTime. pandas has no decimal, time, GUID or
JSON type, so columns declared that way cannot be right; that is the comparison the issue asks for.

    /usr/bin/python3 scripts/inference-pandas.py        # Debian's python3-pandas (apt-get install -y python3-pandas)
"""
import glob
import os
import sys
import warnings

import pandas as pd

PANDAS_TYPES = {"Integer", "Float", "Boolean", "String", "Date", "DateTime", "Timestamp"}
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "AiEtl.Tests", "TestData", "inference")

OPTIONS = {
    "orders-de": dict(sep=";", decimal=",", thousands=".", na_values=["NULL"], dayfirst=True),
    "orders-us": dict(thousands=",", na_values=["NA"]),
    "decimal-comma": dict(sep=";"),
}


def read(csv, parse_dates):
    options = dict(OPTIONS.get(os.path.splitext(os.path.basename(csv))[0], {}))
    dayfirst = options.pop("dayfirst", False)
    frame = pd.read_csv(csv, **options)
    types = {}
    for name in frame.columns:
        column = frame[name]
        if parse_dates and column.dtype == object and column.notna().any():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    column = pd.to_datetime(column, dayfirst=dayfirst)
                except (ValueError, TypeError, OverflowError):
                    pass
        types[name] = name_of(column)
    return types


def name_of(column):
    dtype = column.dtype
    if pd.api.types.is_datetime64tz_dtype(dtype):
        return "Timestamp"
    if pd.api.types.is_datetime64_dtype(dtype):
        values = column.dropna()
        return "Date" if ((values.dt.hour == 0) & (values.dt.minute == 0) & (values.dt.second == 0)).all() else "DateTime"
    if pd.api.types.is_bool_dtype(dtype):
        return "Boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "Integer"
    if pd.api.types.is_float_dtype(dtype):
        return "Float"
    return "String"


def main():
    rows = []
    for types_file in sorted(glob.glob(os.path.join(CORPUS, "**", "*.types"), recursive=True)):
        csv = os.path.splitext(types_file)[0] + ".csv"
        file = os.path.relpath(csv, CORPUS)
        read_default, read_dates = read(csv, False), read(csv, True)
        for line in open(types_file, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, expected = line.rsplit(":", 1)
            rows.append((file, name, expected.split("|"), read_default[name], read_dates[name]))

    print(f"pandas {pd.__version__}, {len(rows)} columns")
    print("| part | columns | read_csv defaults: strict | with date parsing: strict |")
    print("|---|---|---|---|")
    # The last part: only the columns declared with a type pandas has, so that no miss is for want of a type.
    representable = [r for r in rows if set(r[2]) & PANDAS_TYPES]
    for part, of in [(p, [r for r in rows if r[0].startswith(p)]) for p in ("traps", "public", "")] + [("pandas has the type", representable)]:
        plain = sum(r[3] in r[2] for r in of)
        dates = sum(r[4] in r[2] for r in of)
        print(f"| {part or 'all'} | {len(of)} | {plain} ({100 * plain / len(of):.1f} %) | {dates} ({100 * dates / len(of):.1f} %) |")
    if "-v" in sys.argv:
        for file, name, expected, plain, dates in rows:
            if dates not in expected:
                print(f"miss: {file} {name}: {dates} (defaults {plain}; expected {'|'.join(expected)})")


main()
