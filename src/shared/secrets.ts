import * as core from '@actions/core'

/**
 * Every secret value the action knows: the password, the tokens, the .env values.
 * Each is masked in the runner's log as soon as it is known, and `redact` removes
 * them from what the runner does not mask: outputs, the summary, files we write.
 * A secret is also kept in the forms it takes inside JSON text and URL-encoded forms,
 * and a multi-line one line by line, since that is how it can reappear.
 */
const secrets = new Set<string>()

/** Shorter values would blank out half the log; the runner skips them too. */
const MIN_LENGTH = 3

export function addSecret(value: string): void {
  const forms = new Set<string>([
    value.trim(),
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2)
  ])
  // The runner masks line by line, so a multi-line value (a PEM key) is masked per line too.
  for (const line of value.split(/\r?\n/)) forms.add(line.trim())
  for (const form of forms) {
    if (form.length < MIN_LENGTH || secrets.has(form)) continue
    secrets.add(form)
    core.setSecret(form)
  }
}

export function redact(text: string): string {
  let result = text
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('***')
  return result
}

/** JSON text with every string value redacted before it is serialised (escaping hides secrets from text search). */
export function redactedJson(value: unknown): string {
  return (
    redact(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? redact(item) : item), 2)) + '\n'
  )
}
