/**
 * Finds requirement lines without an exact pin. The server installs what the file
 * says when it builds, so an unpinned line can build a different script tomorrow.
 */
export interface UnpinnedRequirement {
  /** 1-based line number in the requirements file. */
  readonly line: number
  readonly text: string
}

export function findUnpinnedRequirements(content: string): UnpinnedRequirement[] {
  const unpinned: UnpinnedRequirement[] = []
  content.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/\s+#.*$/, '').trim()
    // Blank lines, comments and pip options (-r, --index-url, …) are not requirements.
    if (text === '' || text.startsWith('#') || text.startsWith('-')) return
    // `name==1.2` and `name===1.2` pin; `name @ https://…` points at one artifact.
    if (/===?/.test(text) || /\s@\s/.test(text)) return
    unpinned.push({ line: index + 1, text })
  })
  return unpinned
}
