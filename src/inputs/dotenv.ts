/**
 * The values of a dotenv file, as dotenv reads them: `KEY=value`, `export KEY=value`,
 * `KEY="quoted" # comment`, and quoted values running over several lines (PEM keys).
 * Comments and blank lines are skipped.
 */
export function envFileValues(content: string): string[] {
  const values: string[] = []
  const lines = content.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=\s*(.*)$/.exec(lines[i])
    if (!match) continue
    const rest = match[1]
    const quote = rest[0]
    let value: string
    if (quote === '"' || quote === "'" || quote === '`') {
      let text = rest.slice(1)
      let end = text.indexOf(quote)
      // An opening quote without its closing one: the value goes on over the next lines.
      while (end === -1 && i + 1 < lines.length) {
        text += '\n' + lines[++i]
        end = text.indexOf(quote)
      }
      value = end === -1 ? text : text.slice(0, end)
    } else {
      value = rest.replace(/\s+#.*$/, '').trim()
    }
    if (value.trim()) values.push(value)
  }
  return values
}
