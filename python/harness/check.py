"""The parser's check (mode "check"): nothing of the user's code runs."""
import ast
import sys

from .arity import call_plan, misfit, shape_from_ast
from .loader import ScriptError, parse_for, place_in, read_source
from .signals import contract_signals

DYNAMIC_BINDERS = {"exec", "eval", "globals", "setattr", "vars", "locals", "__import__"}


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
        return {"ok": True, "note": "Python %d.%d here is older than 3.%d, so the syntax and the entrypoint "
                "were not checked" % (sys.version_info[0], sys.version_info[1], minor)}

    def place(line):
        return place_in(where, line)
    found, maybe = bindings_of(tree, name)
    if not found:
        if maybe:
            return {"ok": True, "note": "'%s' is not defined in plain sight, but %s may bind it: "
                    "it is checked when the script runs" % (name, maybe[0])}
        defs = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        hint = "; module-level functions: " + ", ".join(defs) if defs else ""
        return {"ok": False, "problem": "defines no module-level '%s'%s" % (name, hint)}
    first = min(getattr(n, "lineno", 0) for n in found)
    plain = [n for n in found if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and not n.decorator_list]
    if len(plain) < len(found):
        return {"ok": True, "line": first, "note": "'%s' (line %d%s) is not a plain 'def', so its signature "
                "is checked only when the script runs" % (name, first, place(first))}
    if all(isinstance(n, ast.AsyncFunctionDef) for n in plain):
        node = plain[-1]
        return {"ok": False, "line": node.lineno, "problem": "defines '%s' with 'async def' at line %d%s; the server "
                "calls it synchronously, so make it a plain 'def'" % (name, node.lineno, place(node.lineno))}
    fitting = [n for n in plain if isinstance(n, ast.FunctionDef) and call_plan(shape_from_ast(n), contract)]
    if not fitting:
        node = plain[-1]
        at = " at line %d%s" % (node.lineno, place(node.lineno))
        return {"ok": False, "line": node.lineno, "problem": misfit(name, shape_from_ast(node), contract, at)}
    node = fitting[-1]
    form, count = call_plan(shape_from_ast(node), contract)
    signals = contract_signals(tree, node, place) if contract != "sync" else []
    if form == "path" and count == 1:
        return {"ok": True, "line": node.lineno, "signals": signals, "note": "'%s' at line %d%s takes only data_path; "
                "declare it as %s(data_path, extra_path=None) in case the server passes the extra files' folder" % (
                    name, node.lineno, place(node.lineno), name)}
    return {"ok": True, "line": node.lineno, "signals": signals}
