import { describe, expect, it } from "vitest";
import { insertReply, shortcutAtCaret, suggestReplies } from "../shared/cannedReplies";

const replies = [
  { id: "1", shortcut: "thanks", text: "Thank you for waiting!" },
  { id: "2", shortcut: "th", text: "Thanks." },
  { id: "3", shortcut: "refund", text: "Refunds take 5 days." },
];

describe("canned replies", () => {
  it("finds a shortcut being typed, not a slash inside a url", () => {
    expect(shortcutAtCaret("/th", 3)).toEqual({ start: 0, prefix: "th" });
    expect(shortcutAtCaret("ok /re", 6)).toEqual({ start: 3, prefix: "re" });
    expect(shortcutAtCaret("see a/b", 7)).toBeUndefined();
  });

  it("suggests by prefix, shortest first", () => {
    expect(suggestReplies(replies, "th").map((r) => r.id)).toEqual(["2", "1"]);
    expect(suggestReplies(replies, "x")).toEqual([]);
  });

  it("inserts the reply text in place of the shortcut", () => {
    const q = shortcutAtCaret("Hi /ref", 7)!;
    expect(insertReply("Hi /ref", q, 7, replies[2])).toEqual({ text: "Hi Refunds take 5 days.", caret: 23 });
  });
});
