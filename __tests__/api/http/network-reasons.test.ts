/** Node's network and TLS error codes, said in words with the code kept for searching. */
import { networkReason } from '../../../src/api/http/network-reasons.js'

describe('network and TLS reasons', () => {
  test.each([
    ['ECONNREFUSED', 'connection refused (ECONNREFUSED)'],
    ['ECONNRESET', 'connection reset by the server (ECONNRESET)'],
    ['ENOTFOUND', 'host name not found (ENOTFOUND)'],
    ['CERT_HAS_EXPIRED', "TLS: the server's certificate has expired (CERT_HAS_EXPIRED)"],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', "TLS: the server's certificate is self-signed"],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "TLS: the server's certificate is not for this host name (ERR_TLS_CERT_ALTNAME_INVALID)"
    ],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', "TLS: the server's certificate cannot be verified"]
  ])('%s reads as words with the code kept', (code, words) => {
    expect(networkReason(code, `request failed, reason: ${code}`, 'neomaril.example.com')).toContain(words)
    expect(networkReason(code, '', 'neomaril.example.com')).toMatch(new RegExp(`\\(${code}\\)`))
  })

  test('an unknown code keeps the original message and the code', () => {
    expect(networkReason('EWEIRD', 'request to x failed, reason: weird', 'h')).toBe(
      'request to x failed, reason: weird (EWEIRD)'
    )
  })
})
