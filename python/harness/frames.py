"""What the entrypoint returned, checked and converted; the datasets it is given."""
import json
import math
import os

from .loader import ScriptError

def json_value(value):
    """The Sync answer: a JSON-serialisable value, or a str holding JSON."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise ScriptError("the entrypoint returned a string that is not JSON: %r" % value[:200])
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ScriptError("the entrypoint returned a %s that is not JSON-serialisable: %s" % (
            type(value).__name__, exc))
    return value


def written_file(value):
    """The v1 Async (2.1.1) answer: the path of a non-empty file the entrypoint wrote."""
    if not isinstance(value, (str, os.PathLike)):
        raise ScriptError("the entrypoint returned %s, not the path of the file it wrote" % type(value).__name__)
    path = os.path.abspath(os.fspath(value))
    if not os.path.isfile(path):
        raise ScriptError("the entrypoint returned %r, which is not a file" % os.fspath(value))
    if os.path.getsize(path) == 0:
        raise ScriptError("the entrypoint wrote an empty file (%s)" % os.path.basename(path))
    return path


def frame_columns(frame):
    """A returned DataFrame as typed columns for Node's parquet writer."""
    import pandas

    if not isinstance(frame, pandas.DataFrame):
        raise ScriptError("the entrypoint returned %s, not a pandas DataFrame" % type(frame).__name__)
    if frame.shape[1] == 0:
        raise ScriptError("the entrypoint returned a DataFrame with no columns")
    if frame.shape[0] == 0:
        raise ScriptError("the entrypoint returned an empty DataFrame (0 rows)")
    names = [str(c) for c in frame.columns]
    if len(set(names)) != len(names):
        repeated = ", ".join(sorted({n for n in names if names.count(n) > 1}))
        raise ScriptError("the entrypoint returned a DataFrame with duplicate column names (%s)" % repeated)
    columns = []
    for name, (_, series) in zip(names, frame.items()):
        kind = series.dtype.kind
        missing = series.isna().tolist()
        if kind in "iu":
            kind_name, values = "INT64", [str(int(v)) for v in series.tolist()]
        elif kind == "f":
            # JSON has no infinities: they travel as text and Node turns them back.
            kind_name, values = "DOUBLE", [float(v) if math.isfinite(v) else str(float(v)) for v in series.tolist()]
        elif kind == "b":
            kind_name, values = "BOOLEAN", [bool(v) for v in series.tolist()]
        elif kind == "M":
            kind_name, values = "TIMESTAMP", [int(v.value // 1000000) if v is not pandas.NaT else None for v in series]
        else:
            items = series.tolist()
            if all(isinstance(v, bool) for v, m in zip(items, missing) if not m):
                kind_name, values = "BOOLEAN", items
            elif all(isinstance(v, int) and not isinstance(v, bool) for v, m in zip(items, missing) if not m):
                kind_name, values = "INT64", [str(v) if not m else None for v, m in zip(items, missing)]
            else:
                kind_name, values = "STRING", [v if isinstance(v, str) else str(v) for v in items]
        values = [None if m else v for v, m in zip(values, missing)]
        columns.append({"name": name, "type": kind_name, "values": values})
    return {"rows": int(frame.shape[0]), "columns": columns}


def read_dataset(pandas, path, form):
    if form == "columns":
        with open(path, encoding="utf-8") as handle:
            return pandas.DataFrame(json.load(handle))
    if form == "json":
        return pandas.read_json(path)
    return pandas.read_csv(path)


def dataset_form(path):
    return "json" if path.lower().endswith(".json") else "csv"
