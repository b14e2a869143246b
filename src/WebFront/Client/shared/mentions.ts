/**
 * @mentions in agent notes. A mention is "@" followed by a handle (letters, digits, ".", "_", "-") at the start of
 * the text or after whitespace, so e-mail addresses are not mentions.
 */

const MENTION = /(^|\s)@([\p{L}\p{N}._-]+)/gu;

/** The handles mentioned in a text, in order, without duplicates. */
export function parseMentions(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    const handle = m[2].replace(/[._-]+$/, "");
    if (handle && !found.includes(handle)) found.push(handle);
  }
  return found;
}

export interface MentionQuery {
  /** Index of the "@". */
  start: number;
  /** What follows the "@" up to the caret. */
  prefix: string;
}

/** The mention being typed at the caret, if any: "@" at a word start and no whitespace between it and the caret. */
export function mentionAtCaret(text: string, caret: number): MentionQuery | undefined {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([\p{L}\p{N}._-]*)$/u.exec(before);
  if (!m) return undefined;
  return { start: caret - m[2].length - 1, prefix: m[2] };
}

/** A handle for an agent: the part of the e-mail before "@", which is unique enough and has no spaces. */
export function mentionHandle(agent: { email: string }): string {
  return agent.email.split("@")[0];
}

/** Agents whose handle or name starts with the prefix (case-insensitive), at most `limit`. */
export function suggestMentions<T extends { email: string; name: string }>(agents: T[], prefix: string, limit = 6): T[] {
  const p = prefix.toLowerCase();
  return agents
    .filter((a) => mentionHandle(a).toLowerCase().startsWith(p) || a.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(p)))
    .slice(0, limit);
}

/** Replaces the mention being typed with the chosen handle and a space; returns the new text and caret. */
export function completeMention(text: string, query: MentionQuery, caret: number, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `;
  return { text: text.slice(0, query.start) + inserted + text.slice(caret), caret: query.start + inserted.length };
}
