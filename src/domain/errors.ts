/**
 * The gateway's errors. Each has a stable `code` that the HTTP layer and the CLI map to a status
 * or exit code in one place, and a message that tells the user what to do next.
 */
export class TradesealError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Input that does not describe a valid request: fix the input and send it again. */
export class ValidationError extends TradesealError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super("VALIDATION_FAILED", message, details, options);
  }
}

/** The thing asked for does not exist (here, or yet). */
export class NotFoundError extends TradesealError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super("NOT_FOUND", message, details, options);
  }
}

/** The lifecycle forbids the action from the certificate's current status. */
export class LifecycleError extends TradesealError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super("LIFECYCLE_CONFLICT", message, details, options);
  }
}

/** The request conflicts with what is already recorded (e.g. a certificate number used twice). */
export class ConflictError extends TradesealError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super("CONFLICT", message, details, options);
  }
}

/** The caller may not do this: wrong authority, country, role or key. */
export class ForbiddenError extends TradesealError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super("FORBIDDEN", message, details, options);
  }
}

/** A part the gateway depends on (chain node, storage, database) cannot be reached: try again later. */
export class UnavailableError extends TradesealError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super("UNAVAILABLE", message, details, options);
  }
}

/** The request carries no valid credentials (missing, forged, expired or for another audience). */
export class UnauthenticatedError extends TradesealError {
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super("UNAUTHENTICATED", message, details, options);
  }
}
