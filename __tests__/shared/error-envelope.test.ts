/** The server's error envelope, read in one place by the transport, the smoke tests and publishing. */
import { envelopeError } from '../../src/shared/error-envelope.js'

describe('the error envelope', () => {
  test("v1's {Error: {Type, Message}} and v2's {error: {message}}, parsed or as text", () => {
    const v1 = { Error: { Type: 'BadInput', Message: 'no such group' } }
    expect(envelopeError(v1)).toEqual({ type: 'BadInput', message: 'no such group' })
    expect(envelopeError(JSON.stringify(v1))).toEqual({ type: 'BadInput', message: 'no such group' })
    expect(envelopeError('{"error": {"message": "InvalidBearerToken: expired"}}')).toEqual({
      message: 'InvalidBearerToken: expired'
    })
  })

  test('an envelope without a text message is quoted whole, so nothing the server said is lost', () => {
    expect(envelopeError({ Error: { Type: 'ServerError', Code: 7 } })).toEqual({
      type: 'ServerError',
      message: '{"Type":"ServerError","Code":7}'
    })
  })

  test('anything else is not an envelope: other keys beside it, a string error, a list, not JSON', () => {
    for (const body of [
      { Error: { Message: 'x' }, Result: 1 },
      { Error: 'x' },
      { Error: ['x'] },
      [{ Error: { Message: 'x' } }],
      'Internal Server Error',
      '',
      null,
      42
    ])
      expect(envelopeError(body)).toBeUndefined()
  })
})
