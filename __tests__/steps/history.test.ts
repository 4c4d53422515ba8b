/**
 * src/steps/history.ts: which earlier script is "the previous build", and how long its
 * build took, from the search and the Host log; any failure or doubt means no hint.
 */
import { earlierV1Async, hostLogSpan, newestDeployed, previousBuild } from '../../src/steps/history.js'
import type { V1Api } from '../../src/api/v1.js'
import type { EarlierScript, PreprocessingApi } from '../../src/api/api.js'
import type { LogEntry } from '../../src/api/wire.js'

const hash = (c: string) => `S${c.repeat(63)}`
const CURRENT = hash('0')
const entry = (at: string, routine = 'Host', text = 'x'): LogEntry => ({
  RegisteredAt: at,
  OutputType: 'Ok',
  OutputData: text,
  Routine: routine
})

/** An API answering the search, describe (the name searched, unless `names` says) and logs; records what was asked. */
let lastSearched = ''
function fakeApi(
  scripts: EarlierScript[] | Error,
  logs: Record<string, LogEntry[]> = {},
  version: 'v1' | 'v2' = 'v1',
  names: Record<string, string> = {}
) {
  const asked: string[] = []
  const options: unknown[] = []
  const api = {
    version,
    describe: async (h: string) => {
      asked.push(`describe ${h}`)
      return { name: names[h] ?? lastSearched }
    },
    logs: async (h: string, routine: string, callOptions: unknown) => {
      asked.push(`logs ${h} ${routine}`)
      options.push(callOptions)
      return logs[h] ?? []
    },
    findByName:
      version === 'v2'
        ? undefined
        : async (name: string, callOptions: unknown) => {
            lastSearched = name
            asked.push(`search ${name}`)
            options.push(callOptions)
            if (scripts instanceof Error) throw scripts
            return scripts
          }
  } as unknown as PreprocessingApi
  return { api, asked, options }
}

describe('newestDeployed', () => {
  test('the newest Deployed script other than this one; failed and building ones say nothing of the next build', () => {
    const scripts: EarlierScript[] = [
      { hash: hash('a'), status: 'Deployed', uploadedAt: 1000 },
      { hash: hash('b'), status: 'Deployed', uploadedAt: 3000 },
      { hash: hash('c'), status: 'Failed', uploadedAt: 4000 },
      { hash: hash('d'), status: 'Building', uploadedAt: 5000 },
      { hash: CURRENT, status: 'Deployed', uploadedAt: 6000 }
    ]
    expect(newestDeployed(scripts, CURRENT)?.hash).toBe(hash('b'))
    expect(newestDeployed(scripts.slice(2), CURRENT)).toBeUndefined()
  })

  test('without dates the last one listed wins; a dated one beats an undated one', () => {
    expect(
      newestDeployed(
        [
          { hash: hash('a'), status: 'Deployed' },
          { hash: hash('b'), status: 'Deployed' }
        ],
        CURRENT
      )?.hash
    ).toBe(hash('b'))
    expect(
      newestDeployed(
        [
          { hash: hash('a'), status: 'Deployed', uploadedAt: 5 },
          { hash: hash('b'), status: 'Deployed' }
        ],
        CURRENT
      )?.hash
    ).toBe(hash('a'))
  })
})

describe('hostLogSpan', () => {
  test(
    'from the first Host entry to the last, whatever their ' + 'order, in the server format (7 fractional digits)',
    () => {
      expect(
        hostLogSpan([
          entry('2026-12-01T10:01:02.5000000Z'),
          entry('2026-12-01T10:00:00.0000000Z'),
          entry('2026-12-01T10:00:30.0000000Z')
        ])
      ).toBe(62_500)
    }
  )

  test('Run entries, unreadable dates, a single entry or a span under a second give nothing', () => {
    expect(hostLogSpan([entry('2026-12-01T10:00:00Z'), entry('2026-12-01T10:05:00Z', 'Run')])).toBeUndefined()
    expect(hostLogSpan([entry('2026-12-01T10:00:00Z'), entry('yesterday')])).toBeUndefined()
    expect(hostLogSpan([entry('2026-12-01T10:00:00Z')])).toBeUndefined()
    expect(hostLogSpan([entry('2026-12-01T10:00:00.000Z'), entry('2026-12-01T10:00:00.900Z')])).toBeUndefined()
    expect(hostLogSpan([])).toBeUndefined()
  })
})

