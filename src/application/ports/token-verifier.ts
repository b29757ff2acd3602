import type { Caller } from "../../domain/caller.js";

/** Checks a bearer token and returns who it speaks for; throws `UnauthenticatedError` otherwise. */
export interface TokenVerifier {
  verify(token: string): Promise<Caller>;
}
