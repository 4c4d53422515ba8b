"""The one place that decides how a preprocessing script is loaded and called.

Validate mode (src/validate) and the emulator (emulator/) both run this file, through
src/harness, so that whatever one accepts the other accepts too. Standard library only;
pandas is imported only for the DataFrame contracts.

Usage: `python harness.py <request.json>`. The request names the mode and its files; the
verdict goes to the JSON file the request names as "result", never to stdout, so whatever
the user's code prints cannot corrupt it. Samples and datasets arrive as files, never as
arguments (a 5 MB JSON sample would not fit in argv).

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

Interpreter (chosen in src/harness, recorded here because it decides what runs this file):
validate mode uses python<python-version> when it is on PATH, else python3 with a warning;
the emulator uses the first of `python3` on PATH and /usr/bin/python3 that can import
pandas, else `python3`.
"""
import ast
import inspect
import json
import linecache
import math
import os
import sys
import traceback
import types

HARNESS_FILE = os.path.abspath(__file__)
DYNAMIC_BINDERS = {"exec", "eval", "globals", "setattr", "vars", "locals", "__import__"}
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
        raise ScriptError("does not parse as Python 3.%d: %s at line %s%s" % (minor, exc.msg, exc.lineno, place_in(where, exc.lineno)), exc.lineno)


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


# --- the arity rule --------------------------------------------------------------------


class Shape:
    """What a callable's parameters allow, from the parser or from inspect."""

    def __init__(self, positional, required, varargs, required_keywords, text):
        self.positional = positional
        self.required = required
        self.varargs = varargs
        self.required_keywords = required_keywords
        self.text = text

    def accepts(self, count):
        return not self.required_keywords and self.required <= count and (self.varargs or count <= len(self.positional))


