import { describe, expect, it } from "vitest";
import { badgeText, countUnread, seenLabelSeq, titleWithUnread } from "../shared/unread";
import { msg } from "./helpers";

describe("unread badge", () => {
  it("hides at zero and caps at 99+", () => {
    expect(badgeText(0)).toBe("");
    expect(badgeText(-1)).toBe("");
    expect(badgeText(7)).toBe("7");
    expect(badgeText(100)).toBe("99+");
  });

  it("counts only the other side's public messages after the read mark", () => {
    const ms = [msg(1, "agent"), msg(2, "visitor"), msg(3, "agent"), msg(4, "agent", "note", true), msg(5, "bot")];
    expect(countUnread(ms, 1, "visitor")).toBe(2);
    expect(countUnread(ms, 5, "visitor")).toBe(0);
  });

  it("puts Seen on the newest own message the other side has read", () => {
    const ms = [msg(1, "visitor"), msg(2, "visitor"), msg(3, "agent"), msg(4, "visitor")];
    expect(seenLabelSeq(ms, 3, "visitor")).toBe(2);
    expect(seenLabelSeq(ms, 0, "visitor")).toBeUndefined();
  });

  it("puts the total in the title", () => {
    expect(titleWithUnread("Console", 3)).toBe("(3) Console");
    expect(titleWithUnread("Console", 0)).toBe("Console");
  });
});
