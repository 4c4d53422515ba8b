/** Tiny entrypoints (standard library only) that the emulator tests upload. */

/** Sync: imports an extra module, reads an extra file, prints (which must not corrupt the answer). */
export const SYNC_OK = `
import json
import os
from helper import double

def process(data, base_path):
    payload = json.loads(data)
    print("processing", sorted(payload))
    with open(os.path.join(base_path, "factor.txt")) as handle:
        factor = int(handle.read())
    return {"doubled": double(payload["x"]) * factor, "type": type(data).__name__, "cwd": os.getcwd() == base_path}
`

export const HELPER_MODULE = 'def double(value):\n    return value * 2\n'

export const SYNC_RETURNS_JSON_STRING = `
import json

def process(data, base_path):
    return json.dumps({"echo": json.loads(data)})
`

export const SYNC_RAISES = `
def process(data, base_path):
    raise ValueError("the input is not acceptable")
`

export const SYNC_SLEEPS = `
import time

def process(data, base_path):
    time.sleep(30)
    return {}
`

export const SYNTAX_ERROR = `
def process(data, base_path)
    return {}
`

export const MISSING_ENTRYPOINT = `
def something_else(data, base_path):
    return {}
`

export const WRONG_SIGNATURE = `
def process(data):
    return {}
`

export const MISSING_IMPORT = `
import surely_not_an_installed_module_xyz

def process(data, base_path):
    return {}
`

/** Async: counts the CSV rows and writes a copy with a row number column. */
export const ASYNC_CSV = `
import csv
import os

def build_df(data_path, extra_path=None):
    source = os.path.join(data_path, os.environ["inputFileName"])
    target = os.path.join(data_path, "base_preprocessada.csv")
    with open(source, newline="", encoding="utf-8") as src, open(target, "w", newline="", encoding="utf-8") as dst:
        reader = csv.reader(src)
        writer = csv.writer(dst)
        header = next(reader)
        writer.writerow(["row"] + header)
        for number, row in enumerate(reader, 1):
            writer.writerow([number] + row)
    print("extra files:", sorted(os.listdir(extra_path)))
    return target
`

export const ASYNC_ONE_ARG = `
import os

def run(data_path):
    target = os.path.join(data_path, "out.txt")
    with open(target, "w") as handle:
        handle.write("input was " + os.environ["inputFileName"])
    return target
`

export const ASYNC_RAISES = `
def build_df(data_path, extra_path=None):
    raise RuntimeError("cannot read the dataset")
`

/** A notebook whose cells include IPython magics and shell escapes the build must skip. */
export const NOTEBOOK = JSON.stringify({
  cells: [
    { cell_type: 'markdown', source: ['# A notebook'] },
    { cell_type: 'code', source: ['%pip install nothing\n', '!ls -la\n', 'import json\n'] },
    {
      cell_type: 'code',
      source: 'def process(data, base_path):\n    return {"from": "notebook", "keys": sorted(json.loads(data))}\n'
    }
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5
})

/**
 * v2 entrypoint (a dict of DataFrames in, a DataFrame out). It imports nothing at module
 * level, so it builds on any Python; running it needs pandas.
 */
export const V2_JOIN = `
def build_df(dfs, extra_path=None):
    clients = dfs["clients"]
    loans = dfs["loans"]
    merged = clients.merge(loans, on="id")
    merged["ratio"] = merged["amount"] / merged["income"]
    return merged
`

export const V2_CLIENTS_CSV = 'id,income\n1,1000\n2,2500\n3,4000\n'
export const V2_LOANS_JSON = JSON.stringify([
  { id: 1, amount: 500 },
  { id: 2, amount: 500 },
  { id: 3, amount: 1000 }
])

export const V2_RAISES = `
def build_df(dfs, extra_path=None):
    raise RuntimeError("cannot merge the datasets")
`
