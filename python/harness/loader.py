"""Reading and importing the user's script, as the server's build does."""
import ast
import json
import linecache
import os
import sys
import types

HOW_CALLED = {
    "sync": "fn(data, base_path)",
    "async-v1": "fn(data_path, extra_path=None) or fn(df, data_path, extra_path=None)",
    "async-v2": "fn(dfs, extra_path=None)",
}


class ScriptError(Exception):
    """A problem of the user's script (not a traceback of theirs): reported as it is."""

    def __init__(self, message, line=None):
        Exception.__init__(self, message)
        self.line = line


def place_in(where, line):
    """' (notebook cell 2, line 3)' for a line of a notebook's joined code."""
    if where and line and line <= len(where):
        return " (notebook cell %d, line %d)" % where[line - 1]
    return ""


def parse_for(code, path, minor, where):
    """The tree as Python 3.minor parses it (ScriptError when it does not), or None when
    this interpreter is older than 3.minor and so cannot judge its syntax."""
    try:
        return ast.parse(code, filename=path, feature_version=(3, minor))
    except SyntaxError as exc:
        if sys.version_info[:2] < (3, minor):
            return None
        raise ScriptError("does not parse as Python 3.%d: %s at line %s%s" % (
            minor, exc.msg, exc.lineno, place_in(where, exc.lineno)), exc.lineno)


# --- loading ---------------------------------------------------------------------------


def notebook_code(raw):
    """The code cells of a notebook as one Python text; % and ! lines (IPython magics,
    shell escapes) become blank lines: they are not Python and the server drops them.
    Returns (text, where) with where[i] = (cell number, line in cell) of joined line i+1."""
    try:
        cells = json.loads(raw.decode("utf-8")).get("cells", [])
    except (ValueError, AttributeError) as exc:
        raise ScriptError("is not a readable notebook (invalid JSON: %s)" % exc)
    lines, where = [], []
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        for index, line in enumerate(source.split("\n"), 1):
            lines.append("" if line.lstrip().startswith(("%", "!")) else line)
            where.append((number, index))
    return "\n".join(lines) + "\n", where


def read_source(path):
    """The source to compile: bytes for a .py file (so a coding cookie or a BOM is honoured
    exactly as Python's import honours it), text for a notebook."""
    with open(path, "rb") as handle:
        raw = handle.read()
    if path.endswith(".ipynb"):
        return notebook_code(raw)
    return raw, None


def load_module(path):
    """Runs the script as a module from its folder, as the server imports it: the folder is
    the working directory and on sys.path (extra files sit beside the source)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.chdir(folder)
    sys.path.insert(0, folder)
    code, where = read_source(path)
    if where is not None:
        # Lets tracebacks quote the notebook's (joined) lines.
        linecache.cache[path] = (len(code), None, code.splitlines(True), path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    exec(compile(code, path, "exec"), module.__dict__)
    return module
