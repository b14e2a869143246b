import type { ErrorCode } from "./protocol";

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "unauthorized", "forbidden", "not_found", "invalid_argument", "too_large",
  "rate_limited", "unavailable", "closed", "conflict",
]);

/**
 * The protocol code of a hub error. The server's HubException message is "{code}: {human message}"; the SignalR
 * client prefixes it ("An unexpected error occurred invoking 'X' on the server. HubException: ..."), so search for it.
 */
export function hubErrorCode(err: unknown): ErrorCode | undefined {
  const match = /^([a-z_]+): /.exec(serverMessage(err));
  return match && CODES.has(match[1]) ? (match[1] as ErrorCode) : undefined;
}

function serverMessage(err: unknown): string {
  const text = String((err as Error)?.message ?? err ?? "");
  const at = text.indexOf("HubException: ");
  return at >= 0 ? text.slice(at + "HubException: ".length) : text;
}

/** The human part of a hub error, for showing to the user. */
export function hubErrorText(err: unknown): string {
  return serverMessage(err).replace(/^[a-z_]+: /, "");
}

/**
 * Worth sending again with the same clientMessageId: no code means the call never got an answer (connection lost,
 * timeout); unavailable, conflict and rate_limited are transient by definition. Everything else will fail again.
 */
export function isRetryable(err: unknown): boolean {
  const code = hubErrorCode(err);
  return code === undefined || code === "unavailable" || code === "conflict" || code === "rate_limited";
}
