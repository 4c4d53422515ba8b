/** The plan (src/local-checks/plan.ts): what a deploy changes against the last recorded one. */
import type { Manifest } from '../../src/local-checks/manifest.js'
import { NO_RECORD, formatSize, planChanges } from '../../src/local-checks/plan.js'

const HASH = (c: string) => c.repeat(64)

const BEFORE: Manifest = {
  group: 'datarisk',
  api: 'v1',
  calls: ['POST /preprocessing/register/datarisk', 'GET /preprocessing/sync/host/datarisk/{hash}'],
  fields: { name: 'loan features', script_reference: 'process', operation: 'Sync', python_version: 'Python39' },
  files: [
    { part: 'source', name: 'script.py', path: 'score.py', size: 120, sha256: HASH('a') },
    { part: 'requirements', name: 'requirements.txt', path: 'requirements.txt', size: 14, sha256: HASH('b') },
    { part: 'env', name: '.env', path: '.env', size: 30 },
    { part: 'extra', name: 'old.txt', path: 'extras/old.txt', size: 2048, sha256: HASH('c') }
  ],
  requirements: ['pandas==2.2.2', 'numpy']
}

/** BEFORE with some parts replaced. */
function after(changes: Partial<Manifest>): Manifest {
  return { ...BEFORE, ...changes }
}

