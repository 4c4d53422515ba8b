"""The arity rule: one function, call_plan, for the parser's check and the real call."""
import inspect
import types

from .loader import HOW_CALLED, ScriptError

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
    required = len(positional) - len(a.defaults)
    return Shape(positional, required, a.vararg is not None, required_keywords, "(%s)" % ", ".join(parts))


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
    why = ""
    if shape.required_keywords:
        why = " (keyword-only parameter without a default: %s)" % ", ".join(shape.required_keywords)
    return "defines '%s%s'%s, which cannot be called as %s, the way the server calls a%s entrypoint%s" % (
        name, shape.text, where, HOW_CALLED[contract], " Sync" if contract == "sync" else "n Async", why)


def find_entrypoint(module, name, contract):
    if name not in module.__dict__:
        defined = sorted(k for k, v in module.__dict__.items()
                         if isinstance(v, types.FunctionType) and v.__module__ == module.__name__)
        hint = "; module-level functions: " + ", ".join(defined) if defined else ""
        raise ScriptError("defines no module-level '%s'%s" % (name, hint))
    fn = module.__dict__[name]
    if not callable(fn):
        raise ScriptError("binds '%s' to a %s, which cannot be called" % (name, type(fn).__name__))
    if inspect.iscoroutinefunction(fn):
        raise ScriptError("defines '%s' with 'async def'; the server calls it synchronously, "
                          "so make it a plain 'def'" % name)
    shape = shape_from_callable(fn)
    plan = call_plan(shape, contract)
    if plan is None:
        raise ScriptError(misfit(name, shape, contract))
    return fn, plan
