"""Sync run: `run_sync.py <source> <entrypoint> <result.json>`, the input on stdin.

Calls `fn(data, base_path)` with `data` the request's Input as a JSON string (stdin).
"""
import json
import os
import sys

from neomaril_emulator_harness import failure, find_entrypoint, load_module, write_result


def main():
    source, entrypoint, result_path = sys.argv[1:4]
    data = sys.stdin.read()
    try:
        fn = find_entrypoint(load_module(source), entrypoint, "Sync")
        value = fn(data, os.path.dirname(os.path.abspath(source)))
    except BaseException as exc:
        write_result(result_path, failure(exc))
        return
    if isinstance(value, str):
        # A JSON string return is the documented alternative to a dict.
        try:
            value = json.loads(value)
        except ValueError:
            pass
    try:
        write_result(result_path, {"ok": True, "value": value})
    except (TypeError, ValueError) as exc:
        message = f"The entrypoint's return value is not JSON serialisable: {exc}"
        write_result(result_path, {"ok": False, "error": message, "traceback": message})


main()
