/** Numbers and tables for the bench's report (plain text for the console, Markdown for BENCHMARKS.md). */

export function median(xs) {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
export const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length })
export const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—')
export const sec = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)} s` : '—')
export const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB (${(bytes / 2 ** 20).toFixed(1)} MiB)`
/** "median (min – max)", or — without figures. */
export const triple = (s, f = ms) => (s.n ? `${f(s.median)} (${f(s.min)} – ${f(s.max)})` : '—')
export const range = (s) => (s.n ? (s.min === s.max ? String(s.min) : `${s.median} (${s.min}–${s.max})`) : '—')
export const mark = (ok) => (ok ? 'PASS' : 'MISSED')

export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function markdownTable(header, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|')
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)
  ].join('\n')
}
