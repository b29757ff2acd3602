import { useState } from "preact/hooks";
import { Notice } from "../components/notice";
import { navigate } from "../routing/navigation";
import { useApp } from "../session/app-context";
import { consolePath, sessionOf } from "../session/session";
import { ROLE_LABELS, labelOf } from "../text/labels";

/**
 * Sign in with a bearer token: in production one your identity provider issues, in the demo one
 * that `npm start` prints. It stays in this tab only (sessionStorage) and picks your console.
 */
export function SignInPage() {
  const { session, signIn, signOut } = useApp();
  const [token, setToken] = useState("");
  const [problem, setProblem] = useState<string>();

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const next = sessionOf(token);
    if (typeof next === "string") {
      setProblem(next);
      return;
    }
    signIn(next);
    navigate(consolePath(next.role));
  };

  return (
    <>
      <h1>Sign in</h1>
      {session && (
        <Notice kind="info">
          You are signed in as {labelOf(ROLE_LABELS, session.role).toLowerCase()}
          {session.country && ` of ${session.country}`}.{" "}
          <button type="button" class="link-button" onClick={signOut}>
            Sign out
          </button>
        </Notice>
      )}
      <div class="columns">
        <form class="card" onSubmit={submit}>
          <label class="field">
            <span>Your access token</span>
            <textarea
              name="token"
              rows={6}
              required
              value={token}
              onInput={(event) => setToken(event.currentTarget.value)}
              spellcheck={false}
              autocomplete="off"
              class="mono"
              aria-describedby="token-help"
            />
          </label>
          <div aria-live="assertive">{problem && <Notice kind="error">{problem}</Notice>}</div>
          <button type="submit" class="primary">
            Sign in
          </button>
        </form>
        <div class="card" id="token-help">
          <h2>Where the token comes from</h2>
          <p>
            Your organisation's identity provider issues it: it names your role (issuer, customs, plant protection,
            accreditor or auditor), your authority and your country, and the gateway checks its signature on every
            action.
          </p>
          <p>
            In the demo, <code>npm start</code> prints one DEV-ONLY token per role: paste the token that follows the
            role's name (pasting the whole line works too).
          </p>
          <p class="muted">
            The token is kept in this browser tab only and is forgotten when you close it or sign out. Verifying a
            certificate needs no sign-in.
          </p>
        </div>
      </div>
    </>
  );
}
