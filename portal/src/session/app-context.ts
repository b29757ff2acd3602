import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Api } from "../api/client";
import type { Session } from "./session";

export interface AppState {
  api: Api;
  session: Session | undefined;
  signIn: (session: Session) => void;
  signOut: () => void;
}

export const AppContext = createContext<AppState | undefined>(undefined);

/** The API client and who is signed in, as the App provides them. */
export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error("useApp() is used outside <App>.");
  return state;
}
