import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { messageOf, must } from "../api/api-error";
import type { Certificate, CertificateSearch } from "../api/types";
import { useApp } from "../session/app-context";

export interface CertificateList {
  items: Certificate[];
  nextCursor?: string;
  loading: boolean;
  error?: string;
  loadMore: () => void;
  reload: () => void;
  /** Reloads once after a burst of calls (live events of a batch) has settled. */
  reloadSoon: () => void;
}

const SETTLE_MS = 400;

/** Pages of GET /v1/certificates in the caller's scope, newest first; `reload` starts again from the top. */
export function useCertificateSearch(search: CertificateSearch): CertificateList {
  const { api } = useApp();
  const [items, setItems] = useState<Certificate[]>([]);
  const [nextCursor, setNextCursor] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const key = JSON.stringify(search);

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      setLoading(true);
      setError(undefined);
      try {
        const query = { ...(JSON.parse(key) as CertificateSearch), limit: 25, ...(cursor && { cursor }) };
        const page = await must(api.GET("/v1/certificates", { params: { query } }));
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (failure) {
        setError(messageOf(failure));
      } finally {
        setLoading(false);
      }
    },
    [api, key],
  );

  useEffect(() => {
    void fetchPage(undefined);
  }, [fetchPage, round]);

  return {
    items,
    nextCursor,
    loading,
    error,
    loadMore: () => void fetchPage(nextCursor),
    reload: () => setRound((n) => n + 1),
    reloadSoon: () => {
      clearTimeout(pending.current);
      pending.current = setTimeout(() => setRound((n) => n + 1), SETTLE_MS);
    },
  };
}
