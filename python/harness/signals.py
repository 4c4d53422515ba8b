"""Which Async contract the entrypoint was written for (nothing of the user's code runs).

A v1 entrypoint fn(data_path, extra_path=None) and a v2 one fn(dfs, extra_path=None) have
the same arity, so api-version auto could build either under the other contract. These
signals say which contract would break it: "against" names that contract. A signal is
certain when code that runs on every call (before any branch that could leave the
function) does something the other contract's first argument cannot do; names and
conditional code are only hints. src/harness/contract.ts judges them.
"""
import ast

from .arity import shape_from_ast

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
                plain = isinstance(func, ast.Name)
                if plain or getattr(func.value, "attr", None) == "path" or is_name(func.value, "path"):
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
        texts = [side for side in sides if constant_text(side) is not None or isinstance(side, ast.JoinedStr)]
        if any(is_name(side, p0) for side in sides) and texts:
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
    # fn(*args) or fn(**kw): nothing to say of the first argument, but reading inputFileName still is.
    p0 = shape.positional[0] if shape.positional else None
    v1_form = "frame" if len(shape.positional) >= 3 else "path"
    signals = []

    def add(against, certain, line, why):
        signals.append({"against": against, "certain": certain, "line": line, "why": why + place(line)})
    for expr in unconditional(node.body):
        if reads_input_file_name(expr):
            add("async-v2", True, expr.lineno, "reads os.environ['inputFileName'] at line %d on every call: "
                "the v1 contract sets it, v2 does not (a KeyError at the first run)" % expr.lineno)
            continue
        use = first_argument_uses(expr, p0) if p0 is not None else None
        if not use:
            continue
        kind, what = use
        line = expr.lineno
        if kind in ("path", "frame"):
            add("async-v2", True, line, "%s at line %d on every call, but v2 passes a dict of DataFrames" % (
                what, line))
        if kind == "path" and v1_form == "frame":
            add("async-v1", True, line, "%s at line %d on every call, but v1 passes a DataFrame first here" % (
                what, line))
        if kind in ("dict", "frame") and v1_form == "path":
            add("async-v1", True, line, "%s at line %d on every call, but v1 passes the data folder's path "
                "(a str)" % (what, line))
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
        lowered = (p0 or "").lower()
        if p0 is None:
            pass
        elif lowered in DICT_NAMES:
            add("async-v1", False, node.lineno, "names its first parameter '%s', like the v2 dict of DataFrames" % p0)
        elif v1_form == "path" and lowered.endswith(PATH_NAMES):
            add("async-v2", False, node.lineno, "names its first parameter '%s', like the v1 data folder" % p0)
        elif v1_form == "frame":
            add("async-v2", False, node.lineno, "takes %d parameters, like the v1 DataFrame form "
                "fn(df, data_path, extra_path=None)" % len(shape.positional))
    # Certainties first, earliest line first; on one line, the missing variable says most.
    signals.sort(key=lambda s: (not s["certain"], s["line"], "inputFileName" not in s["why"]))
    return signals[:6]