def shape_from_ast(node):
    a = node.args
    positional = [p.arg for p in list(getattr(a, "posonlyargs", [])) + list(a.args)]
    required_keywords = [k.arg for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
    parts = list(positional)
    if a.vararg:
        parts.append("*" + a.vararg.arg)
    elif a.kwonlyargs:
        parts.append("*")
    parts += [k.arg for k in a.kwonlyargs]
    if a.kwarg:
        parts.append("**" + a.kwarg.arg)
    return Shape(positional, len(positional) - len(a.defaults), a.vararg is not None, required_keywords, "(%s)" % ", ".join(parts))


def shape_from_callable(fn):
    """None when Python cannot tell (some builtins): the call itself will say."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    positional, required, varargs, required_keywords = [], 0, False, []
    for p in signature.parameters.values():
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            positional.append(p.name)
            required += p.default is p.empty
        elif p.kind == p.VAR_POSITIONAL:
            varargs = True
        elif p.kind == p.KEYWORD_ONLY and p.default is p.empty:
            required_keywords.append(p.name)
    return Shape(positional, required, varargs, required_keywords, str(signature))


def call_plan(shape, contract):
    """(form, argument count) for calling an entrypoint of this shape, or None if none fits.
    form: 'sync', 'path' (v1 Async 2.1.1), 'frame' (v1 Async DataFrame), 'frames' (v2)."""
    if shape is None:
        return {"sync": ("sync", 2), "async-v1": ("path", 2), "async-v2": ("frames", 2)}[contract]
    if contract == "sync":
        return ("sync", 2) if shape.accepts(2) else None
    if contract == "async-v1" and len(shape.positional) >= 3 and shape.accepts(3):
        return ("frame", 3)
    form = "path" if contract == "async-v1" else "frames"
    for count in (2, 1):
        if shape.accepts(count):
            return (form, count)
    return None


def misfit(name, shape, contract, where=""):
    why = " (keyword-only parameter without a default: %s)" % ", ".join(shape.required_keywords) if shape.required_keywords else ""
    return "defines '%s%s'%s, which cannot be called as %s, the way the server calls a%s entrypoint%s" % (
        name, shape.text, where, HOW_CALLED[contract], " Sync" if contract == "sync" else "n Async", why)


def find_entrypoint(module, name, contract):
    if name not in module.__dict__:
        defined = sorted(k for k, v in module.__dict__.items() if isinstance(v, types.FunctionType) and v.__module__ == module.__name__)
        hint = "; module-level functions: " + ", ".join(defined) if defined else ""
        raise ScriptError("defines no module-level '%s'%s" % (name, hint))
    fn = module.__dict__[name]
    if not callable(fn):
        raise ScriptError("binds '%s' to a %s, which cannot be called" % (name, type(fn).__name__))
    if inspect.iscoroutinefunction(fn):
        raise ScriptError("defines '%s' with 'async def'; the server calls it synchronously, so make it a plain 'def'" % name)
    shape = shape_from_callable(fn)
    plan = call_plan(shape, contract)
    if plan is None:
        raise ScriptError(misfit(name, shape, contract))
    return fn, plan


# --- the parser's check (nothing of the user's code runs) -------------------------------


def module_level_nodes(tree):
    """Every node that runs at module level: not inside a def, a class body, a lambda or a
    comprehension (their names are not module globals)."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            todo.extend(node.decorator_list)
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        todo.extend(ast.iter_child_nodes(node))


def bindings_of(tree, name):
    """(nodes binding `name` at module level, reasons it may be bound some other way)."""
    found, maybe = [], []
    for node in module_level_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
            found.append(node)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id == name:
            found.append(node)
        elif isinstance(node, ast.ExceptHandler) and node.name == name:
            found.append(node)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    maybe.append("'from %s import *' at line %d" % (getattr(node, "module", "") or ".", node.lineno))
                elif (alias.asname or alias.name.split(".")[0]) == name:
                    found.append(node)
        elif type(node).__name__ in ("MatchAs", "MatchStar") and getattr(node, "name", None) == name:
            found.append(node)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in DYNAMIC_BINDERS:
            maybe.append("a call to %s() at line %d" % (node.func.id, node.lineno))
    for node in ast.walk(tree):
        if isinstance(node, ast.Global) and name in node.names:
            maybe.append("'global %s' at line %d" % (name, node.lineno))
    return found, maybe


def check(request):
    name, contract, minor = request["entrypoint"], request["contract"], int(request["minor"])
    path = request["source"]
    try:
        code, where = read_source(path)
        tree = parse_for(code, path, minor, where)
    except ScriptError as exc:
        return {"ok": False, "problem": str(exc), "line": exc.line}
    if tree is None:
        return {"ok": True, "note": "Python %d.%d here is older than 3.%d, so the syntax and the entrypoint were not checked" % (sys.version_info[0], sys.version_info[1], minor)}

    def place(line):
        return place_in(where, line)
    found, maybe = bindings_of(tree, name)
    if not found:
        if maybe:
            return {"ok": True, "note": "'%s' is not defined in plain sight, but %s may bind it: it is checked when the script runs" % (name, maybe[0])}
        defs = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        hint = "; module-level functions: " + ", ".join(defs) if defs else ""
        return {"ok": False, "problem": "defines no module-level '%s'%s" % (name, hint)}
    first = min(getattr(n, "lineno", 0) for n in found)
    plain = [n for n in found if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and not n.decorator_list]
    if len(plain) < len(found):
        return {"ok": True, "line": first, "note": "'%s' (line %d%s) is not a plain 'def', so its signature is checked only when the script runs" % (name, first, place(first))}
    if all(isinstance(n, ast.AsyncFunctionDef) for n in plain):
        node = plain[-1]
        return {"ok": False, "line": node.lineno, "problem": "defines '%s' with 'async def' at line %d%s; the server calls it synchronously, so make it a plain 'def'" % (name, node.lineno, place(node.lineno))}
    fitting = [n for n in plain if isinstance(n, ast.FunctionDef) and call_plan(shape_from_ast(n), contract)]
    if not fitting:
        node = plain[-1]
        return {"ok": False, "line": node.lineno, "problem": misfit(name, shape_from_ast(node), contract, " at line %d%s" % (node.lineno, place(node.lineno)))}
    node = fitting[-1]
    form, count = call_plan(shape_from_ast(node), contract)
    signals = contract_signals(tree, node, place) if contract != "sync" else []
    if form == "path" and count == 1:
        return {"ok": True, "line": node.lineno, "signals": signals, "note": "'%s' at line %d%s takes only data_path; declare it as %s(data_path, extra_path=None) in case the server passes the extra files' folder" % (name, node.lineno, place(node.lineno), name)}
    return {"ok": True, "line": node.lineno, "signals": signals}


# --- which Async contract the entrypoint was written for (nothing of the user's runs) ---
#
# A v1 entrypoint fn(data_path, extra_path=None) and a v2 one fn(dfs, extra_path=None) have
# the same arity, so api-version auto could build either under the other contract. These
# signals say which contract would break it: "against" names that contract. A signal is
# certain when code that runs on every call (before any branch that could leave the
# function) does something the other contract's first argument cannot do; names and
# conditional code are only hints. src/harness/contract.ts judges them.

PATH_CALLS = {"open", "Path", "PurePath", "listdir", "scandir", "walk", "exists", "isdir", "isfile"}
FRAME_ATTRS = {"columns", "iloc", "loc", "shape", "dtypes", "groupby", "merge", "assign", "head", "tail", "to_csv",
               "to_parquet", "fillna", "dropna", "rename", "astype", "apply", "drop", "query", "sort_values",
               "reset_index", "set_index", "isna", "isnull", "notna", "iterrows", "itertuples"}
DICT_CALLS = {"items", "keys", "values", "get"}
PATH_NAMES = ("path", "dir", "folder", "directory")
DICT_NAMES = {"dfs", "dataframes", "data_frames", "datasets", "frames", "inputs", "tables", "df_dict", "dfs_dict"}


def leaves_function(node):
    """Whether a compound statement may return, raise or exit (later code then runs only sometimes)."""
    for inner in walk_here(node):
        if isinstance(inner, (ast.Return, ast.Raise)):
            return True
        if isinstance(inner, ast.Call) and isinstance(inner.func, (ast.Name, ast.Attribute)):
            if (getattr(inner.func, "id", None) or getattr(inner.func, "attr", None)) in ("exit", "_exit"):
                return True
    return False


def walk_here(node):
    """The nodes of `node` that run in its own frame (not in nested defs, lambdas or classes)."""
    todo = [node]
    while todo:
        current = todo.pop()
        yield current
        for child in ast.iter_child_nodes(current):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                todo.append(child)


def evaluated(expr):
    """The parts of an expression that are always evaluated: not the branches of `a if c else b`,
    not what follows the first operand of and/or, not lambdas or comprehensions."""
    todo = [expr]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.IfExp):
            todo.append(node.test)
        elif isinstance(node, ast.BoolOp):
            todo.append(node.values[0])
        elif isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        else:
            todo.extend(ast.iter_child_nodes(node))


