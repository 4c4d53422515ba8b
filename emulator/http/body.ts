/** Reading request bodies: multipart uploads to a staging folder, urlencoded forms, JSON. */
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Busboy } from '@fastify/busboy'
import { badInput } from './errors.js'

export interface UploadedFile {
  part: string
  /** Base name of the filename the client sent. */
  filename: string
  size: number
  /** Where the part was streamed to (inside the request's staging folder). */
  tempPath: string
}

export interface ParsedBody {
  /** Non-file fields of a multipart or urlencoded body. */
  form: Record<string, string>
  files: UploadedFile[]
  /** The raw body when it is not multipart (R1 parses it as JSON whatever its type). */
  raw: Buffer
}

/**
 * Reads the whole body. Multipart file parts are streamed to files in `stagingDir`,
 * which the caller removes after the request (handlers move the files they keep).
 */
export async function parseBody(req: IncomingMessage, stagingDir: string): Promise<ParsedBody> {
  const contentType = req.headers['content-type'] ?? ''
  if (/^multipart\/form-data/i.test(contentType)) return parseMultipart(req, stagingDir)
  const raw = await readAll(req)
  const form: Record<string, string> = {}
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) form[key] = value
  }
  return { form, files: [], raw }
}

/** A JSON body, or the 400 `message` when it does not parse. */
export function parseJson(raw: Buffer, message: string): unknown {
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch {
    throw badInput(message)
  }
}

/** The whole body as JSON (the emulator's own control calls). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  return parseJson(await readAll(req), 'The body must be JSON')
}

/** The one file part called `part`: none, or two, is a 400. */
export function onePart(files: UploadedFile[], part: string): UploadedFile {
  const matching = files.filter((f) => f.part === part)
  const [file] = matching
  if (matching.length !== 1 || file === undefined)
    throw badInput(
      matching.length === 0
        ? `Missing file part '${part}'`
        : `File part '${part}' was sent ${matching.length} times; send it once`
    )
  return file
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function parseMultipart(req: IncomingMessage, stagingDir: string): Promise<ParsedBody> {
  await mkdir(stagingDir, { recursive: true })
  const form: Record<string, string> = {}
  const files: UploadedFile[] = []
  const writes: Promise<void>[] = []
  await new Promise<void>((resolve, reject) => {
    let busboy
    try {
      busboy = Busboy({ headers: req.headers as { 'content-type': string } })
    } catch (error) {
      reject(badInput(`Malformed multipart body: ${(error as Error).message}`))
      return
    }
    busboy.on('field', (name, value) => {
      form[name] = value
    })
    busboy.on('file', (part, stream, filename) => {
      // Never trust a client path: keep the base name only; the disk name is random.
      const file: UploadedFile = {
        part,
        filename: path.basename(filename ?? ''),
        size: 0,
        tempPath: path.join(stagingDir, randomBytes(8).toString('hex'))
      }
      files.push(file)
      stream.on('data', (chunk: Buffer) => {
        file.size += chunk.length
      })
      writes.push(pipeline(stream, createWriteStream(file.tempPath)))
    })
    busboy.on('finish', resolve)
    busboy.on('error', (error) => reject(badInput(`Malformed multipart body: ${(error as Error).message}`)))
    req.on('error', reject)
    req.pipe(busboy)
  })
  await Promise.all(writes)
  return { form, files, raw: Buffer.alloc(0) }
}
