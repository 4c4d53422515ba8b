import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/**
 * Checks, with Python's own parser, that the entrypoint is defined at module level
 * and can be called the way the server calls it: `fn(data, base_path)` for Sync,
 * `fn(data_path, extra_path)` for Async — two positional arguments (an Async
 * `fn(data_path)` passes with a note: whether the server sends extra_path is unknown).
 * Without python3 on the runner it falls back to a plain text search.
 */
export type EntrypointCheck =
  | { ok: true; how: 'python' | 'text'; line?: number; note?: string }
  | { ok: false; problem: string; line?: number }

// Kept as a string so the bundle has no separate .py file to ship. It prints one JSON line.
const CHECKER = String.raw`
import ast, json, sys
path, name, minor, operation = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
def out(**k):
    print(json.dumps(k))
    sys.exit(0)
with open(path, encoding="utf-8") as f:
    text = f.read()
where = None  # for notebooks: joined line number -> (cell, line in cell)
if path.endswith(".ipynb"):
    try:
        cells = json.loads(text).get("cells", [])
    except ValueError as e:
        out(ok=False, problem="is not a readable notebook (invalid JSON: %s)" % e)
    lines, where = [], []
    for number, cell in enumerate(cells, 1):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        for index, line in enumerate(source.split("\n"), 1):
            # IPython magics and shell escapes are not Python; the server drops them too.
            lines.append("" if line.lstrip().startswith(("%", "!")) else line)
            where.append((number, index))
    text = "\n".join(lines)
def place(line):
    if where and line and line <= len(where):
        return " (notebook cell %d, line %d)" % where[line - 1]
    return ""
try:
    tree = ast.parse(text, filename=path, feature_version=(3, minor))
except SyntaxError as e:
    out(ok=False, line=e.lineno, problem="does not parse as Python 3.%d: %s at line %s%s" % (minor, e.msg, e.lineno, place(e.lineno)))
found = None
functions = []
for node in tree.body:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        functions.append(node.name)
        if node.name == name:
            found = node
    elif isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            found = node
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        if any((a.asname or a.name.split(".")[0]) == name for a in node.names):
            found = node
if found is None:
    hint = ("; module-level functions found: " + ", ".join(functions)) if functions else "; no module-level function was found"
    out(ok=False, problem="defines no module-level '%s'%s" % (name, hint))
if isinstance(found, ast.AsyncFunctionDef):
    out(ok=False, line=found.lineno, problem="defines '%s' with 'async def' at line %d%s; the server calls it synchronously, so make it a plain 'def'" % (name, found.lineno, place(found.lineno)))
if not isinstance(found, ast.FunctionDef):
    out(ok=True, line=found.lineno, note="'%s' is not a 'def' (line %d); its signature could not be checked" % (name, found.lineno))
a = found.args
positional = list(getattr(a, "posonlyargs", [])) + list(a.args)
required = len(positional) - len(a.defaults)
required_keywords = [k.arg for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
accepts_two = a.vararg is not None or len(positional) >= 2
shown = "%s(%s)" % (name, ", ".join(p.arg for p in positional))
# Async: the contract's form is fn(data_path, extra_path=None). Whether the server always
# passes extra_path is unknown, so a one-argument function is let through with a note.
if operation == "Async" and not accepts_two and len(positional) == 1 and not required_keywords:
    out(ok=True, line=found.lineno, note="%s at line %d%s takes only data_path; declare it as %s(data_path, extra_path=None) in case the server passes the extra files' folder" % (shown, found.lineno, place(found.lineno), name))
if required > 2 or not accepts_two or required_keywords:
    out(ok=False, line=found.lineno, problem="defines %s at line %d%s, which cannot be called with the two positional arguments the server passes" % (shown, found.lineno, place(found.lineno)))
out(ok=True, line=found.lineno)
`

export function checkEntrypoint(
  sourcePath: string,
  entrypoint: string,
  pythonVersion: string,
  operation: 'Sync' | 'Async',
  python = 'python3'
): EntrypointCheck {
  const minor = pythonVersion.split('.')[1] ?? '10'
  const run = spawnSync(python, ['-c', CHECKER, sourcePath, entrypoint, minor, operation], {
    encoding: 'utf8',
    timeout: 30_000
  })
  if (run.error || run.status !== 0) {
    // No usable python3 here: a text search still catches the common mistakes.
    return checkByText(sourcePath, entrypoint)
  }
  const verdict = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as
    | { ok: true; line?: number; note?: string }
    | { ok: false; problem: string; line?: number }
  return verdict.ok ? { ok: true, how: 'python', line: verdict.line, note: verdict.note } : verdict
}

function checkByText(sourcePath: string, entrypoint: string): EntrypointCheck {
  const text = readFileSync(sourcePath, 'utf8')
  // In a notebook the code sits inside JSON strings, each line starting with a quote.
  const pattern = new RegExp(`(^|\\n|")def\\s+${entrypoint}\\s*\\(`)
  const match = pattern.exec(text)
  if (!match) return { ok: false, problem: `defines no module-level 'def ${entrypoint}(...)'` }
  return {
    ok: true,
    how: 'text',
    note: 'python3 is not on this runner, so only the definition was found; the signature was not checked'
  }
}
