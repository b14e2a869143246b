import type { Message, VisitorSendMessage } from "../../shared/protocol";
import type { OutboxEntry } from "../../shared/outbox";
import { seenLabelSeq } from "../../shared/unread";
import { h } from "./dom";
import { messageElement, type FileLoader } from "./messageView";

export interface ListModel {
  greeting: string;
  messages: Message[];
  pending: OutboxEntry<VisitorSendMessage>[];
  agentReadSeq: number;
  self: Message["author"];
}

/**
 * Builds the list's nodes. Message nodes are cached by seq (a message never changes once it has a seq), so a
 * re-render moves nodes instead of rebuilding them and images are not fetched again.
 */
export class MessageList {
  private readonly cache = new Map<string, HTMLElement>();

  constructor(private readonly load: FileLoader, private readonly retry: (clientMessageId: string) => void) {}

  nodes(model: ListModel): Node[] {
    const out: Node[] = [];
    if (model.greeting) out.push(this.cached("greeting:" + model.greeting, () => h("div", { class: "greeting" }, model.greeting)));
    const seen = seenLabelSeq(model.messages, model.agentReadSeq, "visitor");
    const shownIds = new Set<string>();
    for (const m of model.messages) {
      shownIds.add(m.clientMessageId);
      out.push(this.cached(`s${m.seq}`, () => messageElement(m, m.author.kind === "visitor", this.load)));
      if (m.seq === seen) out.push(this.cached("seen", () => h("div", { class: "state" }, "Seen")));
    }
    // Bubbles of sends that have been acknowledged since are not needed any more.
    const pendingKeys = new Set(model.pending.map((e) => `p${e.request.clientMessageId}`));
    for (const key of this.cache.keys()) if (key.startsWith("p") && !pendingKeys.has(key)) this.cache.delete(key);
    for (const e of model.pending) {
      if (shownIds.has(e.request.clientMessageId)) continue;
      const id = e.request.clientMessageId;
      out.push(this.cached(`p${id}`, () => messageElement({ author: model.self, text: e.request.text, attachments: e.request.attachments ?? [] }, true, this.load)));
      out.push(e.state === "failed"
        ? h("div", { class: "state failed", attrs: { role: "button", tabindex: "0" }, onclick: () => this.retry(id) }, "Not sent. Tap to retry.")
        : h("div", { class: "state" }, "Sending…"));
    }
    return out;
  }

  clear(): void {
    this.cache.clear();
  }

  private cached(key: string, make: () => HTMLElement): HTMLElement {
    let el = this.cache.get(key);
    if (!el) this.cache.set(key, (el = make()));
    return el;
  }
}
