"""The seed's three transforms into SQLite with pandas, as a data engineer writes it: read_csv, dropna,
drop_duplicates on id, to_sql. pandas has no quality scorer; the row-wise score is left out, which favours pandas.
Usage: python3 pandas_three.py <input.csv> <output.db>"""
import sqlite3
import sys

import pandas as pd

frame = pd.read_csv(sys.argv[1])
frame = frame.dropna().drop_duplicates(subset=["id"], keep="first")
with sqlite3.connect(sys.argv[2]) as connection:
    frame.to_sql("customers", connection, if_exists="replace", index=False, chunksize=10000)
print(len(frame), "rows")
