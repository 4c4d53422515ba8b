/**
 * The secret values the action knows, and the one policy for them (docs/security.md):
 *
 * - the password, the group token and the session tokens are masked whatever their form;
 * - an env-file value is masked unless `envValueLeftVisible` names a reason not to (too
 *   short or too common: the runner masks a registered value everywhere in the job);
 * - `redact` removes the masked values from text that came from outside (server text,
 *   run answers, error messages); the action's own values (outputs, the fields of its
 *   records) are never rewritten, and JSON is redacted value by value, so it stays JSON.
 *
 * A secret is also kept in the forms it takes inside JSON text and URL-encoded forms, and
 * a multi-line one line by line (the runner masks line by line), since that is how it can
 * reappear.
 */
const secrets = new Set<string>()

/** The runner's masking (main.ts hands it core.setSecret); this layer never imports @actions/*. */
let maskInRunner: (form: string) => void = () => undefined

/** Sends every secret form to `mask`: those already known now, each new one as it is added. */
export function maskSecretsWith(mask: (form: string) => void): void {
  maskInRunner = mask
  for (const form of secrets) mask(form)
}

/** The shortest env value that is masked, unless its key names it a secret. */
export const MIN_MASKED_LENGTH = 8

/** A line of a multi-line secret shorter than this is not a form of its own (a PEM's `}`). */
const MIN_LINE_LENGTH = MIN_MASKED_LENGTH

export function addSecret(value: string): void {
  const whole = value.trim()
  if (!whole) return
  const forms = new Set<string>([
    whole,
    JSON.stringify(whole).slice(1, -1),
    encodeURIComponent(whole),
    new URLSearchParams({ v: whole }).toString().slice(2)
  ])
  const lines = whole.split(/\r?\n/).map((line) => line.trim())
  if (lines.length > 1) for (const line of lines) if (line.length >= MIN_LINE_LENGTH) forms.add(line)
  for (const form of forms) {
    if (!form || secrets.has(form)) continue
    secrets.add(form)
    maskInRunner(form)
  }
}

/** Text that came from outside, with every masked value replaced by `***`. */
export function redact(text: string): string {
  let result = text
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('***')
  return result
}

/** A parsed JSON value from outside with every string (keys too) redacted; numbers, booleans and null untouched. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map(redactValue)
  if (value instanceof Date) return value
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactValue(item)]))
  return value
}

/**
 * JSON text of a value from outside: its strings redacted before it is serialised (so
 * an escaped secret cannot hide from a text search, and the text stays valid JSON).
 */
export function redactedJson(value: unknown): string {
  return JSON.stringify(redactValue(value), undefined, 2) + '\n'
}

/** Keys that say their value is a secret: masked whatever the value (DB_PASSWORD, API_KEY, CLIENT_SECRET…). */
const KEY_PREFIXES = 'API|ACCESS|SECRET|PRIVATE|AUTH|SIGNING|ENCRYPTION|CLIENT|MASTER'
const SECRET_KEY = new RegExp(
  `(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIALS?|[_.-]PWD|(?:${KEY_PREFIXES})[_.-]?KEY)$`,
  'i'
)

/** A number as settings write them: 100, -3, 3.10, .5, 1e-5, 1_000. */
const NUMBER = /^[+-]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** true/false and their spellings (all shorter than MIN_MASKED_LENGTH, named for the warning). */
const BOOLEAN = /^(?:true|false|yes|no|on|off|y|n|none|null|nil)$/i

/**
 * Words long enough to pass the length rule that would still blank out ordinary log text:
 * setting words, and the action's and the server's own words (statuses, Python's wire form).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  'production',
  'development',
  'localhost',
  'critical',
  'disabled',
  'unlimited',
  'automatic',
  'notebook',
  'preprocessing',
  'deployed',
  'validated',
  'unchanged',
  'registered',
  'building',
  'timed-out',
  'cancelled',
  'unavailable',
  'invalid-input',
  'succeeded',
  'python38',
  'python39',
  'python310'
])

export type VisibleReason = 'a boolean' | 'a number' | 'short' | 'a common word' | 'inside a value of this step'

/** Whether an env file's key names its value a secret (then it is masked whatever its form). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key)
}

/**
 * Why an env-file value is NOT masked, or undefined when it is. `ownValues` are this
 * step's non-secret inputs (group, name, url…): a value found inside one (ignoring case)
 * is printed with that input anyway, and masking it would blank out the input's own text.
 */
export function envValueLeftVisible(
  key: string,
  value: string,
  ownValues: readonly string[]
): VisibleReason | undefined {
  const text = value.trim()
  if (!text || isSecretKey(key)) return undefined
  if (BOOLEAN.test(text)) return 'a boolean'
  if (NUMBER.test(text)) return 'a number'
  if (text.length < MIN_MASKED_LENGTH) return 'short'
  if (COMMON_WORDS.has(text.toLowerCase())) return 'a common word'
  const lower = text.toLowerCase()
  if (ownValues.some((own) => own.toLowerCase().includes(lower))) return 'inside a value of this step'
  return undefined
}
