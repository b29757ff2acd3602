import { Link } from "../routing/link";
import { useApp } from "../session/app-context";
import { CONSOLE_NAMES, consolePath } from "../session/session";
import { ROLE_LABELS, labelOf } from "../text/labels";

/** The bar on every page: the product, where to go, and who is signed in. */
export function SiteHeader({ path }: { path: string }) {
  const { session, signOut } = useApp();
  const current = (href: string) => (path === href || (href !== "/" && path.startsWith(href)) ? "page" : undefined);
  const home = path === "/" || path.startsWith("/verify");
  return (
    <header class="site-header">
      <div class="header-inner">
        <Link href="/" class="brand">
          <span class="brand-mark" aria-hidden="true">
            ✓
          </span>
          tradeseal
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/" aria-current={home ? "page" : undefined}>
                Verify
              </Link>
            </li>
            {session && (
              <li>
                <Link href={consolePath(session.role)} aria-current={current(consolePath(session.role))}>
                  {CONSOLE_NAMES[session.role]}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div class="who">
          {session ? (
            <>
              <span class="who-name">
                {labelOf(ROLE_LABELS, session.role)}
                {session.country && ` · ${session.country}`}
                {session.authorityId !== undefined && ` · authority ${session.authorityId}`}
              </span>
              <button type="button" class="link-button on-dark" onClick={signOut}>
                Sign out
              </button>
            </>
          ) : (
            <Link href="/sign-in" aria-current={current("/sign-in")} class="sign-in-link">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
