import type { Message, ParticipantKind } from "./protocol";

/** Badge label: nothing for 0, the number up to 99, then "99+" so the badge keeps its size. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return "";
  return count > 99 ? "99+" : String(Math.floor(count));
}

/** Messages from the other side (not `self`, not private) after the reader's read mark. */
export function countUnread(messages: Message[], readSeq: number, self: ParticipantKind): number {
  return messages.filter((m) => m.seq > readSeq && m.author.kind !== self && !m.private).length;
}

/**
 * The seq of the reader's own message that should carry "Seen": the newest own message at or below the other side's
 * read mark. One label on the newest seen message reads better than one on every message.
 */
export function seenLabelSeq(messages: Message[], otherReadSeq: number, self: ParticipantKind): number | undefined {
  let seen: number | undefined;
  for (const m of messages) if (m.author.kind === self && m.seq <= otherReadSeq) seen = m.seq;
  return seen;
}

/** The page title with the unread total in front, e.g. "(3) Console". */
export function titleWithUnread(base: string, total: number): string {
  const text = badgeText(total);
  return text ? `(${text}) ${base}` : base;
}
