/**
 * Line breaks, in one place. Every way a runner, a log viewer or a YAML value may end a
 * line: \n, \r\n, a lone \r, NEL, the Unicode line and paragraph separators, and vertical
 * tab and form feed to be safe. Inputs, one-line messages and error bodies all fold with it.
 */
export const LINE_BREAK = /[\r\n\v\f\u0085\u2028\u2029]/

/** True when `text` holds any line break. */
export function hasLineBreak(text: string): boolean {
  return LINE_BREAK.test(text)
}

/** Every run of line breaks (with the white space around it) replaced by `joiner`. */
export function foldLines(text: string, joiner: string): string {
  return text.replace(new RegExp(`\\s*(?:${LINE_BREAK.source})+\\s*`, 'g'), joiner)
}

/** A word with its indefinite article, by its sound as read aloud: 'a Sync', 'an Async', 'a csv', 'an ipynb'. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`
}
