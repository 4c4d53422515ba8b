"""Async run: `run_async.py <source> <entrypoint> <data_path> <result.json>`.

Calls `fn(data_path, extra_path)` (or `fn(data_path)` when it takes one argument), with
the env var `inputFileName` naming the dataset, and reports the output file it returns.
"""
import os
import sys

from neomaril_emulator_harness import failure, find_entrypoint, load_module, positional_arities, write_result


def main():
    source, entrypoint, data_path, result_path = sys.argv[1:5]
    extra_path = os.path.dirname(os.path.abspath(source))
    try:
        fn = find_entrypoint(load_module(source), entrypoint, "Async")
        args = (data_path, extra_path) if 2 in positional_arities(fn) else (data_path,)
        output = fn(*args)
        if not isinstance(output, (str, os.PathLike)):
            raise TypeError(f"The entrypoint must return the output file's path, not {type(output).__name__}")
        output = os.path.abspath(os.fspath(output))
        if not os.path.isfile(output):
            raise FileNotFoundError(f"The entrypoint returned '{output}', which is not a file")
    except BaseException as exc:
        write_result(result_path, failure(exc))
        return
    write_result(result_path, {"ok": True, "output": output})


main()
