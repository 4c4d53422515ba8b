/**
 * The commands the documentation shows a user: every line of a shell code block (```sh,
 * bash, shell, console) and every inline `npm …` / `npx …` span of the prose, as a user
 * would type them — continuation lines joined, comments and prompts dropped, `a && b`
 * split in two. Used by __tests__/e2e/doc-commands.test.ts, which runs each one.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface DocCommand {
  command: string
  /** Where it is shown: file (relative to the repository) and line. */
  where: string
}

/** The pages a user reads: the README, CONTRIBUTING.md, BENCHMARKS.md, docs/*.md and the emulator's README. */
export function documentationPages(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`)
  return ['README.md', 'CONTRIBUTING.md', 'BENCHMARKS.md', ...docs, 'emulator/README.md']
}

const SHELL_FENCE = /^\s*(```|~~~)\s*(sh|bash|shell|console)\s*$/
const ANY_FENCE = /^\s*(```|~~~)/
const INLINE = /`((?:npm|npx) [^`]+)`/g

/** Every command of one markdown text, in order, each once per place shown. */
export function commandsOf(markdown: string, file: string): DocCommand[] {
  const lines = markdown.split('\n')
  const found: DocCommand[] = []
  let fence: 'shell' | 'other' | undefined
  let pending = ''
  let pendingLine = 0
  lines.forEach((line, index) => {
    if (ANY_FENCE.test(line)) {
      fence = fence ? undefined : SHELL_FENCE.test(line) ? 'shell' : 'other'
      return
    }
    if (fence === 'other') return
    if (fence === undefined) {
      for (const match of line.matchAll(INLINE))
        found.push(...splitChain(match[1] ?? '').map((command) => ({ command, where: `${file}:${index + 1}` })))
      return
    }
    const text = stripComment(line.replace(/^\s*\$ /, ''))
    if (pending === '') pendingLine = index + 1
    if (text.endsWith('\\')) {
      pending += `${text.slice(0, -1)} `
      return
    }
    const whole = (pending + text).replace(/\s+/g, ' ').trim()
    pending = ''
    if (whole !== '') found.push(...splitChain(whole).map((command) => ({ command, where: `${file}:${pendingLine}` })))
  })
  return found
}

/** Every command of the documentation, in page order. */
export function documentedCommands(root: string): DocCommand[] {
  return documentationPages(root).flatMap((page) => commandsOf(readFileSync(join(root, page), 'utf8'), page))
}

/** Splits `a && b` outside quotes; each part trimmed. */
function splitChain(text: string): string[] {
  const parts: string[] = []
  let quote = ''
  let current = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? ''
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (text.startsWith('&&', i)) {
      parts.push(current)
      current = ''
      i++
      continue
    }
    current += char
  }
  parts.push(current)
  return parts.map((part) => part.trim()).filter((part) => part !== '')
}

/** The line without a `# comment` that starts outside quotes (a line that is only a comment is empty). */
function stripComment(line: string): string {
  let quote = ''
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i).trimEnd()
  }
  return line.trimEnd()
}
