/**
 * Status changes pushed by the gateway as server-sent events (GET /v1/events). The browser's
 * EventSource reconnects by itself, resuming after the last event id it saw.
 */
import { useEffect, useRef, useState } from "preact/hooks";

export interface LiveEvent {
  id: string;
  type: string;
  certificateId?: string;
  status: string;
}

/** The notification types the gateway sends (the `event:` of each message). */
const TYPES = [
  "certificate.issued",
  "certificate.suspended",
  "certificate.reinstated",
  "certificate.revoked",
  "certificate.superseded",
  "certificate.accepted",
  "certificate.rejected",
  "certificate.drawn_down",
  "certificate.exhausted",
  "batch.anchored",
  "batch.revoked",
  "batch.leaf_promoted",
];

export type LiveState = "off" | "connecting" | "live";

/**
 * Listens while `url` is set: one certificate's public stream (?certificate=0x…) or a signed-in
 * caller's (?access_token=…, as EventSource cannot send an Authorization header).
 */
export function useLiveEvents(url: string | undefined, onEvent: (event: LiveEvent) => void): LiveState {
  const [state, setState] = useState<LiveState>("off");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!url) {
      setState("off");
      return;
    }
    setState("connecting");
    const source = new EventSource(url);
    source.onopen = () => setState("live");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "off" : "connecting");
    const receive = (message: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(message.data) as LiveEvent);
      } catch {
        // A message that is not a notification (a future format) is ignored.
      }
    };
    for (const type of TYPES) source.addEventListener(type, receive);
    return () => source.close();
  }, [url]);
  return state;
}
