/** Models and the preprocessing scripts that feed them (standard library only), for the model route tests. */

/** Sync preprocessing: raw rows → the model's features (income in thousands, age). */
export const FEED_OK = `
import json

def process(data, base_path):
    rows = json.loads(data)
    return [{"income_k": r["income"] / 1000, "age": r["age"]} for r in rows]
`

/** Renamed a feature: the model no longer finds 'age'. */
export const FEED_RENAMED = `
import json

def process(data, base_path):
    rows = json.loads(data)
    return [{"income_k": r["income"] / 1000, "age_years": r["age"]} for r in rows]
`

export const FEED_BROKEN = `
def process(data, base_path):
    raise KeyError("income_total")
`

/** Sync model: needs income_k and age in every row. */
export const MODEL_SYNC = `
import json

FEATURES = ("income_k", "age")

def score(data, base_path):
    rows = json.loads(data)
    missing = sorted({f for r in rows for f in FEATURES if f not in r})
    if missing:
        raise ValueError("missing feature(s): " + ", ".join(missing))
    return {"scores": [round(r["income_k"] * 0.1 + r["age"] * 0.01, 4) for r in rows]}
`

/**
 * Async model (the path form): reads the input named by inputFileName, a CSV or the JSON
 * columns the emulator writes for a parquet input; needs an 'income' column; writes scores.csv.
 */
export const MODEL_ASYNC = `
import csv
import json
import os

def score(data_path, base_path):
    name = os.environ["inputFileName"]
    path = os.path.join(data_path, name)
    if name.endswith(".json"):
        with open(path) as handle:
            columns = json.load(handle)
        rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
    else:
        with open(path, newline="") as handle:
            rows = list(csv.DictReader(handle))
    if any("income" not in r for r in rows):
        raise ValueError("missing feature: income")
    target = os.path.join(data_path, "scores.csv")
    with open(target, "w") as handle:
        handle.write("score\\n")
        for r in rows:
            handle.write("%s\\n" % (float(r["income"]) / 1000))
    return target
`

/** v1 Async preprocessing: keeps the income column of a CSV (or drops it: FEED_ASYNC_DROPS). */
export const FEED_ASYNC = `
import csv
import os

def build_df(data_path, extra_path=None):
    source = os.path.join(data_path, os.environ["inputFileName"])
    target = os.path.join(data_path, "features.csv")
    with open(source, newline="") as src, open(target, "w", newline="") as dst:
        rows = list(csv.DictReader(src))
        dst.write("income\\n")
        for r in rows:
            dst.write(r["income"] + "\\n")
    return target
`
