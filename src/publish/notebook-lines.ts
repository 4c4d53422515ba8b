import { readFileSync } from 'node:fs'

/**
 * Where a line of a notebook's code sits. The server and the harness (python/harness/loader.py,
 * notebook_code) run a notebook as its code cells joined into one text, one line for each
 * line of each code cell, so a traceback's line number counts lines of that text.
 */
export interface NotebookPlace {
  /** 1-based, counting every cell (markdown ones too), as Jupyter shows them. */
  readonly cell: number
  readonly lineInCell: number
  /** The line of the .ipynb file holding it, when the file has one JSON string a line (as Jupyter saves). */
  readonly fileLine?: number
}

interface Cell {
  readonly cell_type?: unknown
  readonly source?: unknown
}

/** The place of line `joinedLine` of the notebook at `path`; undefined when the file cannot be read or is shorter. */
export function notebookPlace(path: string, joinedLine: number): NotebookPlace | undefined {
  let raw: string
  let cells: unknown
  try {
    raw = readFileSync(path, 'utf8')
    cells = (JSON.parse(raw) as { cells?: unknown }).cells
  } catch {
    return undefined
  }
  if (!Array.isArray(cells)) return undefined
  let before = 0
  for (const [index, cell] of (cells as Cell[]).entries()) {
    if (!cell || typeof cell !== 'object' || cell.cell_type !== 'code') continue
    const lines = sourceOf(cell).split('\n')
    if (joinedLine <= before + lines.length) {
      const lineInCell = joinedLine - before
      return { cell: index + 1, lineInCell, fileLine: fileLineOf(raw, index, lineInCell, lines[lineInCell - 1] ?? '') }
    }
    before += lines.length
  }
  return undefined
}

function sourceOf(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.map(String).join('') : String(cell.source ?? '')
}

/**
 * The file's line for a cell's line: the cell's `"source": [` line (the cell-th one: every
 * cell has one), then one line per string, checked against the code. Undefined when the
 * file is laid out otherwise (minified, or a source written as one string).
 */
function fileLineOf(raw: string, cellIndex: number, lineInCell: number, code: string): number | undefined {
  const lines = raw.split('\n')
  let seen = -1
  const sourceAt = lines.findIndex((line) => /^\s*"source"\s*:\s*\[\s*$/.test(line) && ++seen === cellIndex)
  if (sourceAt < 0) return undefined
  const candidate = lines[sourceAt + lineInCell]?.trim().replace(/,$/, '')
  try {
    const text = JSON.parse(candidate ?? '') as unknown
    if (typeof text === 'string' && text.replace(/\n$/, '') === code) return sourceAt + lineInCell + 1
  } catch {
    // not one JSON string a line
  }
  return undefined
}
