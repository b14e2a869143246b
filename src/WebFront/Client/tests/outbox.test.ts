import { describe, expect, it } from "vitest";
import { Outbox } from "../shared/outbox";
import type { Ack } from "../shared/protocol";

type Req = { clientMessageId: string; text: string };
const ack = (seq: number): Ack => ({ id: `m${seq}`, seq, sentAt: "" });

describe("Outbox", () => {
  it("resends after a connection failure with the same clientMessageId", async () => {
    const box = new Outbox<Req>();
    box.add({ clientMessageId: "a", text: "hi" });
    const sent: string[] = [];
    await box.flush(async (r) => { sent.push(r.clientMessageId); throw new Error("WebSocket closed with status code: 1006"); }, () => {});
    expect(box.size).toBe(1);
    await box.flush(async (r) => { sent.push(r.clientMessageId); return ack(1); }, () => {});
    expect(sent).toEqual(["a", "a"]);
    expect(box.size).toBe(0);
  });

  it("sends in the order the user typed and stops at the first retryable failure", async () => {
    const box = new Outbox<Req>();
    for (const id of ["a", "b", "c"]) box.add({ clientMessageId: id, text: id });
    const sent: string[] = [];
    await box.flush(async (r) => {
      sent.push(r.clientMessageId);
      if (r.clientMessageId === "b") throw new Error("HubException: unavailable: try again");
      return ack(1);
    }, () => {});
    expect(sent).toEqual(["a", "b"]);
    expect(box.pending().map((e) => e.request.clientMessageId)).toEqual(["b", "c"]);
  });

  it("marks a non-retryable failure failed and goes on with the rest", async () => {
    const box = new Outbox<Req>();
    box.add({ clientMessageId: "a", text: "x".repeat(10) });
    box.add({ clientMessageId: "b", text: "ok" });
    const failed: string[] = [];
    const acked: string[] = [];
    await box.flush(async (r) => {
      if (r.clientMessageId === "a") throw new Error("An unexpected error occurred invoking 'SendMessage' on the server. HubException: too_large: text is too long");
      return ack(2);
    }, (r) => acked.push(r.clientMessageId), (r) => failed.push(r.clientMessageId));
    expect(failed).toEqual(["a"]);
    expect(acked).toEqual(["b"]);
    expect(box.get("a")?.state).toBe("failed");
    box.retry("a");
    expect(box.get("a")?.state).toBe("sending");
  });

  it("does not send twice when flushed concurrently", async () => {
    const box = new Outbox<Req>();
    box.add({ clientMessageId: "a", text: "hi" });
    let calls = 0;
    const send = async () => { calls++; await new Promise((r) => setTimeout(r, 5)); return ack(1); };
    await Promise.all([box.flush(send, () => {}), box.flush(send, () => {})]);
    expect(calls).toBe(1);
  });
});

describe("Outbox while a flush runs", () => {
  it("sends an entry added during a flush in the same flush, after the ones before it", async () => {
    const box = new Outbox<Req>();
    box.add({ clientMessageId: "a", text: "1" });
    const sent: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const send = async (r: Req) => {
      sent.push(r.clientMessageId);
      if (r.clientMessageId === "a") await gate;
      return ack(sent.length);
    };
    const first = box.flush(send, () => {});
    box.add({ clientMessageId: "b", text: "2" });
    await box.flush(send, () => {}); // folded into the running flush
    release();
    await first;
    expect(sent).toEqual(["a", "b"]);
    expect(box.size).toBe(0);
  });
});

describe("Outbox result", () => {
  it("goes round again when a flush was asked for while a send failed retryably (a reconnect), instead of stalling", async () => {
    const box = new Outbox<Req>();
    box.add({ clientMessageId: "a", text: "1" });
    const sent: string[] = [];
    let first = true;
    const stalled = await box.flush(async (r) => {
      sent.push(r.clientMessageId);
      if (first) {
        first = false;
        // The old connection is closing; the new one's "connected" asks for a flush, which is folded into this one.
        expect(await box.flush(async () => ack(9), () => {})).toBe(false);
        throw new Error("Invocation canceled due to the underlying connection being closed.");
      }
      return ack(1);
    }, () => {});
    expect(stalled).toBe(false);
    expect(sent).toEqual(["a", "a"]);
    expect(box.size).toBe(0);
  });

  it("reports a stall on a retryable error so the caller can schedule another try", async () => {
    const box = new Outbox<Req>();
    box.add({ clientMessageId: "a", text: "1" });
    expect(await box.flush(async () => { throw new Error("HubException: rate_limited: slow down"); }, () => {})).toBe(true);
    expect(await box.flush(async () => ack(1), () => {})).toBe(false);
  });
});
