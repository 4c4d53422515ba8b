/** Shared helpers for the emulator tests: HTTP calls over real fetch, register and deploy. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  DEFAULT_GROUP,
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_USER,
  startEmulator,
  type Emulator,
  type EmulatorOptions
} from '../../emulator/index.js'

export const GROUP = DEFAULT_GROUP
export const GROUP_TOKEN = DEFAULT_GROUP_TOKEN
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * A parsed JSON answer. Tests read into it freely and let `expect` judge its shape, so it is
 * `any` on purpose: one alias here instead of a cast at every read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` })

export async function login(emu: Emulator, user = DEFAULT_USER, password = DEFAULT_PASSWORD): Promise<Response> {
  return fetch(`${emu.url}/api/login`, { method: 'POST', body: new URLSearchParams({ user, password }) })
}

export async function userToken(emu: Emulator): Promise<string> {
  const res = await login(emu)
  expect(res.status).toBe(200)
  return ((await res.json()) as { Token: string }).Token
}

/** A test file's emulator (builds take no extra time by default) and a user token for it. */
export async function emulatorWithToken(
  options: EmulatorOptions = { buildSeconds: 0 }
): Promise<{ emu: Emulator; token: string }> {
  const emu = await startEmulator(options)
  return { emu, token: await userToken(emu) }
}

