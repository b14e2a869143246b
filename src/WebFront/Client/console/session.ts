import type { Agent } from "../shared/protocol";

/** The login, kept in sessionStorage: it ends with the tab, and another tab logs in on its own. */
export interface ConsoleSession {
  tenant: string;
  token: string;
  expiresAt: string;
  agent: Agent;
}

const KEY = "customerservice-console";

export function loadSession(): ConsoleSession | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as ConsoleSession | null;
    if (!s?.token || (s.expiresAt && Date.parse(s.expiresAt) <= Date.now())) return undefined;
    return s;
  } catch {
    return undefined;
  }
}

export function saveSession(s: ConsoleSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
