/** The transport's logins: a 401 logs in again once; refused credentials and tokens name their input. */
import { AuthError } from '../../../src/shared/errors.js'
import { GROUP, HASH, ok, useScriptedServer, type Step } from '../../helpers/scripted-server.js'

const { server, client } = useScriptedServer()

describe('authentication', () => {
  test('a 401 on a management call logs in again once and retries', async () => {
    server.script(
      '/preprocessing/status/',
      { status: 401, body: { Error: { Type: 'InvalidBearerToken', Message: 'expired' } } },
      ok({ Status: 'Deployed', Message: null })
    )
    const c = client()
    await expect(c.status(GROUP, HASH)).resolves.toEqual({ status: 'Deployed', message: null })
    expect(server.logins).toBe(2)
    const statusCalls = server.seen.filter((s) => s.path.startsWith('/api/preprocessing/status/'))
    expect(statusCalls.map((s) => s.auth)).toEqual(['Bearer user-token-1', 'Bearer user-token-2'])
    expect(c.transport.stats.logins).toBe(2)
  })

  test('a second 401 fails with a clear authentication message', async () => {
    const unauthorized: Step = { status: 401, body: { Error: { Type: 'InvalidBearerToken', Message: 'nope' } } }
    server.script('/groups', unauthorized, unauthorized, unauthorized)
    const error = await client()
      .listGroups()
      .catch((e) => e)
    expect(error).toBeInstanceOf(AuthError)
    expect(error.message).toBe(
      'GET /groups: the user token was refused even after logging in again: ' +
        'check the account can use this group (HTTP 401: nope).'
    )
    expect(server.logins).toBe(2)
  })

  test('refused credentials name the inputs, without retrying or printing the password', async () => {
    server.script('/login', {
      status: 401,
      body: { Error: { Type: 'InvalidCredentials', Message: 'Invalid user or password' } }
    })
    const error = await client()
      .transport.logIn()
      .catch((e) => e)
    expect(error.message).toMatch(
      new RegExp(
        /^Login as 'someone@example.com' was refused \(HTTP 401: Invalid user or password\)\. Check the /.source +
          /'login' and 'password' inputs/.source
      )
    )
    expect(error.message).not.toContain('hunter2')
    expect(server.count('/login')).toBe(1)
  })

  test('a refused group token is not a reason to log in again', async () => {
    server.script('/preprocessing/async/status/', {
      status: 401,
      body: { Error: { Type: 'InvalidBearerToken', Message: 'not this group' } }
    })
    const error = await client()
      .executionStatus(GROUP, '5')
      .catch((e) => e)
    expect(error.message).toMatch(/the group token was refused: check the 'group-token' input/)
    expect(server.logins).toBe(0)
  })
})