describe('planChanges', () => {
  test('no record: nothing to compare with, has-changes unknown', () => {
    expect(planChanges(undefined, BEFORE)).toEqual({ hasChanges: undefined, markdown: NO_RECORD })
  })

  test('the same manifest (paths may differ) has no changes', () => {
    const moved = after({ files: BEFORE.files.map((file) => ({ ...file, path: `src/${file.path}` })) })
    const plan = planChanges(BEFORE, moved)
    expect(plan.hasChanges).toBe(false)
    expect(plan.markdown).toMatch(/^No changes/)
  })

  test('files added, removed and changed, with sizes before and after', () => {
    const [source, requirements, env] = BEFORE.files as [Manifest['files'][number], ...Manifest['files']]
    const plan = planChanges(
      BEFORE,
      after({
        files: [
          { ...source, size: 1500, sha256: HASH('d') },
          requirements as Manifest['files'][number],
          env as Manifest['files'][number],
          { part: 'extra', name: 'new.csv', path: 'new.csv', size: 3 * 1024 * 1024, sha256: HASH('e') }
        ]
      })
    )
    expect(plan.hasChanges).toBe(true)
    // The changes, then (no digests: validate mode) the note that the .env's values were not compared.
    expect(plan.markdown.split('\n\n')[0]?.split('\n')).toEqual([
      '| file | part | change | before | after |',
      '|---|---|---|---:|---:|',
      '| `script.py` | source | changed | 120 B | 1.5 KiB (1,500 B) |',
      '| `new.csv` | extra | added | — | 3.0 MiB (3,145,728 B) |',
      '| `old.txt` | extra | removed | 2.0 KiB (2,048 B) | — |'
    ])
  })

  test('the .env file (never hashed) counts as changed when its size changed', () => {
    const files = BEFORE.files.map((file) => (file.part === 'env' ? { ...file, size: 31 } : file))
    expect(planChanges(BEFORE, after({ files })).markdown).toContain('| `.env` | env | changed | 30 B | 31 B |')
  })

  test("the .env file's values changed at the same size: a deploy's digests say so, validate's cannot", () => {
    const digests = { recorded: `sha256:${HASH('1')}`, current: `sha256:${HASH('2')}` }
    const plan = planChanges(BEFORE, after({}), { digests })
    expect(plan.hasChanges).toBe(true)
    expect(plan.markdown).toMatch(/^- The `\.env` file's values changed, at the same size/)
    expect(plan.markdown).not.toMatch(/not compared/)
    const noEnv = after({ files: BEFORE.files.filter((file) => file.part !== 'env') })
    expect(planChanges(noEnv, noEnv, { digests }).markdown).toMatch(/^- The digest differs from the record's/)
    expect(planChanges(BEFORE, after({}), { digests: { ...digests, current: digests.recorded } }).hasChanges).toBe(
      false
    )
    // Validate mode (no digests): nothing it can see changed, and it says what it could not compare.
    const validate = planChanges(BEFORE, after({}))
    expect(validate.hasChanges).toBe(false)
    expect(validate.markdown).toMatch(/^No changes: .*\n\n\*The `\.env` file's values are not compared/)
    expect(planChanges(noEnv, noEnv).markdown).not.toMatch(/not compared/)
  })

  test('an API validate mode cannot know (api-version auto, Async) is named, not counted as a change', () => {
    const v1 = after({ api: 'v1', files: BEFORE.files.filter((file) => file.part !== 'env') })
    const v2 = { ...v1, api: 'v2' as const }
    const undecided = planChanges(v1, v2, { apiUndecided: true })
    expect(undecided.hasChanges).toBe(false)
    expect(undecided.markdown).not.toContain('- API:')
    expect(undecided.markdown).toMatch(/the last deploy went through `v1`; under `api-version: auto` a deploy takes/)
    expect(
      planChanges(v1, { ...v2, fields: { ...v1.fields, script_reference: 'other' } }, { apiUndecided: true })
    ).toMatchObject({ hasChanges: true, markdown: expect.stringMatching(/^- Entrypoint: .*\n\n\*API: /) })
    // Known (deploy mode, or api-version given): a change like any other.
    expect(planChanges(v1, v2)).toMatchObject({ hasChanges: true, markdown: '- API: `v1` → `v2`' })
  })

  test('Python version, entrypoint, operation, API and requirement lines', () => {
    const plan = planChanges(
      BEFORE,
      after({
        api: 'v2',
        fields: { ...BEFORE.fields, script_reference: 'build', operation: 'Async', python_version: 'Python310' },
        requirements: ['pandas==2.2.2', 'numpy==1.26.4', 'pyarrow==16.0.0']
      })
    )
    expect(plan.hasChanges).toBe(true)
    // The changes, then (no digests: validate mode) the note that the .env's values were not compared.
    expect(plan.markdown.split('\n\n')[0]?.split('\n')).toEqual([
      '- Python: `3.9` → `3.10`',
      '- Entrypoint: `process` → `build`',
      '- Operation: `Sync` → `Async`',
      '- API: `v1` → `v2`',
      '- Requirements:',
      '  - added `numpy==1.26.4`',
      '  - added `pyarrow==16.0.0`',
      '  - removed `numpy`'
    ])
  })

  test('a record made before requirement lines were kept says the file changed', () => {
    const old = { ...BEFORE, requirements: undefined }
    const files = BEFORE.files.map((file) => (file.part === 'requirements' ? { ...file, sha256: HASH('f') } : file))
    expect(planChanges(old, after({ files })).markdown).toContain(
      '- Requirements: the file changed; the last record does not list its lines.'
    )
  })

  test('user and record text is inert: a name with @someone, <b> or a pipe breaks nothing', () => {
    const hostile = '@someone <b>x</b> | y.txt'
    const record = JSON.parse(
      JSON.stringify({ ...BEFORE, files: [{ part: '<img src=x>', name: 7, size: 'big' }, ...BEFORE.files] })
    ) as Manifest
    const plan = planChanges(
      record,
      after({ files: [...BEFORE.files, { part: 'extra', name: hostile, path: 'x', size: 1, sha256: HASH('9') }] })
    )
    expect(plan.markdown).toContain('| `@someone <b>x</b> \\| y.txt` | extra | added | — | 1 B |')
    expect(plan.markdown).not.toContain('<img')
  })
})

test('formatSize', () => {
  expect([0, 1023, 1024, 10 * 1024 * 1024].map(formatSize)).toEqual([
    '0 B',
    '1,023 B',
    '1.0 KiB (1,024 B)',
    '10.0 MiB (10,485,760 B)'
  ])
  expect(formatSize(undefined)).toBe('?')
})
