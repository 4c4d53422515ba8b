/** The step's one failure message: what failed and what to do, by kind of error. */
import { messageFor } from '../../src/modes/messages.js'
import {
  ApiError,
  AuthError,
  CancelledError,
  InputError,
  NetworkError,
  SmokeTestFailedError
} from '../../src/shared/errors.js'

describe('messageFor', () => {
  test('an unreachable server points at the url and the network', () => {
    expect(messageFor(new NetworkError('GET', '/health', 'connect ECONNREFUSED', true))).toBe(
      'Could not reach the Neomaril server: GET /health failed: connect ECONNREFUSED. ' +
        "Check 'url' and the runner's network."
    )
  })

  test('a 404 on /health: the url is not a Neomaril server root', () => {
    expect(messageFor(new ApiError('GET', '/health', 404, 'Not Found'))).toBe(
      "GET /health answered HTTP 404: Not Found. 'url' does not point at a Neomaril server root (no /api/health there)."
    )
  })

  test('a refusal, and a 2xx answer that could not be read, are told apart', () => {
    expect(messageFor(new ApiError('POST', '/preprocessing/register/g', 400, 'bad name', 'BadInput'))).toBe(
      'The Neomaril server refused a call: POST /preprocessing/register/g answered HTTP 400 BadInput: bad name'
    )
    expect(messageFor(new ApiError('GET', '/groups', 200, 'not JSON'))).toBe(
      "The Neomaril server's answer could not be read: GET /groups answered HTTP 200: not JSON"
    )
  })

  test("through a forward proxy an answer may be the proxy's; one in the server's envelope is the server's", () => {
    const proxy = 'the proxy 10.0.0.1:3128 (HTTP_PROXY)'
    expect(messageFor(new ApiError('GET', '/health', 502, 'Bad Gateway', undefined, proxy))).toMatch(
      /^An answer came through the proxy 10\.0\.0\.1:3128 \(HTTP_PROXY\) and may be that proxy's own.*NO_PROXY/
    )
    expect(messageFor(new ApiError('GET', '/health', 404, 'Not Found', undefined, proxy))).toMatch(
      /'url' does not point at a Neomaril server root/
    )
    expect(messageFor(new ApiError('POST', '/preprocessing/register/g', 400, 'bad name', 'BadInput', proxy))).toBe(
      'The Neomaril server refused a call: POST /preprocessing/register/g answered HTTP 400 BadInput: bad name'
    )
  })

  test('errors that already say what to do pass through as they are', () => {
    const input = new InputError([{ input: 'url', problem: 'is empty.', fix: 'Set it.' }])
    expect(messageFor(input)).toBe("Input 'url': is empty. Set it.")
    expect(messageFor(new AuthError('Login refused.'))).toBe('Login refused.')
    expect(messageFor(new SmokeTestFailedError('Smoke test failed: x.'))).toBe('Smoke test failed: x.')
    expect(messageFor(new CancelledError('SIGTERM'))).toBe(new CancelledError('SIGTERM').message)
  })

  test('anything else is unexpected, with its stack', () => {
    const error = new TypeError('x is undefined')
    expect(messageFor(error)).toBe(`Unexpected error: ${error.stack}`)
    expect(messageFor('thrown text')).toBe('Unexpected error: thrown text')
  })
})
