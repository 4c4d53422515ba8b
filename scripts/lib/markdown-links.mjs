/**
 * The link check of `npm run docs -- --check`: every relative link in the project's
 * markdown points at a file that exists inside the repository, and every `#anchor` at a
 * heading of the file it names, slugged as GitHub slugs them. Links to web pages
 * (`https:`, `mailto:`, …) are not followed. Dependency-free on purpose: it runs in CI
 * before anything else is trusted.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path'

/** A fence opening or closing: three or more backticks or tildes, indented at most 3 spaces. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * The lines of a markdown text that are prose (not inside a fenced code block), with
 * their 1-based numbers: `raw` as written, `text` with its code spans blanked, so code
 * is never read as a link.
 * @returns {{ line: number, raw: string, text: string }[]}
 */
export function proseLines(markdown) {
  const out = []
  let fence
  markdown.split(/\r?\n/).forEach((line, i) => {
    const open = FENCE.exec(line)
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && !line.trim().slice(open[1].length))
        fence = undefined
      return
    }
    if (open) {
      fence = open[1]
      return
    }
    out.push({ line: i + 1, raw: line, text: blankCodeSpans(line) })
  })
  return out
}

/** Replaces each code span (`x`, ``x``) by spaces of the same length. */
function blankCodeSpans(line) {
  return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (span) => ' '.repeat(span.length))
}

/**
 * GitHub's heading id: the heading's text lower-cased, every character that is not a
 * letter, a mark, a digit, `_`, `-` or a space removed, then each space made a `-`.
 */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

/** The text a heading renders to: links and images by their text, code spans and emphasis unwrapped, tags dropped. */
export function headingText(raw) {
  const codes = []
  return raw
    .replace(/(`+)([\s\S]*?)\1/g, (_, _ticks, code) => `\uE000${codes.push(code.trim()) - 1}\uE001`)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(^|[^\p{L}\p{N}])[*_]+|[*_]+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\uE000(\d+)\uE001/g, (_, i) => codes[Number(i)])
    .trim()
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/

/** Every anchor a markdown file offers: its ATX headings' slugs (repeats get -1, -2, …) and `<a id|name="…">`. */
export function anchorsOf(markdown) {
  const anchors = new Set()
  const seen = new Map()
  for (const { raw, text } of proseLines(markdown)) {
    if (ATX_HEADING.test(text)) {
      const base = slug(headingText(ATX_HEADING.exec(raw)?.[1] ?? ''))
      const count = seen.get(base) ?? 0
      seen.set(base, count + 1)
      anchors.add(count ? `${base}-${count}` : base)
    }
    for (const match of text.matchAll(/<a\s[^>]*\b(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(match[1])
  }
  return anchors
}

/**
 * The link targets of a markdown text: inline links and images `[text](target "title")`,
 * `<target>` forms, reference definitions `[ref]: target`, and HTML `href`/`src` attributes.
 * @returns {{ line: number, target: string }[]}
 */
export function linksOf(markdown) {
  const links = []
  for (const { line, text } of proseLines(markdown)) {
    for (const match of text.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+(?:\([^\s)]*\)[^\s)]*)*)/g))
      links.push({ line, target: match[1].replace(/^<|>$/g, '') })
    const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(text)
    if (definition) links.push({ line, target: definition[1].replace(/^<|>$/g, '') })
    for (const match of text.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)) links.push({ line, target: match[1] })
  }
  return links
}

/** A link to a web page or another scheme (`https:`, `mailto:`, `//host`): not checked here. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i

/**
 * Checks the links of `files`. Each file has the path it is read from and its `place`,
 * the repository-relative path it stands for (a copy under test reads as the original).
 *
 * @param {{ path: string, place: string }[]} files
 * @param {{ root: string }} options the repository root
 * @returns {{ file: string, line: number, message: string }[]}
 */
export function checkLinks(files, { root }) {
  const byPlace = new Map(files.map((file) => [normalize(file.place), file.path]))
  const texts = new Map()
  const read = (path) => {
    if (!texts.has(path)) texts.set(path, readFileSync(path, 'utf8'))
    return texts.get(path)
  }
  const anchorCache = new Map()
  const anchorsIn = (path) => {
    if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(read(path)))
    return anchorCache.get(path)
  }

  const problems = []
  for (const file of files) {
    for (const { line, target } of linksOf(read(file.path))) {
      const problem = checkLink(target, file, { root, byPlace, anchorsIn })
      if (problem) problems.push({ file: file.place, line, message: problem })
    }
  }
  return problems
}

function checkLink(target, file, { root, byPlace, anchorsIn }) {
  if (EXTERNAL.test(target)) return undefined
  const hashAt = target.indexOf('#')
  const rawPath = hashAt < 0 ? target : target.slice(0, hashAt)
  const rawAnchor = hashAt < 0 ? undefined : target.slice(hashAt + 1)
  let path, anchor
  try {
    path = decodeURIComponent(rawPath.replace(/\?.*$/, ''))
    anchor = rawAnchor === undefined ? undefined : decodeURIComponent(rawAnchor)
  } catch {
    return `'${target}' is not a well-formed link (bad %-escape)`
  }
  if (isAbsolute(path)) return `'${target}' is an absolute path: link relative to ${file.place}`

  // Where the link leads, repository-relative.
  const place = path === '' ? normalize(file.place) : normalize(join(dirname(file.place), path))
  if (place === '..' || place.startsWith(`..${sep}`))
    return `'${target}' leads outside the repository (${place}): link only to files in it`
  const onDisk = byPlace.get(place) ?? resolve(root, place)
  if (path !== '' && !existsSync(onDisk)) return `'${target}' points at ${place}, which does not exist`

  if (anchor === undefined || anchor === '') return undefined
  if (!/\.md$/i.test(place) || statSync(onDisk).isDirectory()) {
    // GitHub's line anchors (#L10, #L10-L20) on source files; nothing else can be checked there.
    return /^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/.test(anchor)
      ? undefined
      : `'${target}': #${anchor} is not a line anchor (#L12), and ${place} has no headings to check it against`
  }
  if (anchorsIn(onDisk).has(anchor) || anchorsIn(onDisk).has(anchor.toLowerCase())) return undefined
  const where = path === '' ? 'this file' : relative(root, resolve(root, place)) || place
  return `'${target}': ${where} has no heading with the anchor #${anchor}`
}