def unconditional(body):
    """The expressions that run on every call of a function with this body."""
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(stmt, (ast.If, ast.While)):
            yield from evaluated(stmt.test)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            yield from evaluated(stmt.iter)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                yield from evaluated(item.context_expr)
            yield from unconditional(stmt.body)
        elif isinstance(stmt, ast.Try) or type(stmt).__name__ in ("TryStar", "Match"):
            pass  # an exception may be caught; a case may not match
        else:
            for child in ast.iter_child_nodes(stmt):
                if isinstance(child, ast.expr):
                    yield from evaluated(child)
        if isinstance(stmt, (ast.Return, ast.Raise)) or leaves_function(stmt):
            return


def constant_text(node):
    node = getattr(node, "value", node) if type(node).__name__ == "Index" else node  # Python 3.8's Index
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def is_name(node, name):
    return isinstance(node, ast.Name) and node.id == name


def first_argument_uses(node, p0):
    """How one expression node uses the first parameter: 'path', 'frame' or 'dict' (or None)."""
    if isinstance(node, ast.Call):
        func = node.func
        called = getattr(func, "id", None) or getattr(func, "attr", None)
        if any(is_name(arg, p0) for arg in node.args):
            if called == "join" and (isinstance(func, ast.Name) or not is_name(getattr(func, "value", None), p0)):
                if isinstance(func, ast.Name) or getattr(func.value, "attr", None) == "path" or is_name(func.value, "path"):
                    return "path", "passes %s to %s" % (p0, "os.path.join")
            if called in PATH_CALLS:
                return "path", "passes %s to %s()" % (p0, called)
        if isinstance(func, ast.Attribute) and is_name(func.value, p0) and func.attr in DICT_CALLS:
            return "dict", "calls %s.%s()" % (p0, func.attr)
    if isinstance(node, ast.Attribute) and is_name(node.value, p0) and node.attr in FRAME_ATTRS:
        return "frame", "reads %s.%s, a DataFrame's" % (p0, node.attr)
    if isinstance(node, ast.Subscript) and is_name(node.value, p0) and constant_text(node.slice) is not None:
        return "dict", "reads %s[%r]" % (p0, constant_text(node.slice))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        sides = (node.left, node.right)
        if any(is_name(side, p0) for side in sides) and any(constant_text(side) is not None or isinstance(side, ast.JoinedStr) for side in sides):
            return "path", "adds text to %s" % p0
    return None


