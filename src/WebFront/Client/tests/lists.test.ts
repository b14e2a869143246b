import { describe, expect, it } from "vitest";
import { belongsTo } from "../console/lists";
import type { Conversation } from "../shared/protocol";

const conv = (patch: Partial<Conversation>): Conversation => ({
  id: "c1", status: "open", visitor: null, assignee: null, group: null, routing: "queued", labels: [], lastSeq: 0,
  unread: 0, lastMessage: null, createdAt: "", firstResponseAt: null, resolvedAt: null, snoozedUntil: null, rating: null, ...patch,
});
const ann = { kind: "agent" as const, id: "ann", name: "Ann" };

describe("console lists", () => {
  it("drops a conversation from the queue as soon as someone accepted it", () => {
    expect(belongsTo("queue", conv({}), "ann")).toBe(true);
    expect(belongsTo("queue", conv({ assignee: ann }), "bob")).toBe(false);
    expect(belongsTo("queue", conv({ status: "resolved" }), "ann")).toBe(false);
  });

  it("keeps in Mine only what is assigned to me, and everything in All", () => {
    expect(belongsTo("mine", conv({ assignee: ann }), "ann")).toBe(true);
    expect(belongsTo("mine", conv({ assignee: ann }), "bob")).toBe(false);
    expect(belongsTo("all", conv({ assignee: ann }), "bob")).toBe(true);
  });
});
