/** The address bar as the portal's state: pages are paths, so every page has a link to share or bookmark. */
import { useEffect, useState } from "preact/hooks";

const CHANGED = "tradeseal:navigated";

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  dispatchEvent(new Event(CHANGED));
}

/** The current path and query, re-rendering on every navigation (links, back and forward). */
export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(location.href));
    addEventListener("popstate", update);
    addEventListener(CHANGED, update);
    return () => {
      removeEventListener("popstate", update);
      removeEventListener(CHANGED, update);
    };
  }, []);
  return url;
}
