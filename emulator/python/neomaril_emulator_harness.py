"""Shared helpers for the emulator's Python entry scripts (standard library only).

Each entry script is run as `python3 <entry>.py ... <result.json>` with the uploaded
script's folder as the working directory. Results travel back to Node through the JSON
file named by the last argument, never through stdout, so whatever the user's code
prints cannot corrupt them (Node logs that output as Debug entries instead).
"""
import inspect
import json
import linecache
import os
import sys
import traceback
import types

HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))


class EntrypointError(Exception):
    """A problem with the uploaded script itself, reported without a harness traceback."""


def read_source(source_path):
    """Return the Python text of a `.py` file, or of a notebook's code cells.

    Notebook lines starting with `%` or `!` (IPython magics and shell escapes) are
    skipped: they are not Python and the real server cannot run them either.
    """
    with open(source_path, encoding="utf-8") as handle:
        text = handle.read()
    if not source_path.endswith(".ipynb"):
        return text
    notebook = json.loads(text)
    chunks = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        kept = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
        chunks.append("\n".join(kept))
    return "\n\n".join(chunks) + "\n"


def load_module(source_path):
    """Compile and execute the source as a module, as the server's import would."""
    folder = os.path.dirname(os.path.abspath(source_path))
    os.chdir(folder)
    # The uploaded extra files sit beside the source and must be importable from it.
    sys.path.insert(0, folder)
    text = read_source(source_path)
    # Register the (possibly synthesised) text so tracebacks can quote notebook lines.
    linecache.cache[source_path] = (len(text), None, text.splitlines(True), source_path)
    code = compile(text, source_path, "exec")
    name = os.path.splitext(os.path.basename(source_path))[0]
    module = types.ModuleType(name)
    module.__file__ = source_path
    sys.modules[name] = module
    exec(code, module.__dict__)
    return module


def positional_arities(fn):
    """The numbers of positional arguments (0..2) the callable accepts."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return {1, 2}  # builtins without a signature: assume the call will work
    accepted = set()
    for count in range(3):
        try:
            signature.bind(*range(count))
            accepted.add(count)
        except TypeError:
            pass
    return accepted


def find_entrypoint(module, name, operation):
    """Return the module-level callable `name`, checking its arity for the operation."""
    fn = module.__dict__.get(name)
    if fn is None:
        raise EntrypointError(f"Entrypoint '{name}' is not defined at module level in {os.path.basename(module.__file__)}")
    if not callable(fn):
        raise EntrypointError(f"Entrypoint '{name}' is not callable (it is a {type(fn).__name__})")
    arities = positional_arities(fn)
    if operation == "Sync" and 2 not in arities:
        raise EntrypointError(f"Sync entrypoint '{name}' must accept 2 positional arguments (data, base_path); its signature is {name}{inspect.signature(fn)}")
    if operation == "Async" and not arities & {1, 2}:
        raise EntrypointError(f"Async entrypoint '{name}' must accept 1 or 2 positional arguments (data_path, extra_path=None); its signature is {name}{inspect.signature(fn)}")
    return fn


def summarise(exc):
    """One line naming the error, e.g. `SyntaxError: invalid syntax (script.py, line 3)`."""
    if isinstance(exc, EntrypointError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def format_error(exc):
    """The traceback from the user's code down, without the harness's own frames."""
    if isinstance(exc, EntrypointError):
        return str(exc)
    tb = exc.__traceback__
    while tb is not None and os.path.dirname(os.path.abspath(tb.tb_frame.f_code.co_filename)) == HARNESS_DIR:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb)).rstrip()


def write_result(path, payload):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, allow_nan=False)


def failure(exc):
    return {"ok": False, "error": summarise(exc), "traceback": format_error(exc)}
