import type { ReadStream } from 'node:fs'
import FormData from 'form-data'
import { streamFile } from '../../shared/files.js'
import type { Body, FilePart } from './types.js'

/** A multipart form body: the fields, then the files, each streamed from disk only when its part is sent. */
export function multipart(fields: Record<string, string>, files: readonly FilePart[]): Body {
  const form = new FormData()
  const open = new Set<ReadStream>()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  for (const file of files) {
    // knownLength lets form-data compute Content-Length without reading the files.
    const options = { filename: file.filename, knownLength: file.size, contentType: 'application/octet-stream' }
    if (file.inline) form.append(file.part, file.inline, options)
    // form-data takes a knownLength of 0 for "unknown" and would measure a stream: an empty file is an empty part.
    else if (file.size === 0) form.append(file.part, Buffer.alloc(0), options)
    else {
      // Opened only when form-data reaches this part (combined-stream calls the function then),
      // so thousands of extra files never hold thousands of descriptors at once.
      const path = file.localPath as string
      const lazy = (next: (stream: ReadStream) => void) => {
        const stream = streamFile(path)
        open.add(stream)
        stream.once('close', () => open.delete(stream))
        next(stream)
      }
      form.append(file.part, lazy, options)
    }
  }
  const sent = new Promise<void>((resolve) => form.once('end', () => resolve()))
  return {
    body: form,
    headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()) },
    sent,
    onData: (listener) => form.on('data', listener),
    // An attempt that failed mid-upload leaves the file being read open: close it.
    dispose: () => {
      for (const stream of open) stream.destroy()
    }
  }
}

/** A JSON request body. */
export function jsonBody(value: unknown): () => Body {
  const text = JSON.stringify(value)
  return () => ({ body: text, headers: { 'Content-Type': 'application/json' } })
}

/** A path segment, escaped for the URL. */
export function seg(value: string): string {
  return encodeURIComponent(value)
}
