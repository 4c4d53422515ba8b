/** The proxy a URL goes through, in words for network errors: its address and variable, never its credentials. */
import { proxyOf } from '../../src/api/proxy.js'

const NAMES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'all_proxy',
  'ALL_PROXY',
  'no_proxy',
  'NO_PROXY'
]
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]))

afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})

function withEnv(env: Record<string, string>): void {
  for (const name of NAMES) delete process.env[name]
  Object.assign(process.env, env)
}

test.each([
  [{ HTTPS_PROXY: 'http://proxy.corp:3128' }, 'https://mlops.example.com', 'the proxy proxy.corp:3128 (HTTPS_PROXY)'],
  [{ https_proxy: 'http://10.0.0.9:8080' }, 'https://mlops.example.com', 'the proxy 10.0.0.9:8080 (https_proxy)'],
  [{ HTTP_PROXY: 'proxy.corp:3128' }, 'http://mlops.example.com', 'the proxy proxy.corp:3128 (HTTP_PROXY)'],
  [{ ALL_PROXY: 'http://all.corp:1080' }, 'https://mlops.example.com', 'the proxy all.corp:1080 (ALL_PROXY)']
])('%j for %s: %s', (env, url, words) => {
  withEnv(env)
  expect(proxyOf(new URL(url))).toBe(words)
})

test('credentials in the proxy URL are never part of the words', () => {
  withEnv({ HTTPS_PROXY: 'http://alice:s3cr3t-pass@proxy.corp:3128' })
  const words = proxyOf(new URL('https://mlops.example.com')) as string
  expect(words).toBe('the proxy proxy.corp:3128 (HTTPS_PROXY)')
  expect(words).not.toMatch(/alice|s3cr3t/)
})

test('no proxy, or a host NO_PROXY lists: undefined', () => {
  withEnv({})
  expect(proxyOf(new URL('https://mlops.example.com'))).toBeUndefined()
  withEnv({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'mlops.example.com' })
  expect(proxyOf(new URL('https://mlops.example.com'))).toBeUndefined()
})
