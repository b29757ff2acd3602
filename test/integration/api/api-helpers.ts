/** Small HTTP helpers for the API tests: JSON in, status + parsed body out. */
export interface Reply {
  status: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked member by member
  body: any;
  headers: Headers;
  text: string;
}

export async function call(
  url: string,
  options: {
    method?: string;
    token?: string;
    json?: unknown;
    body?: string | Uint8Array;
    type?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.body as string | Uint8Array<ArrayBuffer> | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] = "application/json";
  }
  if (options.type) headers["content-type"] = options.type;
  const response = await fetch(url, { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  let parsed: unknown = text;
  if (type.includes("json") && !type.includes("jose")) parsed = JSON.parse(text);
  return { status: response.status, type, body: parsed, headers: response.headers, text };
}
