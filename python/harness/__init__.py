"""The one place that decides how a preprocessing script is loaded and called.

Validate mode (src/local-checks) and the emulator (emulator/) both run this package, through
src/harness, so that whatever one accepts the other accepts too. Standard library only;
pandas is imported only for the DataFrame contracts.

Usage: `python <this folder> <request.json>` (__main__.py). The request names the mode and
its files; the verdict goes to the JSON file the request names as "result", never to
stdout, so whatever the user's code prints cannot corrupt it. Samples and datasets arrive
as files, never as arguments (a 5 MB JSON sample would not fit in argv).

Modes
  check       parse only (nothing of the user's runs): is the entrypoint bound, and can it
              be called as the contract calls it? Fails only on certainties; anything
              uncertain is a note. For an Async contract it also lists "signals": what in
              the entrypoint would break under either Async contract (contract_signals).
  build       import the script (as the server's build does) and check the entrypoint.
  sync        Sync: fn(data, base_path). data is the request's Input as a JSON *string*,
              base_path the script's folder. Returns a dict or a JSON string; any value
              json.dumps accepts (NaN excluded) is sent, a str must hold JSON.
  async-v1    v1 Async. Two forms, told apart by the entrypoint's named positional
              parameters (no switch needed, and the same rule serves the emulator):
                - three or more, e.g. build_df(df, data_path, extra_path=None): the current
                  server's DataFrame form; df is the dataset read with pandas, the function
                  returns a DataFrame (written as parquet by the caller);
                - otherwise the 2.1.1 form fn(data_path, extra_path=None): the env var
                  inputFileName names the dataset in data_path; the function writes a file
                  and returns its path. A function taking one argument gets data_path only.
  dataframes  v2 Async: fn(dfs, extra_path=None), dfs a dict {dataset name: DataFrame};
              returns a non-empty DataFrame (written as parquet by the caller).

Arity rule (one function, `call_plan`, for the parser's check and the real call): an
entrypoint fits when it can be called with the contract's positional arguments — enough
named positional parameters or *args, and no keyword-only parameter without a default.

Datasets: csv (pandas.read_csv), json (pandas.read_json) and "columns" (a JSON object
{column: [values]} that Node writes for parquet, which it reads with hyparquet: there is no
pyarrow). A returned DataFrame leaves as columns of one type each (INT64, DOUBLE, BOOLEAN,
TIMESTAMP, STRING; anything else as its text), without its index, for Node to write with
hyparquet-writer.

Interpreter (chosen in src/harness, recorded here because it decides what runs this package):
validate mode uses python<python-version> when it is on PATH, else python3 with a warning;
the emulator uses the first of `python3` on PATH and /usr/bin/python3 that can import
pandas, else `python3`.

Modules: loader (reading and importing the script; ScriptError), arity (the arity rule:
call_plan), check (the parser's check), signals (contract_signals), frames (results and
datasets), run (the modes that run the script, and main); __main__.py is the entry.
"""
