import { describe, expect, it } from "vitest";
import { mergeBySeq, resumeAll, SeqTracker } from "../shared/seqTracker";
import { msg, seqs } from "./helpers";

describe("SeqTracker", () => {
  it("shows messages that arrive in order at once", () => {
    const t = new SeqTracker();
    expect(seqs(t.accept(msg(1)))).toEqual([1]);
    expect(seqs(t.accept(msg(2)))).toEqual([2]);
    expect(t.hasGap).toBe(false);
    expect(t.lastSeq).toBe(2);
  });

  it("ignores a duplicate push", () => {
    const t = new SeqTracker();
    t.accept(msg(1));
    expect(t.accept(msg(1))).toEqual([]);
  });

  it("holds back a message after a gap until resume fills it", () => {
    const t = new SeqTracker();
    t.accept(msg(1));
    expect(t.accept(msg(3))).toEqual([]);
    expect(t.hasGap).toBe(true);
    expect(seqs(t.mergeResume([msg(2), msg(3)], true))).toEqual([2, 3]);
    expect(t.hasGap).toBe(false);
    expect(t.lastSeq).toBe(3);
  });

  it("shows held messages when the gap fills by a late push", () => {
    const t = new SeqTracker();
    t.accept(msg(1));
    t.accept(msg(3));
    expect(seqs(t.accept(msg(2)))).toEqual([2, 3]);
    expect(t.hasGap).toBe(false);
  });

  it("skips a seq the server says is not for this reader (a private note)", () => {
    const t = new SeqTracker();
    t.accept(msg(1));
    t.accept(msg(3));
    expect(seqs(t.mergeResume([msg(3)], true))).toEqual([3]);
    expect(t.hasGap).toBe(false);
  });

  it("shows held messages after the last complete resume page even if the page did not contain them", () => {
    const t = new SeqTracker(1);
    t.accept(msg(4));
    expect(seqs(t.mergeResume([msg(2)], true))).toEqual([2, 4]);
    expect(t.lastSeq).toBe(4);
  });

  it("does not show a message twice when the resume page overlaps what is shown", () => {
    const t = new SeqTracker();
    t.accept(msg(1));
    t.accept(msg(2));
    expect(seqs(t.mergeResume([msg(1), msg(2), msg(3)], true))).toEqual([3]);
  });

  it("resumeAll pages until a page is shorter than the page size", async () => {
    const t = new SeqTracker();
    const all = Array.from({ length: 5 }, (_, i) => msg(i + 1));
    const calls: number[] = [];
    const shown: number[] = [];
    await resumeAll(t, async (from) => {
      calls.push(from);
      return all.filter((m) => m.seq > from).slice(0, 2);
    }, 2, (ms) => shown.push(...seqs(ms)));
    expect(calls).toEqual([0, 2, 4]);
    expect(shown).toEqual([1, 2, 3, 4, 5]);
  });

  it("resumeAll stops when a full page makes no progress", async () => {
    const t = new SeqTracker(5);
    let calls = 0;
    await resumeAll(t, async () => { calls++; return [msg(1), msg(2)]; }, 2, () => {});
    expect(calls).toBe(1);
  });

  it("mergeBySeq keeps ascending order and replaces by seq", () => {
    const merged = mergeBySeq([msg(1), msg(3)], [msg(2), msg(3, "agent", "new")]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
    expect(merged[2].text).toBe("new");
  });
});
