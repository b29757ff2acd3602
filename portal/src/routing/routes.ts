/** Which page a path shows. */
export type Route =
  | { page: "verify"; id?: string }
  | { page: "sign-in" }
  | { page: "issuer" }
  | { page: "incoming" }
  | { page: "consignment"; ucr: string }
  | { page: "audit" }
  | { page: "authorities" }
  | { page: "not-found" };

export function routeOf(pathname: string): Route {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (parts.length === 0 || (first === "verify" && parts.length === 1)) return { page: "verify" };
  if (first === "verify" && parts.length === 2) return { page: "verify", id: second };
  if (first === "consignments" && parts.length === 2) return { page: "consignment", ucr: second };
  if (parts.length === 1) {
    switch (first) {
      case "sign-in":
        return { page: "sign-in" };
      case "issuer":
        return { page: "issuer" };
      case "incoming":
        return { page: "incoming" };
      case "audit":
        return { page: "audit" };
      case "authorities":
        return { page: "authorities" };
    }
  }
  return { page: "not-found" };
}