export async function getJson(emu: Emulator, apiPath: string, token?: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${emu.url}/api${apiPath}`, { headers: token ? bearer(token) : {} })
  return { status: res.status, body: await res.json() }
}

export interface Upload {
  name?: string
  ref?: string
  operation?: 'Sync' | 'Async'
  pythonVersion?: string
  source: string
  sourceName?: string
  requirements?: string
  schema?: { name: string; content: string | Uint8Array }
  env?: string
  extras?: { name: string; content: string }[]
  group?: string
}

/** The multipart register body (docs/platform-contract.md, the v1 calls); `omit` drops fields or parts by name. */
export function registerForm(upload: Upload, omit: string[] = []): FormData {
  const form = new FormData()
  const field = (key: string, value: string): void => {
    if (!omit.includes(key)) form.append(key, value)
  }
  const file = (part: string, content: string | Uint8Array, filename: string): void => {
    if (!omit.includes(part)) form.append(part, new Blob([content as BlobPart]), filename)
  }
  field('name', upload.name ?? 'test-script')
  field('script_reference', upload.ref ?? 'process')
  field('operation', upload.operation ?? 'Sync')
  field('python_version', upload.pythonVersion ?? 'Python310')
  file('source', upload.source, upload.sourceName ?? 'script.py')
  file('requirements', upload.requirements ?? '', 'requirements.txt')
  file('schema', upload.schema?.content ?? '{"x": 1}', upload.schema?.name ?? 'schema.json')
  if (upload.env !== undefined) file('env', upload.env, '.env')
  for (const extra of upload.extras ?? []) file('extra', extra.content, extra.name)
  return form
}

export async function register(emu: Emulator, token: string, upload: Upload): Promise<string> {
  const res = await fetch(`${emu.url}/api/preprocessing/register/${upload.group ?? GROUP}`, {
    method: 'POST',
    headers: bearer(token),
    body: registerForm(upload)
  })
  const body = (await res.json()) as { Hash: string }
  expect(res.status).toBe(201)
  return body.Hash
}

export async function host(
  emu: Emulator,
  token: string,
  hash: string,
  operation: 'sync' | 'async' = 'sync'
): Promise<Response> {
  return fetch(`${emu.url}/api/preprocessing/${operation}/host/${GROUP}/${hash}`, { headers: bearer(token) })
}

/** Polls `read` every 50 ms until `done` holds, failing after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error(`Timed out; last value ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export async function scriptStatus(
  emu: Emulator,
  token: string,
  hash: string
): Promise<{ Status: string; Message: string | null }> {
  return (await getJson(emu, `/preprocessing/status/${GROUP}/${hash}`, token)).body
}

/** Hosts a registered script and waits for a terminal status. */
export async function build(
  emu: Emulator,
  token: string,
  hash: string,
  operation: 'sync' | 'async' = 'sync'
): Promise<{ Status: string; Message: string | null }> {
  expect((await host(emu, token, hash, operation)).status).toBe(202)
  return waitFor(
    () => scriptStatus(emu, token, hash),
    (s) => s.Status !== 'Building'
  )
}

export async function deploy(emu: Emulator, token: string, upload: Upload): Promise<string> {
  const hash = await register(emu, token, upload)
  const status = await build(emu, token, hash, upload.operation === 'Async' ? 'async' : 'sync')
  expect(status).toEqual({ Status: 'Deployed', Message: null })
  return hash
}

export async function logs(
  emu: Emulator,
  token: string,
  hash: string,
  query = ''
): Promise<Array<{ Hash: string; RegisteredAt: string; OutputType: string; OutputData: string; Routine: string }>> {
  const { status, body } = await getJson(emu, `/preprocessing/logs/${GROUP}/${hash}${query}`, token)
  expect(status).toBe(200)
  return body.Results
}

// --- v2 (docs/platform-contract.md, the v2 calls) -------------------------------------------

export const v2Url = (emu: Emulator, apiPath = ''): string => `${emu.url}/api/v2/preprocessing${apiPath}`

/** One v2 call with the user token; answers the status and the JSON body (or undefined). */
export async function v2Call(
  emu: Emulator,
  token: string,
  method: string,
  apiPath: string,
  body?: FormData | URLSearchParams | string
): Promise<{ status: number; body: Json }> {
  const res = await fetch(v2Url(emu, apiPath), { method, headers: bearer(token), body })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

/** A multipart body with one file part and some form fields. */
export function filePart(
  part: string,
  content: string | Uint8Array,
  filename: string,
  fields: Record<string, string> = {}
): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  form.append(part, new Blob([content as BlobPart]), filename)
  return form
}

export interface NamedFile {
  name: string
  filename: string
  content: string | Uint8Array
}

export interface UploadV2 {
  name?: string
  source: string
  sourceName?: string
  ref?: string
  pythonVersion?: string
  requirements?: string
  datasets: NamedFile[]
  env?: string
  extras?: { name: string; content: string }[]
}

export async function registerV2(emu: Emulator, token: string, name = 'v2-script', group = GROUP): Promise<string> {
  const res = await v2Call(emu, token, 'POST', `/${group}`, JSON.stringify({ Name: name, Operation: 'Async' }))
  expect(res.status).toBe(201)
  return res.body.PreprocessHash
}

/** The client's order after R: S per dataset, F, Q, [V], [X...]. Answers the schema DatasetHashes by name. */
export async function uploadV2(
  emu: Emulator,
  token: string,
  hash: string,
  upload: UploadV2
): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {}
  const expectCreated = (res: { status: number; body: unknown }): void =>
    expect({ status: res.status, body: res.body }).toEqual({ status: 201, body: expect.anything() })
  for (const dataset of upload.datasets) {
    const res = await v2Call(
      emu,
      token,
      'PATCH',
      `/${hash}/schema`,
      filePart('schema_file', dataset.content, dataset.filename, { dataset_name: dataset.name })
    )
    expectCreated(res)
    hashes[dataset.name] = res.body.DatasetHash
  }
  const script = filePart('script', upload.source, upload.sourceName ?? 'app.py', {
    preprocess_reference: upload.ref ?? 'build_df',
    python_version: upload.pythonVersion ?? 'Python310'
  })
  expectCreated(await v2Call(emu, token, 'PATCH', `/${hash}/script-file`, script))
  expectCreated(
    await v2Call(
      emu,
      token,
      'PATCH',
      `/${hash}/requirements-file`,
      filePart('requirements', upload.requirements ?? '', 'requirements.txt')
    )
  )
  if (upload.env !== undefined)
    expectCreated(await v2Call(emu, token, 'PATCH', `/${hash}/env-file`, filePart('env', upload.env, '.env')))
  for (const extra of upload.extras ?? []) {
    expectCreated(
      await v2Call(
        emu,
        token,
        'PATCH',
        `/${hash}/extra-file`,
        filePart('extra_file', extra.content, extra.name, { extra_file_name: extra.name })
      )
    )
  }
  return hashes
}

export async function v2Status(
  emu: Emulator,
  token: string,
  hash: string
): Promise<{ Status: string; Message: string | null; DatasetHash?: string }> {
  return (await v2Call(emu, token, 'GET', `/${hash}/status`)).body
}

/** H, then T until the build ends. */
export async function buildV2(
  emu: Emulator,
  token: string,
  hash: string
): Promise<{ Status: string; Message: string | null; DatasetHash?: string }> {
  expect((await v2Call(emu, token, 'PATCH', `/${hash}/status`)).status).toBe(202)
  return waitFor(
    () => v2Status(emu, token, hash),
    (s) => s.Status !== 'Building'
  )
}

export async function deployV2(emu: Emulator, token: string, upload: UploadV2): Promise<string> {
  const hash = await registerV2(emu, token, upload.name)
  await uploadV2(emu, token, hash, upload)
  expect(await buildV2(emu, token, hash)).toEqual({
    Status: 'Deployed',
    Message: null,
    DatasetHash: expect.stringMatching(/^D[0-9a-f]{63}$/)
  })
  return hash
}
