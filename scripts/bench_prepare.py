#!/usr/bin/env python3
"""Prepares the benchmark's corpora and query set (standard library only).

Usage: bench_prepare.py SOURCE_DIR WORK_DIR SIZE... [--queries N] [--seed S]

Corpora: for every SIZE (a number of papers, or "all"), WORK_DIR/corpus-SIZE/ gets, for every Kaggle JSON-lines
file of SOURCE_DIR (gzipped or not, in name order), that file's first lines in proportion to its share of the whole
collection, written uncompressed. Every subset thus mixes the sources as the whole collection does, and a smaller
subset is contained in every larger one.

Queries: WORK_DIR/queries.tsv, N queries (default 1200) drawn with a fixed seed from the words, authors, categories
and dates of the records of the largest corpus; every query is built from one real record, so it matches at least
that record. Columns: kind, the paperdex query, the FTS5 MATCH expression, and the first and last year of a date
filter (empty when there is none).
"""

import argparse
import gzip
import json
import os
import random
import re
import sys
from email.utils import parsedate_to_datetime

# Query mix: one-word, multi-word, phrase, author, category, date-filtered.
MIX = [("word", 0.30), ("words", 0.25), ("phrase", 0.15), ("author", 0.10), ("category", 0.10), ("date", 0.10)]
STOPWORDS = set("""a an and are as at be by for from has have in into is it its of on or over the their this to
under via with without using based new towards toward between through when what which how study""".split())
WORD = re.compile(r"[A-Za-z]+")
# The bare words both engines search: FTS5 gets them as a column filter on the same text columns.
TEXT_COLUMNS = "{title abstract authors}"


def source_files(source_dir):
    names = sorted(n for n in os.listdir(source_dir) if n.endswith((".jsonl", ".jsonl.gz", ".json", ".json.gz")))
    return [os.path.join(source_dir, n) for n in names]


def read_lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        return [line for line in f if line.strip()]


def title_words(record):
    words = WORD.findall(record.get("title") or "")
    # Only words that are plain ASCII letters in the title's own text, so both engines read them the same way.
    return [w.lower() for w in words if len(w) >= 3]


def content_words(record):
    return [w for w in title_words(record) if len(w) >= 4 and w not in STOPWORDS]


def surnames(record):
    authors = record.get("authors") or ""
    names = re.split(r",|\band\b", authors)
    found = []
    for name in names:
        parts = name.strip().split()
        if parts and re.fullmatch(r"[A-Z][a-z]{3,}", parts[-1]):
            found.append(parts[-1].lower())
    return found


def published_year(record):
    versions = record.get("versions") or []
    if versions and isinstance(versions[0], dict) and versions[0].get("created"):
        try:
            return parsedate_to_datetime(versions[0]["created"]).year
        except (TypeError, ValueError):
            return None
    return None


def fts_terms(words):
    return " AND ".join('"%s"' % w for w in words)


def make_query(kind, record, rng):
    words = content_words(record)
    if kind == "word" and words:
        w = rng.choice(words)
        return w, "%s : %s" % (TEXT_COLUMNS, fts_terms([w])), "", ""
    if kind == "words" and len(set(words)) >= 2:
        chosen = rng.sample(sorted(set(words)), min(len(set(words)), rng.choice([2, 2, 3])))
        return " ".join(chosen), "%s : (%s)" % (TEXT_COLUMNS, fts_terms(chosen)), "", ""
    if kind == "phrase":
        tokens = title_words(record)
        pairs = [(a, b) for a, b in zip(tokens, tokens[1:]) if a not in STOPWORDS and b not in STOPWORDS]
        if pairs:
            a, b = rng.choice(pairs)
            return '"%s %s"' % (a, b), '%s : "%s %s"' % (TEXT_COLUMNS, a, b), "", ""
    if kind == "author":
        names = surnames(record)
        if names:
            name = rng.choice(names)
            return "au:" + name, 'authors : "%s"' % name, "", ""
    if kind == "category" and words:
        categories = (record.get("categories") or "").split()
        if categories and re.fullmatch(r"[a-z-]+(\.[A-Za-z-]+)?", categories[0]):
            category = rng.choice(categories)
            w = rng.choice(words)
            if re.fullmatch(r"[a-z-]+(\.[A-Za-z-]+)?", category):
                fts_category = " ".join(re.split(r"[.-]", category))
                return ("cat:%s %s" % (category, w),
                        'categories : "%s" AND %s : %s' % (fts_category, TEXT_COLUMNS, fts_terms([w])), "", "")
    if kind == "date" and words:
        year = published_year(record)
        if year:
            since = year - rng.randint(0, 3)
            until = year + rng.randint(0, 2)
            w = rng.choice(words)
            return ("%s date:[%d TO %d]" % (w, since, until), "%s : %s" % (TEXT_COLUMNS, fts_terms([w])),
                    str(since), str(until))
    return None


def main(argv):
    parser = argparse.ArgumentParser(description="Prepares the benchmark's corpora and query set.")
    parser.add_argument("source_dir")
    parser.add_argument("work_dir")
    parser.add_argument("sizes", nargs="+", help='numbers of papers, or "all"')
    parser.add_argument("--queries", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args(argv)
    source_dir, work_dir, sizes, count, seed = args.source_dir, args.work_dir, args.sizes, args.queries, args.seed
    files = source_files(source_dir)
    lines = {path: read_lines(path) for path in files}
    total = sum(len(v) for v in lines.values())
    os.makedirs(work_dir, exist_ok=True)
    for size in sizes:
        wanted = total if size == "all" else int(size)
        target = os.path.join(work_dir, "corpus-%s" % size)
        os.makedirs(target, exist_ok=True)
        written = 0
        for path, file_lines in lines.items():
            share = round(wanted * len(file_lines) / total)
            name = os.path.basename(path)
            name = name[:-3] if name.endswith(".gz") else name
            with open(os.path.join(target, name), "wb") as out:
                out.writelines(file_lines[:share])
            written += min(share, len(file_lines))
        print("corpus-%s: %d records in %s" % (size, written, target))
    rng = random.Random(seed)
    records = [line for file_lines in lines.values() for line in file_lines]
    quotas = [(kind, round(count * share)) for kind, share in MIX]
    queries = []
    seen = set()
    for kind, quota in quotas:
        made = 0
        while made < quota:
            record = json.loads(rng.choice(records))
            query = make_query(kind, record, rng)
            if query and query[0] not in seen:
                seen.add(query[0])
                queries.append((kind,) + query)
                made += 1
    rng.shuffle(queries)
    path = os.path.join(work_dir, "queries.tsv")
    with open(path, "w", encoding="utf-8") as out:
        out.write("kind\tpaperdex\tfts5\tsince\tuntil\n")
        for q in queries:
            out.write("\t".join(q) + "\n")
    print("queries: %d in %s (seed %d)" % (len(queries), path, seed))


if __name__ == "__main__":
    main(sys.argv[1:])
