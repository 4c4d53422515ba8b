import { readFileSync } from 'node:fs'
import { RUN_STATUSES } from '../helpers/run-result.js'
import {
  addSecret,
  COMMON_WORDS,
  envValueLeftVisible,
  isSecretKey,
  maskSecretsWith,
  MIN_MASKED_LENGTH,
  redact,
  redactedJson
} from '../../src/shared/secrets.js'

const OWN = ['datarisk-team', 'loan features', 'https://neomaril.example.com/api', 'Sync', '3.10']

describe('envValueLeftVisible: which env values are too short or too common to mask', () => {
  test.each([
    ['DEBUG', 'true', 'a boolean'],
    ['VERBOSE', 'No', 'a boolean'],
    ['MAX_ROWS', '100', 'a number'],
    ['PY', '3.10', 'a number'],
    ['RATE', '-1.5e-3', 'a number'],
    ['BIG', '1_000_000_000', 'a number'],
    ['ACCOUNT', '12345678901234', 'a number'],
    ['REGION', 'eu-west', 'short'],
    ['ENVIRONMENT', 'Production', 'a common word'],
    ['HOST', 'localhost', 'a common word'],
    ['PY_WIRE', 'Python310', 'a common word'],
    ['STAGE', 'Deployed', 'a common word'],
    ['TEAM', 'datarisk-team', 'inside a value of this step'],
    ['TEAM_UPPER', 'DATARISK-TEAM', 'inside a value of this step'],
    ['DOMAIN', 'neomaril.example', 'inside a value of this step'],
    ['SCRIPT', 'loan features', 'inside a value of this step']
  ])('%s=%s is left visible (%s)', (key, value, reason) => {
    expect(envValueLeftVisible(key, value, OWN)).toBe(reason)
  })

  test.each([
    ['API_KEY', 'sk-live-4f9c1e7a2b8d'],
    ['DATABASE_URL', 'postgres://u:p@db.internal:5432/app'],
    ['ID', 'abcdefgh'],
    // Explicitly secret by its key: masked whatever its length or form.
    ['DB_PASSWORD', 'ab'],
    ['SERVICE_TOKEN', 'true'],
    ['CLIENT_SECRET', '1234'],
    ['OPENAI_API_KEY', 'datarisk-team'],
    ['dbPassword', 'x'],
    ['SMTP_PWD', '42']
  ])('%s is masked', (key, value) => {
    expect(envValueLeftVisible(key, value, OWN)).toBeUndefined()
  })

  test('the length threshold is the documented one', () => {
    expect(MIN_MASKED_LENGTH).toBe(8)
    expect(envValueLeftVisible('K', 'a'.repeat(7), [])).toBe('short')
    expect(envValueLeftVisible('K', 'a'.repeat(8), [])).toBeUndefined()
  })

  test('keys that merely mention a secret word are settings', () => {
    for (const key of ['TOKEN_TTL', 'PASSWORD_MIN_LENGTH', 'SORT_KEY', 'PWD', 'KEYS'])
      expect(isSecretKey(key)).toBe(false)
    for (const key of ['GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'PRIVATE_KEY', 'APIKEY', 'GCP_CREDENTIALS'])
      expect(isSecretKey(key)).toBe(true)
  })
})

describe('redaction', () => {
  test('a short password is masked all the same: it is explicitly secret', () => {
    addSecret('Q7')
    expect(redact('login failed for password Q7.')).toBe('login failed for password ***.')
  })

  test('a multi-line secret is masked whole and by its long lines, never by a short fragment', () => {
    addSecret(
      '-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n}\n-----END KEY-----'
    )
    expect(redact('key: MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu')).toBe('key: ***')
    expect(redact('{ "a": 1 }')).toBe('{ "a": 1 }')
  })

  test('JSON from outside stays valid JSON: strings and keys are redacted, numbers and booleans are not', () => {
    addSecret('json-secret-5b7e"quoted')
    const text = redactedJson({
      localOnly: true,
      rows: 100,
      answer: 'the key is json-secret-5b7e"quoted',
      'json-secret-5b7e"quoted': ['x', null]
    })
    expect(JSON.parse(text)).toEqual({ localOnly: true, rows: 100, answer: 'the key is ***', '***': ['x', null] })
    expect(text).not.toContain('json-secret-5b7e')
  })
})

describe("the runner's masking (handed in by main.ts)", () => {
  test('every form reaches it once: those added before it was handed in, then each new one', () => {
    addSecret('mask-early-8c1f')
    const masked: string[] = []
    maskSecretsWith((form) => masked.push(form))
    expect(masked).toContain('mask-early-8c1f')
    addSecret('mask-late 7d2e')
    addSecret('mask-late 7d2e')
    expect(masked.filter((form) => form === 'mask-late 7d2e')).toHaveLength(1)
    expect(masked).toContain('mask-late%207d2e')
  })
})

describe('the common words an env value is left visible as', () => {
  test('include every run status long enough to be masked, so the status output is never ***', () => {
    const maskable = Object.keys(RUN_STATUSES).filter((status) => status.length >= MIN_MASKED_LENGTH)
    expect(maskable.filter((status) => !COMMON_WORDS.has(status))).toEqual([])
    for (const status of maskable) expect(envValueLeftVisible('STAGE', status, [])).toBe('a common word')
  })

  test("are every one that docs/security.md's table lists", () => {
    const page = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8')
    const row = page.split('\n').find((line) => line.startsWith('| a common word')) ?? ''
    const spans = [...row.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').toLowerCase())
    // The examples column's spans are KEY=value; the words are the rest.
    const listed = new Set(spans.filter((span) => !span.includes('=')))
    expect([...COMMON_WORDS].filter((word) => !listed.has(word))).toEqual([])
    expect([...listed].filter((word) => !COMMON_WORDS.has(word))).toEqual([])
  })
})
