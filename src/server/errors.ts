/**
 * Errors that carry their HTTP status, and the one place that turns any
 * error into a JSON response. A client's mistake is a 4xx that says what is
 * wrong; anything else is a 500 that says nothing about internals.
 */

/** An error with the status to answer it with, optional field details and headers (Retry-After, Allow). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The JSON response for an error. */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    const body = { error: error.message, ...(error.details ? { details: error.details } : {}) };
    return Response.json(body, { status: error.status, headers: error.headers });
  }
  console.error('admissions-chat server:', error);
  return Response.json({ error: 'Something went wrong on our side. Please call instead.' }, { status: 500 });
}
