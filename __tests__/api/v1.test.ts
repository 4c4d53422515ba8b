/** The v1 calls' reading of answers: the search (P5) and the register's hash (docs/platform-contract.md). */
import { ApiError } from '../../src/shared/errors.js'
import { GROUP, HASH, ok, registerCall, useScriptedServer } from '../helpers/scripted-server.js'

const { server, client } = useScriptedServer()

describe('search (P5)', () => {
  test('sends the name and group, keeps well-formed hashes of the group, and reads UploadedAt', async () => {
    const other = `S${'b'.repeat(63)}`
    server.script(
      '/preprocessing/search',
      ok({
        Results: [
          { Hash: HASH, Status: 'Deployed', Group: GROUP, UploadedAt: '2026-11-30T10:00:00.1234567Z' },
          { Hash: other, Status: 'Failed', Group: GROUP, UploadedAt: 'not a date' },
          { Hash: `S${'c'.repeat(63)}`, Status: 'Deployed', Group: 'another-group' },
          { Hash: '../../groups', Status: 'Deployed', Group: GROUP },
          { Status: 'Deployed' },
          null
        ]
      })
    )
    const found = await client().search(GROUP, 'loan features')
    expect(found).toEqual([
      { hash: HASH, status: 'Deployed', uploadedAt: Date.parse('2026-11-30T10:00:00.123Z') },
      { hash: other, status: 'Failed', uploadedAt: undefined }
    ])
    const seen = server.seen.find((r) => r.path === '/api/preprocessing/search')
    expect(seen?.auth).toMatch(/^Bearer user-token-/)
    expect(Object.fromEntries(new URLSearchParams(seen?.search))).toEqual({ name: 'loan features', group: GROUP })
  })

  test('an answer without Results is an empty list', async () => {
    server.script('/preprocessing/search', ok({}))
    await expect(client().search(GROUP, 'x')).resolves.toEqual([])
  })
})

describe("the register's hash", () => {
  test.each([
    ['holding a newline and a workflow command', `${HASH}\n::warning::pwned`],
    ['too short', 'S1234'],
    ['not in hex', `S${'g'.repeat(63)}`],
    ['without the leading S', 'a'.repeat(64)],
    ['with a trailing space', `${HASH} `]
  ])('a hash %s is refused: the script may have been registered', async (_, hash) => {
    server.script('/preprocessing/register/', { status: 201, body: { Hash: hash } })
    const error = await registerCall(client()).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toMatch(
      new RegExp(
        /the answer's hash is malformed \(.*\): the script may have been registered, but its hash is /.source +
          /unknown\. Look for it in Neomaril before deploying again\./.source
      )
    )
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(server.count('/preprocessing/register/')).toBe(1)
  })

  test('a well-formed hash is taken, in either case', async () => {
    const upper = `S${'ABCDEF0123'.repeat(6)}abc`
    server.script('/preprocessing/register/', { status: 201, body: { Hash: upper } })
    await expect(registerCall(client())).resolves.toBe(upper)
  })
})
