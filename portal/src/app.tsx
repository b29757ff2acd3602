import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createApi } from "./api/client";
import { SiteHeader } from "./components/site-header";
import { AccreditorConsole } from "./pages/accreditor-console";
import { AuditConsole } from "./pages/audit-console";
import { ConsignmentPage } from "./pages/consignment-page";
import { IncomingConsole } from "./pages/incoming-console";
import { IssuerConsole } from "./pages/issuer-console";
import { NotFoundPage } from "./pages/not-found-page";
import { SignInPage } from "./pages/sign-in-page";
import { VerifyPage } from "./pages/verify-page";
import { navigate, useLocation } from "./routing/navigation";
import { routeOf, type Route } from "./routing/routes";
import { AppContext, type AppState } from "./session/app-context";
import { loadSession, saveSession, type Session } from "./session/session";

const TITLES: Record<Route["page"], string> = {
  verify: "Verify a certificate",
  "sign-in": "Sign in",
  issuer: "Issuer console",
  incoming: "Incoming certificates",
  consignment: "Consignment",
  audit: "Audit",
  authorities: "Authorities",
  "not-found": "Page not found",
};

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "verify":
      return <VerifyPage id={route.id} />;
    case "sign-in":
      return <SignInPage />;
    case "issuer":
      return <IssuerConsole />;
    case "incoming":
      return <IncomingConsole />;
    case "consignment":
      return <ConsignmentPage ucr={route.ucr} />;
    case "audit":
      return <AuditConsole />;
    case "authorities":
      return <AccreditorConsole />;
    case "not-found":
      return <NotFoundPage />;
  }
}

/** The portal: who is signed in, the API client, the header, and the page the address names. */
export function App() {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const tokenRef = useRef(session?.token);
  tokenRef.current = session?.token;
  const api = useMemo(() => createApi(() => tokenRef.current), []);
  const url = useLocation();
  const route = routeOf(url.pathname);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  const state: AppState = {
    api,
    session,
    signIn(next) {
      saveSession(next);
      setSession(next);
    },
    signOut() {
      saveSession(undefined);
      setSession(undefined);
      navigate("/");
    },
  };

  // After a page change, say where we are: the title, and focus on the page's heading for screen readers and keyboards.
  useEffect(() => {
    document.title = `${TITLES[route.page]} — tradeseal`;
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [url.pathname]);

  return (
    <AppContext.Provider value={state}>
      <a class="skip-link" href="#content">
        Skip to content
      </a>
      <SiteHeader path={url.pathname} />
      <main id="content" ref={main} tabIndex={-1}>
        <Page route={route} key={route.page} />
      </main>
      <footer class="site-footer">
        <p>
          tradeseal registry of certificates of origin and phytosanitary certificates ·{" "}
          <a href="/docs">API documentation</a>
        </p>
      </footer>
    </AppContext.Provider>
  );
}
