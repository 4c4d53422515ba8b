/** A throwaway self-signed certificate, made with openssl, for the tests that start a TLS server. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SelfSignedCertificate {
  /** The private key (PEM). */
  key: string
  /** The certificate (PEM). */
  cert: string
  /** The certificate's file, for NODE_EXTRA_CA_CERTS. */
  certFile: string
}

/**
 * A certificate valid for two days, issued to `commonName`, with `altName` its only subject
 * alternative name ('DNS:host.example' or 'IP:127.0.0.1').
 */
export function selfSignedCertificate(commonName: string, altName: string): SelfSignedCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'tls-'))
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2'].concat([
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      `subjectAltName=${altName}`
    ]),
    { stdio: 'ignore' }
  )
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile }
}
