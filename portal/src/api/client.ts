/**
 * The gateway API, typed by its OpenAPI document (schema.d.ts). Calls go to the origin that
 * served the portal, with the signed-in caller's token when there is one.
 */
import createClient from "openapi-fetch";
import type { paths } from "./schema";

export type Api = ReturnType<typeof createClient<paths, "application/json">>;

export function createApi(token: () => string | undefined): Api {
  const api = createClient<paths, "application/json">({ baseUrl: "" });
  api.use({
    onRequest({ request }) {
      const bearer = token();
      if (bearer && !request.headers.has("authorization")) request.headers.set("authorization", `Bearer ${bearer}`);
      return request;
    },
  });
  return api;
}
