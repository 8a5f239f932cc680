/** An API error answered with the `{error:{code,message,…extra}}` envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, 'bad_request', message);
export const notFound = (what: string, id: string): ApiError => new ApiError(404, 'not_found', `${what} ${id} not found`);

export function insufficientCredits(required: number, balance: number): ApiError {
  return new ApiError(402, 'insufficient_credits', `Not enough credits. Required: ${required}, balance: ${balance}.`, {
    required,
    balance,
  });
}
