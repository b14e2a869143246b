import type { CannedReply } from "./protocol";

export interface ShortcutQuery {
  start: number;
  prefix: string;
}

/** The "/shortcut" being typed at the caret: "/" at a word start, then no whitespace up to the caret. */
export function shortcutAtCaret(text: string, caret: number): ShortcutQuery | undefined {
  const m = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(text.slice(0, caret));
  return m ? { start: caret - m[2].length - 1, prefix: m[2] } : undefined;
}

/** Replies whose shortcut starts with the prefix (case-insensitive), shortest shortcut first. */
export function suggestReplies(replies: CannedReply[], prefix: string, limit = 8): CannedReply[] {
  const p = prefix.toLowerCase();
  return replies
    .filter((r) => r.shortcut.toLowerCase().replace(/^\//, "").startsWith(p))
    .sort((a, b) => a.shortcut.length - b.shortcut.length)
    .slice(0, limit);
}

/** Replaces "/prefix" with the reply's text. */
export function insertReply(text: string, q: ShortcutQuery, caret: number, reply: CannedReply): { text: string; caret: number } {
  return { text: text.slice(0, q.start) + reply.text + text.slice(caret), caret: q.start + reply.text.length };
}