describe('previousBuild', () => {
  test("searches by name, reads the newest deployed script's Host log, and answers its span", async () => {
    const { api, asked, options } = fakeApi(
      [
        { hash: hash('a'), status: 'Deployed', uploadedAt: 1 },
        { hash: hash('b'), status: 'Deployed', uploadedAt: 2 }
      ],
      { [hash('b')]: [entry('2026-12-01T10:00:00Z'), entry('2026-12-01T10:01:30Z')] }
    )
    // Both reads get the caller's deadline and signal, so the lookup can be bounded and abandoned.
    const limits = { deadline: 12345, signal: new AbortController().signal }
    await expect(previousBuild(api, 'loan features', CURRENT, limits)).resolves.toEqual({ hash: hash('b'), ms: 90_000 })
    expect(asked).toEqual(['search loan features', `describe ${hash('b')}`, `logs ${hash('b')} Host`])
    expect(options).toEqual([limits, limits])
  })

  test(
    'nothing found, a log with no span, or a v2 API (no search by name) ' +
      'give no hint and say why, without reading logs needlessly',
    async () => {
      const none = fakeApi([{ hash: hash('c'), status: 'Failed' }])
      await expect(previousBuild(none.api, 'n', CURRENT)).resolves.toEqual({
        none: 'no earlier script of this name in the group was deployed'
      })
      expect(none.asked).toEqual(['search n'])
      const empty = fakeApi([{ hash: hash('a'), status: 'Deployed' }], { [hash('a')]: [entry('2026-12-01T10:00:00Z')] })
      await expect(previousBuild(empty.api, 'n', CURRENT)).resolves.toEqual({
        none: `the build log of the previous one (${hash('a')}) gives no length`
      })
      const v2 = fakeApi([], {}, 'v2')
      await expect(previousBuild(v2.api, 'n', CURRENT)).resolves.toEqual({ none: 'the v2 API finds no script by name' })
      expect(v2.asked).toEqual([])
    }
  )

  test('only a script the server names exactly counts: a longer name the LIKE search also found does not', async () => {
    const { api, asked } = fakeApi(
      [
        { hash: hash('a'), status: 'Deployed', uploadedAt: 1 },
        { hash: hash('b'), status: 'Deployed', uploadedAt: 2 }
      ],
      { [hash('a')]: [entry('2026-12-01T10:00:00Z'), entry('2026-12-01T10:00:40Z')] },
      'v1',
      { [hash('b')]: 'loan features v2' }
    )
    await expect(previousBuild(api, 'loan features', CURRENT)).resolves.toEqual({ hash: hash('a'), ms: 40_000 })
    const described = [`describe ${hash('b')}`, `describe ${hash('a')}`]
    expect(asked).toEqual(['search loan features', ...described, `logs ${hash('a')} Host`])
  })

  test("a failing search is the caller's to ignore: the error comes through", async () => {
    const { api } = fakeApi(new Error('HTTP 500'))
    await expect(previousBuild(api, 'n', CURRENT)).rejects.toThrow('HTTP 500')
  })
})

describe('earlierV1Async: the previous deploy of exactly this name went through v1', () => {
  /** A V1Api answering the search and describe from tables. */
  function fakeV1(scripts: EarlierScript[], described: Record<string, Record<string, unknown>>) {
    const asked: string[] = []
    const v1 = {
      search: async (_group: string, name: string) => {
        asked.push(`search ${name}`)
        return scripts
      },
      describe: async (_group: string, h: string) => {
        asked.push(`describe ${h}`)
        return described[h] ?? {}
      }
    } as unknown as V1Api
    return { v1, asked }
  }

  test('the newest answer whose Name and Operation match counts; a longer name containing it does not', async () => {
    const { v1, asked } = fakeV1(
      [
        { hash: hash('a'), status: 'Deployed', uploadedAt: 1 },
        { hash: hash('b'), status: 'Failed', uploadedAt: 3 },
        { hash: hash('c'), status: 'Deployed', uploadedAt: 2 }
      ],
      {
        [hash('b')]: { Name: 'wide batch', Operation: 'Async' },
        [hash('c')]: { Name: 'batch', Operation: 'Async' }
      }
    )
    expect(await earlierV1Async(v1, 'g', 'batch')).toMatchObject({ hash: hash('c') })
    expect(asked).toEqual(['search batch', `describe ${hash('b')}`, `describe ${hash('c')}`])
  })

  test('a Sync script of the name, or a describe without a Name, is no signal', async () => {
    const { v1 } = fakeV1(
      [
        { hash: hash('a'), status: 'Deployed' },
        { hash: hash('b'), status: 'Deployed' }
      ],
      {
        [hash('a')]: { Name: 'batch', Operation: 'Sync' },
        [hash('b')]: { Operation: 'Async' }
      }
    )
    expect(await earlierV1Async(v1, 'g', 'batch')).toBeUndefined()
  })

  test('at most three answers are described', async () => {
    const scripts = ['1', '2', '3', '4', '5'].map((c) => ({ hash: hash(c), status: 'Deployed' }))
    const { v1, asked } = fakeV1(scripts, {})
    expect(await earlierV1Async(v1, 'g', 'batch')).toBeUndefined()
    expect(asked.filter((call) => call.startsWith('describe'))).toHaveLength(3)
  })
})
