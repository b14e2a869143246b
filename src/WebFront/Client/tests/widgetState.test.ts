import { describe, expect, it } from "vitest";
import { chooseCard, type CardState } from "../widget/cards";
import { UnreadCounter } from "../widget/unreadCounter";
import { MessageFeed } from "../widget/messageFeed";
import { msg, seqs } from "./helpers";

const base: CardState = {
  resolved: false, hasRating: false, ratedHere: false, fresh: true, agentsOnline: true, botEnabled: false,
  preChatFields: 3, preChatEnabled: false, preChatDone: false,
};

describe("widget cards", () => {
  it("asks for a rating once a conversation is resolved, thanks after", () => {
    expect(chooseCard({ ...base, fresh: false, resolved: true })).toBe("rating");
    expect(chooseCard({ ...base, fresh: false, resolved: true, hasRating: true, ratedHere: true })).toBe("thanks");
    expect(chooseCard({ ...base, fresh: false, resolved: true, hasRating: true })).toBe("");
  });

  it("shows the offline form only before the first message, and not when a bot answers", () => {
    expect(chooseCard({ ...base, agentsOnline: false })).toBe("offline");
    expect(chooseCard({ ...base, agentsOnline: false, botEnabled: true })).toBe("");
    expect(chooseCard({ ...base, agentsOnline: false, fresh: false })).toBe("");
  });

  it("shows the pre-chat form when enabled with fields, until it was filled", () => {
    expect(chooseCard({ ...base, preChatEnabled: true })).toBe("prechat");
    expect(chooseCard({ ...base, preChatEnabled: true, preChatFields: 0 })).toBe("");
    expect(chooseCard({ ...base, preChatEnabled: true, preChatDone: true })).toBe("");
  });
});

describe("widget unread counter", () => {
  it("is 0 while visible, otherwise the larger of server and local count, and reports changes only", () => {
    const seen: number[] = [];
    const u = new UnreadCounter();
    u.on((n) => seen.push(n));
    const ms = [msg(1, "agent"), msg(2, "agent"), msg(3, "visitor")];
    u.update(false, ms, 0);
    u.update(false, ms, 0);
    u.setServerCount(5);
    u.update(false, ms, 0);
    u.update(true, ms, 0);
    expect(seen).toEqual([0, 2, 5, 0]);
  });
});

describe("widget message feed", () => {
  it("resumes on a gap and shows everything in order once", async () => {
    const server = [msg(1), msg(2), msg(3)];
    const shown: number[] = [];
    const feed = new MessageFeed(async (from) => server.filter((m) => m.seq > from), (ms) => shown.push(...seqs(ms)));
    feed.accept(msg(1));
    feed.accept(msg(3));
    await feed.resume();
    expect(shown).toEqual([1, 2, 3]);
    expect(seqs(feed.messages)).toEqual([1, 2, 3]);
  });
});
