#!/usr/bin/env python3
"""Read the tables of a run with the clients users use (pyarrow, duckdb) and print their
schemas: `pip install pyarrow duckdb && python3 scripts/check_parquet.py out`."""
import sys

import duckdb
import pyarrow.parquet as pq

out = sys.argv[1] if len(sys.argv) > 1 else "out"
for table in ["articles", "figures", "events", "findings"]:
    t = pq.read_table(f"{out}/{table}.parquet")
    print(f"{table}: {t.num_rows} rows")
    for field in t.schema:
        print(f"  {field.name}: {field.type}")
rows = duckdb.sql(
    f"select entity, symbol, event_date, session, level, change_points, change_pct "
    f"from '{out}/figures.parquet' where kind = 'index' order by article, span_start"
).fetchall()
for r in rows:
    print(r)
