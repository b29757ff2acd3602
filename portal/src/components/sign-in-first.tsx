import { Link } from "../routing/link";

/** Shown on a console page to someone not signed in with the role it is for. */
export function SignInFirst({ role }: { role: string }) {
  return (
    <>
      <h1>Sign in first</h1>
      <p>
        This page is for {role}. <Link href="/sign-in">Sign in</Link> with your token, or{" "}
        <Link href="/">verify a certificate</Link> without signing in.
      </p>
    </>
  );
}
