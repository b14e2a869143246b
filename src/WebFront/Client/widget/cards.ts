/** Which form the widget shows in place of (or above) the composer. Pure, so the rules are tested without a DOM. */
export type CardKind = "" | "rating" | "thanks" | "offline" | "prechat";

export interface CardState {
  resolved: boolean;
  hasRating: boolean;
  ratedHere: boolean;
  /** No conversation, no message, nothing being sent: the visitor has not started yet. */
  fresh: boolean;
  agentsOnline: boolean;
  botEnabled: boolean;
  preChatFields: number;
  preChatEnabled: boolean;
  preChatDone: boolean;
}

export function chooseCard(s: CardState): CardKind {
  if (s.resolved && s.ratedHere) return "thanks";
  if (s.resolved && !s.hasRating) return "rating";
  if (s.resolved) return "";
  // Nobody to answer and no bot: a message is still welcome, but say so and ask where to reply.
  if (s.fresh && !s.agentsOnline && !s.botEnabled) return "offline";
  if (s.fresh && s.preChatEnabled && s.preChatFields > 0 && !s.preChatDone) return "prechat";
  return "";
}
