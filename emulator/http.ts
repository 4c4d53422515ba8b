/** Small HTTP helpers: JSON answers, the error envelope, and request-body parsing. */
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Busboy } from '@fastify/busboy'

/** An error answered as `{"Error":{"Type":type,"Message":message}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

/** The message of anything thrown, for an error answer or log entry. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** An ApiError as thrown, or anything else as a 500 UnexpectedError. */
export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(500, 'UnexpectedError', errorMessage(error))

export const badInput = (message: string): ApiError => new ApiError(400, 'BadInput', message)
export const notFound = (message: string): ApiError => new ApiError(404, 'NotFound', message)

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, { Error: { Type: error.type, Message: error.message } }, error.headers)
}

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
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const raw = Buffer.concat(chunks)
  const form: Record<string, string> = {}
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) form[key] = value
  }
  return { form, files: [], raw }
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
