import { describe, expect, it } from "vitest";
import { completeMention, mentionAtCaret, parseMentions, suggestMentions } from "../shared/mentions";

describe("mentions", () => {
  it("parses handles at word starts, not inside e-mail addresses", () => {
    expect(parseMentions("@ann please ask bob@example.com and @bob.smith, thanks @ann")).toEqual(["ann", "bob.smith"]);
  });

  it("finds the mention being typed at the caret", () => {
    expect(mentionAtCaret("hi @an", 6)).toEqual({ start: 3, prefix: "an" });
    expect(mentionAtCaret("@", 1)).toEqual({ start: 0, prefix: "" });
    expect(mentionAtCaret("hi @an x", 8)).toBeUndefined();
    expect(mentionAtCaret("mail a@b", 8)).toBeUndefined();
  });

  it("suggests by handle or by a word of the name", () => {
    const agents = [{ email: "ann@x.io", name: "Ann Lee" }, { email: "bob@x.io", name: "Robert Annis" }, { email: "cy@x.io", name: "Cy" }];
    expect(suggestMentions(agents, "an").map((a) => a.email)).toEqual(["ann@x.io", "bob@x.io"]);
    expect(suggestMentions(agents, "").length).toBe(3);
  });

  it("completes the mention and puts the caret after it", () => {
    const q = mentionAtCaret("hi @an rest", 6)!;
    expect(completeMention("hi @an rest", q, 6, "ann")).toEqual({ text: "hi @ann  rest", caret: 8 });
  });
});
