#!/usr/bin/env python3
"""SQLite FTS5, set up as a user would for a local paper search, on the benchmark's corpus and queries.

Standard library only (python3's built-in sqlite3). Three commands:

  bench_fts5.py index CORPUS_DIR DB_FILE        build the database; prints one JSON object of figures
  bench_fts5.py query DB_FILE QUERIES_TSV RUNS  warm query latency, in-process; prints one JSON object
  bench_fts5.py search DB_FILE QUERY            one search, as a command would run it (for whole-process time)

The schema: an FTS5 table with title, abstract, authors and categories as columns (porter stemming, unicode61 with
diacritics removed, like paperdex's light stemming and accent folding), and a plain table with each paper's arXiv id
and first-version date (indexed), sharing the rowid. A paper read twice (same id) replaces its earlier row, as in
paperdex. A search returns the exact number of matches and the ten best by bm25() with column weights (title 3,
abstract 1, authors 2, categories 1: paperdex's boosts), with the title highlighted and an abstract snippet.
"""

import json
import os
import re
import sqlite3
import sys
import time
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone

WEIGHTS = "3.0, 1.0, 2.0, 1.0"
LIMIT = 10
SPACE = re.compile(r"\s+")


def collapse(text):
    return SPACE.sub(" ", text).strip() if text else ""


ARXIV_ID = re.compile(r"(\d{2})(\d{2})\.\d{4,5}|[a-z-]+/(\d{2})(\d{2})\d{3}")


def published(record):
    """The first version's time; without one, the first day of the month in the id, as paperdex dates it."""
    versions = record.get("versions") or []
    if versions and isinstance(versions[0], dict) and versions[0].get("created"):
        try:
            return int(parsedate_to_datetime(versions[0]["created"]).timestamp())
        except (TypeError, ValueError):
            return None
    match = ARXIV_ID.fullmatch(str(record.get("id") or ""))
    if not match:
        return None
    new_style = match.group(1) is not None
    year, month = (int(match.group(1)), int(match.group(2))) if new_style else (int(match.group(3)), int(match.group(4)))
    year += 1900 if year >= 91 else 2000
    # New-style ids began in April 2007; old-style ones ran from August 1991 to March 2007.
    if not 1 <= month <= 12 or ((year, month) < (2007, 4) if new_style else not (1991, 8) <= (year, month) < (2007, 4)):
        return None
    return int(datetime(year, month, 1, tzinfo=timezone.utc).timestamp())


def index(corpus_dir, db_file):
    start = time.perf_counter()
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(db_file + suffix):
            os.remove(db_file + suffix)
    db = sqlite3.connect(db_file)
    db.executescript("""
        CREATE TABLE papers(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, published INTEGER);
        CREATE VIRTUAL TABLE fts USING fts5(title, abstract, authors, categories,
            tokenize = 'porter unicode61 remove_diacritics 2');
    """)
    rows = {}
    records = 0
    input_bytes = 0
    names = sorted(n for n in os.listdir(corpus_dir) if n.endswith((".jsonl", ".json")))
    with db:
        for name in names:
            with open(os.path.join(corpus_dir, name), "rb") as f:
                for line in f:
                    input_bytes += len(line)
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    records += 1
                    paper_id = record["id"]
                    values = (collapse(record.get("title")), collapse(record.get("abstract")),
                              collapse(record.get("authors")), record.get("categories") or "")
                    rowid = rows.get(paper_id)
                    if rowid is None:
                        rowid = len(rows) + 1
                        rows[paper_id] = rowid
                        db.execute("INSERT INTO papers(rowid, id, published) VALUES (?, ?, ?)",
                                   (rowid, paper_id, published(record)))
                    else:
                        db.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
                        db.execute("UPDATE papers SET published = ? WHERE rowid = ?", (published(record), rowid))
                    db.execute("INSERT INTO fts(rowid, title, abstract, authors, categories) VALUES (?, ?, ?, ?, ?)",
                               (rowid,) + values)
        loaded = time.perf_counter()
        db.execute("CREATE INDEX papers_published ON papers(published)")
        db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.execute("VACUUM")
    db.close()
    end = time.perf_counter()
    print(json.dumps({"engine": "fts5", "records": records, "papers": len(rows), "input_bytes": input_bytes,
                      "seconds": end - start, "load_seconds": loaded - start, "optimize_seconds": end - loaded,
                      "index_bytes": os.path.getsize(db_file)}))


def epoch(year, end=False):
    return int(datetime(year + 1 if end else year, 1, 1, tzinfo=timezone.utc).timestamp()) - (1 if end else 0)


def search(db, match, since, until):
    """The exact total and the best hits, with highlighted title and an abstract snippet."""
    where = "fts MATCH ?"
    params = [match]
    if since:
        where += " AND p.published BETWEEN ? AND ?"
        params += [epoch(int(since)), epoch(int(until), end=True)]
    total = db.execute("SELECT count(*) FROM fts JOIN papers p ON p.rowid = fts.rowid WHERE " + where,
                       params).fetchone()[0]
    hits = db.execute(
        "SELECT p.id, highlight(fts, 0, '[', ']'), snippet(fts, 1, '[', ']', '…', 32) "
        "FROM fts JOIN papers p ON p.rowid = fts.rowid WHERE " + where
        + " ORDER BY bm25(fts, " + WEIGHTS + ") LIMIT " + str(LIMIT), params).fetchall()
    return total, hits


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def percentile(sorted_values, p):
    k = (len(sorted_values) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def query(db_file, queries_file, runs):
    db = sqlite3.connect(db_file)
    queries = read_queries(queries_file)
    for q in queries:  # warm-up: every query once, so the pages are cached and nothing is read twice from disk
        search(db, q["fts5"], q["since"], q["until"])
    runs_wall, runs_cpu = [], []
    matched = 0
    totals = 0
    for _ in range(runs):
        wall, cpu = [], []
        for q in queries:
            c = time.thread_time()
            t = time.perf_counter()
            total, hits = search(db, q["fts5"], q["since"], q["until"])
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.thread_time() - c) * 1000)
            matched += 1 if total else 0
            totals += total
        runs_wall.append([percentile(sorted(wall), p) for p in (50, 95, 99)])
        runs_cpu.append([percentile(sorted(cpu), p) for p in (50, 95, 99)])
    figures = {"engine": "fts5", "queries": len(queries), "runs": runs,
               "matched_fraction": matched / (runs * len(queries)), "mean_total": totals / (runs * len(queries))}
    for i, p in enumerate(("p50", "p95", "p99")):
        figures[p + "_ms"] = sorted(run[i] for run in runs_wall)[runs // 2]
        figures["cpu_" + p + "_ms"] = sorted(run[i] for run in runs_cpu)[runs // 2]
    print(json.dumps(figures))


def main(argv):
    if len(argv) >= 3 and argv[0] == "index":
        index(argv[1], argv[2])
    elif len(argv) >= 4 and argv[0] == "query":
        query(argv[1], argv[2], int(argv[3]))
    elif len(argv) >= 3 and argv[0] == "search":
        db = sqlite3.connect(argv[1])
        total, hits = search(db, argv[2], argv[3] if len(argv) > 4 else "", argv[4] if len(argv) > 4 else "")
        for rank, (paper_id, title, snippet) in enumerate(hits, 1):
            print("%2d. %s  %s\n    %s" % (rank, paper_id, title, snippet))
        print("%d papers match" % total)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
