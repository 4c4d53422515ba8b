/**
 * The server's error envelope: a JSON object whose only key is `Error` (v1) or `error`
 * (v2), holding `Message`/`message` and, on v1, a `Type` (BadInput, InvalidBearerToken, …).
 * The transport, the smoke test and the publish step all read it here.
 */
export interface EnvelopeError {
  readonly message: string
  readonly type?: string
}

/** The envelope's error when `body` (parsed JSON, or its text) is one; undefined otherwise. */
export function envelopeError(body: unknown): EnvelopeError | undefined {
  const parsed = typeof body === 'string' ? parseJson(body) : body
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const record = parsed as Record<string, unknown>
  const inner = record.Error ?? record.error
  if (!inner || typeof inner !== 'object' || Array.isArray(inner) || Object.keys(record).length !== 1) return undefined
  const fields = inner as Record<string, unknown>
  const message = fields.Message ?? fields.message
  const type = fields.Type ?? fields.type
  return {
    message: typeof message === 'string' ? message : JSON.stringify(inner),
    ...(typeof type === 'string' ? { type } : {})
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