def reads_input_file_name(node):
    """os.environ["inputFileName"] (or environ[...]): a KeyError wherever the variable is not set."""
    if not isinstance(node, ast.Subscript) or constant_text(node.slice) != "inputFileName":
        return False
    value = node.value
    return is_name(value, "environ") or (isinstance(value, ast.Attribute) and value.attr == "environ")


def contract_signals(tree, node, place):
    """[{against, certain, line, why}]: what in the entrypoint breaks under a contract."""
    shape = shape_from_ast(node)
    if not shape.positional:
        return []
    p0 = shape.positional[0]
    v1_form = "frame" if len(shape.positional) >= 3 else "path"
    signals = []

    def add(against, certain, line, why):
        signals.append({"against": against, "certain": certain, "line": line, "why": why + place(line)})
    for expr in unconditional(node.body):
        if reads_input_file_name(expr):
            add("async-v2", True, expr.lineno, "reads os.environ['inputFileName'] at line %d on every call: "
                "the v1 contract sets it, v2 does not (a KeyError at the first run)" % expr.lineno)
            continue
        use = first_argument_uses(expr, p0)
        if not use:
            continue
        kind, what = use
        line = expr.lineno
        if kind in ("path", "frame"):
            add("async-v2", True, line, "%s at line %d on every call, but v2 passes a dict of DataFrames" % (what, line))
        if kind == "path" and v1_form == "frame":
            add("async-v1", True, line, "%s at line %d on every call, but v1 passes a DataFrame first here" % (what, line))
        if kind in ("dict", "frame") and v1_form == "path":
            add("async-v1", True, line, "%s at line %d on every call, but v1 passes the data folder's path (a str)" % (what, line))
    if v1_form == "frame" and "extra" not in shape.positional[1].lower():
        # The harness calls three named parameters the v1 DataFrame form: v2 would pass its
        # extra files' folder as the second and nothing as the third.
        add("async-v2", True, node.lineno, "takes %d parameters %s at line %d, the v1 DataFrame form fn(df, data_path, "
            "extra_path=None): v2 passes (dfs, extra_path), so '%s' would get the extra files' folder" % (
                len(shape.positional), shape.text, node.lineno, shape.positional[1]))
    if not any(s["certain"] for s in signals):
        mentions = [n for n in ast.walk(tree) if constant_text(n) == "inputFileName" and hasattr(n, "lineno")]
        if mentions:
            line = mentions[0].lineno
            add("async-v2", False, line, "mentions inputFileName (line %d), which only the v1 contract sets" % line)
        lowered = p0.lower()
        if lowered in DICT_NAMES:
            add("async-v1", False, node.lineno, "names its first parameter '%s', like the v2 dict of DataFrames" % p0)
        elif v1_form == "path" and lowered.endswith(PATH_NAMES):
            add("async-v2", False, node.lineno, "names its first parameter '%s', like the v1 data folder" % p0)
        elif v1_form == "frame":
            add("async-v2", False, node.lineno, "takes %d parameters, like the v1 DataFrame form fn(df, data_path, extra_path=None)" % len(shape.positional))
    # Certainties first, earliest line first; on one line, the missing variable says most.
    signals.sort(key=lambda s: (not s["certain"], s["line"], "inputFileName" not in s["why"]))
    return signals[:6]


