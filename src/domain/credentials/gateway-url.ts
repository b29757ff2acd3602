import { ValidationError } from "../errors.js";

/** `path` under the gateway's public base URL (e.g. "https://registry.example/"), without a doubled slash. */
export function gatewayUrl(baseUrl: string, path: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch (error) {
    throw new ValidationError(`"${baseUrl}" is not a URL: give the gateway's public base URL.`, {}, { cause: error });
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new ValidationError(`"${baseUrl}" is not an http(s) URL: give the gateway's public base URL.`);
  }
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
