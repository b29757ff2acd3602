/** A refused or failed API call, with the gateway's own sentence about what to do next. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type Answer<D> = { data: D; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

/**
 * The answer's data, or an ApiError carrying the problem's detail (RFC 9457) or why the gateway
 * could not be reached. Every answer the portal reads this way has a body.
 */
export async function must<D>(pending: Promise<Answer<D>>): Promise<NonNullable<D>> {
  let answer: Answer<D>;
  try {
    answer = await pending;
  } catch {
    throw new ApiError("The gateway cannot be reached. Check the connection and try again.", 0, "NETWORK");
  }
  if (answer.error === undefined && answer.response.ok) return answer.data as NonNullable<D>;
  throw errorOf(answer.error, answer.response);
}

export function errorOf(body: unknown, response: Response): ApiError {
  const problem = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const detail = typeof problem.detail === "string" ? problem.detail : undefined;
  const code = typeof problem.code === "string" ? problem.code : undefined;
  if (detail) return new ApiError(detail, response.status, code);
  if (response.status === 401) return new ApiError("Your sign-in is not accepted: sign in again.", 401, code);
  if (response.status >= 500) {
    return new ApiError(`The gateway answered ${response.status}: try again in a moment.`, response.status, code);
  }
  return new ApiError(`The gateway refused the request (${response.status}).`, response.status, code);
}

/** A sentence for any error caught in the portal. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : "Something went wrong; try again.";