# --- results ---------------------------------------------------------------------------


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
        raise ScriptError("the entrypoint returned a %s that is not JSON-serialisable: %s" % (type(value).__name__, exc))
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
        raise ScriptError("the entrypoint returned a DataFrame with duplicate column names (%s)" % ", ".join(sorted({n for n in names if names.count(n) > 1})))
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


# --- running ---------------------------------------------------------------------------


def user_traceback(exc):
    """The traceback from the user's code down, without this file's frames."""
    tb = exc.__traceback__
    while tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) == HARNESS_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb)).rstrip()


def import_pandas():
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def execute(request):
    mode, contract, name = request["mode"], request["contract"], request["entrypoint"]
    source = os.path.abspath(request["source"])
    folder = os.path.dirname(source)
    needs_pandas = mode == "dataframes"
    pandas = import_pandas() if needs_pandas or mode == "async-v1" else None
    if needs_pandas and pandas is None:
        return {"ok": False, "skipped": "pandas is not installed for %s" % sys.executable}
    try:
        if request.get("minor") is not None:
            # The server runs the script's python-version: newer syntax fails there.
            code, where = read_source(source)
            parse_for(code, source, int(request["minor"]), where)
        fn, (form, count) = find_entrypoint(load_module(source), name, contract)
    except ScriptError as exc:
        # Problems of the file itself: name it, as the parser's check names it.
        raise ScriptError("%s %s" % (os.path.basename(source), exc))
    if mode == "build":
        return {"ok": True, "form": form}
    if mode == "sync":
        with open(request["input"], encoding="utf-8") as handle:
            data = handle.read()
        return {"ok": True, "value": json_value(fn(data, folder))}
    if mode == "async-v1":
        data_path, file_name = request["data_path"], request["input_file_name"]
        os.environ["inputFileName"] = file_name
        if form == "path":
            return {"ok": True, "output": written_file(fn(*(data_path, folder)[:count]))}
        if pandas is None:
            return {"ok": False, "skipped": "pandas is not installed for %s" % sys.executable}
        data = os.path.join(data_path, file_name)
        frame = fn(read_dataset(pandas, data, dataset_form(data)), data_path, folder)
        return {"ok": True, "frame": frame_columns(frame)}
    frames = {d["name"]: read_dataset(pandas, d["path"], d["form"]) for d in request["datasets"]}
    return {"ok": True, "frame": frame_columns(fn(*(frames, folder)[:count]))}


def failure(exc):
    if isinstance(exc, ScriptError):
        return {"ok": False, "error": str(exc), "script_problem": True}
    return {"ok": False, "error": "%s: %s" % (type(exc).__name__, exc), "traceback": user_traceback(exc)}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    try:
        result = check(request) if request["mode"] == "check" else execute(request)
        # A frame is large: it goes to its own file, beside the verdict.
        frame = result.pop("frame", None)
        if frame is not None:
            with open(request["frame"], "w", encoding="utf-8") as handle:
                json.dump(frame, handle, allow_nan=False)
            result.update(rows=frame["rows"], columns=[c["name"] for c in frame["columns"]])
    except BaseException as exc:  # SystemExit from a script is a failure too
        result = failure(exc)
    with open(request["result"], "w", encoding="utf-8") as handle:
        json.dump(result, handle, allow_nan=False)


if __name__ == "__main__":
    main()
