"""Build check: `build_check.py <source> <entrypoint> <Sync|Async> <requirements> <result.json>`.

Stands in for the real server's image build: the script must compile, import (with the
machine's own packages; nothing is installed) and expose a fitting entrypoint.
"""
import sys

from neomaril_emulator_harness import failure, find_entrypoint, load_module, write_result


def unpinned_requirements(path):
    """Requirement lines without an exact `==` pin, which make builds unreproducible."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return []
    warnings = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line and not line.startswith("-") and "==" not in line:
            warnings.append(f"Requirement '{line}' is not pinned to a version (use name==version)")
    return warnings


def main():
    source, entrypoint, operation, requirements, result_path = sys.argv[1:6]
    payload = {"warnings": unpinned_requirements(requirements)}
    try:
        find_entrypoint(load_module(source), entrypoint, operation)
        payload["ok"] = True
    except BaseException as exc:  # SystemExit from a script is a failed build too
        payload.update(failure(exc))
    write_result(result_path, payload)


main()
