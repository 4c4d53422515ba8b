import * as core from '@actions/core'

/**
 * Every secret value the action knows: the password, the tokens, the .env values.
 * Each is masked in the runner's log as soon as it is known, and `redact` removes
 * them from what the runner does not mask: outputs, the summary, files we write.
 */
const secrets = new Set<string>()

export function addSecret(value: string): void {
  const trimmed = value.trim()
  // One or two characters would blank out half the log; the runner skips them too.
  if (trimmed.length < 3 || secrets.has(trimmed)) return
  secrets.add(trimmed)
  core.setSecret(trimmed)
}

export function redact(text: string): string {
  let result = text
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('***')
  return result
}
