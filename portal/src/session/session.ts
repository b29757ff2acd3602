/**
 * Who is signed in: the bearer token pasted on the sign-in page, kept in sessionStorage (gone when
 * the tab closes). Its claims are read here only to choose the console; the gateway checks the
 * token's signature on every call.
 */
export type Role = "issuer" | "customs" | "nppo" | "accreditor" | "auditor" | "admin";

export interface Session {
  token: string;
  subject: string;
  role: Role;
  authorityId?: number;
  country?: string;
  /** Unix seconds. */
  expiresAt?: number;
}

const KEY = "tradeseal.token";
const ROLES: readonly Role[] = ["issuer", "customs", "nppo", "accreditor", "auditor", "admin"];

/** The session a token stands for, or an error sentence saying what is wrong with it. */
export function sessionOf(pasted: string): Session | string {
  // A whole line as `npm start` prints it ("issuer PK: eyJ…") is fine too: the token is the part that looks like one.
  const token = /[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/.exec(pasted)?.[0];
  if (!token) return "This is not a token: a token is three parts separated by dots (eyJ….eyJ….…).";
  const parts = token.split(".");
  let claims: Record<string, unknown>;
  try {
    const json = atob(parts[1].replaceAll("-", "+").replaceAll("_", "/"));
    claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<
      string,
      unknown
    >;
  } catch {
    return "The token's middle part cannot be read: copy the whole token again.";
  }
  const role = claims.role as Role;
  if (!ROLES.includes(role)) return `The token names no role the gateway knows (${ROLES.join(", ")}).`;
  const expiresAt = typeof claims.exp === "number" ? claims.exp : undefined;
  if (expiresAt !== undefined && expiresAt * 1000 < Date.now()) {
    return "The token has expired: ask your identity provider (or `npm start`, for the demo) for a new one.";
  }
  return {
    token,
    subject: typeof claims.sub === "string" ? claims.sub : "",
    role,
    ...(typeof claims.authority_id === "number" && { authorityId: claims.authority_id }),
    ...(typeof claims.country === "string" && { country: claims.country }),
    ...(expiresAt !== undefined && { expiresAt }),
  };
}

export function loadSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  if (!token) return undefined;
  const session = sessionOf(token);
  if (typeof session === "string") {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
}

/** What each role's console is called in the menu. */
export const CONSOLE_NAMES: Record<Role, string> = {
  issuer: "Issue",
  customs: "Incoming",
  nppo: "Incoming",
  auditor: "Audit",
  admin: "Audit",
  accreditor: "Authorities",
};

/** The console page of a role. */
export function consolePath(role: Role): string {
  switch (role) {
    case "issuer":
      return "/issuer";
    case "customs":
    case "nppo":
      return "/incoming";
    case "auditor":
    case "admin":
      return "/audit";
    case "accreditor":
      return "/authorities";
  }
}
