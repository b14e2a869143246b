import type { Message, ParticipantKind } from "../shared/protocol";

export function msg(seq: number, kind: ParticipantKind = "agent", text = `m${seq}`, isPrivate = false): Message {
  return {
    id: `id${seq}`,
    conversationId: "c1",
    seq,
    clientMessageId: `cm${seq}`,
    author: { kind, id: kind === "visitor" ? "v1" : "a1", name: kind },
    text,
    attachments: [],
    private: isPrivate,
    sentAt: "2026-11-21T00:00:00Z",
  };
}

export const seqs = (ms: Message[]) => ms.map((m) => m.seq);
