import type { Conversation } from "../shared/protocol";

export type ListName = "queue" | "mine" | "all";

/**
 * Whether a conversation, as it is now, belongs in a list. Lists are read from the server now and then; events
 * change conversations in between, and a conversation someone accepted should leave the queue at once.
 */
export function belongsTo(list: ListName, c: Conversation, agentId: string): boolean {
  if (list === "queue") return !c.assignee && c.status === "open";
  if (list === "mine") return c.assignee?.id === agentId;
  return true;
}
