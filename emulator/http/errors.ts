/** The errors a route throws, each answered as the server's error envelope (send.ts). */

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
