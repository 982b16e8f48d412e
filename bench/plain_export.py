"""The reference for `csm export --format csv`: the least a script can do to
write the same rows, read from the same table in the same order.

    python bench/plain_export.py LOG.sqlite3 OUT.csv
"""

from __future__ import annotations

import csv
import sqlite3
import sys

COLUMNS = (
    "uuid, item_id, title, cadence, kind, period_start, period_end, for_date, "
    "logged_at, logged_by, note, undone_at, host"
)


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    cursor = db.execute(
        f"SELECT {COLUMNS} FROM events WHERE undone_at IS NULL ORDER BY logged_at_utc, id"
    )
    with open(target, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([c.strip() for c in COLUMNS.replace("logged_by", "by").split(",")])
        while rows := cursor.fetchmany(1000):
            writer.writerows(rows)


if __name__ == "__main__":
    main()
