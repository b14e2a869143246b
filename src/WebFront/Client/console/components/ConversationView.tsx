import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import type { Message } from "../../shared/protocol";
import { seenLabelSeq } from "../../shared/unread";
import type { ConsoleModel } from "../consoleModel";
import { useObservable } from "../observable";
import type { OpenConversation } from "../openConversation";
import { MessageText } from "./MessageText";
import { AttachmentView } from "./AttachmentView";
import { Composer } from "./Composer";
import { ConversationActions } from "./ConversationActions";

export function ConversationView({ model, open }: { model: ConsoleModel; open: OpenConversation }) {
  useObservable(open);
  const list = useRef<HTMLDivElement>(null);
  const keep = useRef<{ height: number; top: number; atEnd: boolean } | undefined>(undefined);
  const c = open.conversation;
  const seen = seenLabelSeq(open.messages.filter((m) => !m.private), open.visitorReadSeq, "agent");
  const pendingIds = new Set(open.messages.map((m) => m.clientMessageId));

  // Older pages go on top: keep the visible message where it was. New messages at the bottom: follow them.
  if (list.current) {
    const el = list.current;
    keep.current = { height: el.scrollHeight, top: el.scrollTop, atEnd: el.scrollHeight - el.scrollTop - el.clientHeight < 60 };
  }
  useLayoutEffect(() => {
    const el = list.current;
    const k = keep.current;
    if (!el) return;
    if (!k || k.atEnd) el.scrollTop = el.scrollHeight;
    else if (k.top < 40) el.scrollTop = el.scrollHeight - k.height + k.top;
  });
  useEffect(() => {
    keep.current = undefined;
  }, [open]);

  const onScroll = () => {
    if (list.current && list.current.scrollTop < 40) void open.loadOlder();
  };

  return (
    <section class="conversation">
      <header class="conversation-head">
        <div>
          <h2>{c.visitor?.name || "Visitor"}</h2>
          <span class={`status-chip ${c.status}`}>{c.status}</span>
          <span class="meta">{c.assignee ? `Assigned to ${c.assignee.name}` : c.group ? `Group ${c.group}` : "Unassigned"}</span>
          {c.snoozedUntil && <span class="meta"> · snoozed until {new Date(c.snoozedUntil).toLocaleString()}</span>}
          {c.rating && <span class="meta"> · rated {c.rating.score}/5{c.rating.comment ? `: ${c.rating.comment}` : ""}</span>}
        </div>
        <ConversationActions model={model} open={open} />
      </header>
      <div class="messages" ref={list} onScroll={onScroll}>
        {open.olderDone ? <div class="history-start">Start of the conversation</div> : <button class="small older" onClick={() => void open.loadOlder()} disabled={open.loadingOlder}>{open.loadingOlder ? "Loading…" : "Load older messages"}</button>}
        {open.messages.map((m) => (
          <>
            <MessageItem m={m} mine={m.author.kind === "agent" && m.author.id === model.agent.id} model={model} />
            {m.seq === seen && <div class="seen">Seen</div>}
          </>
        ))}
        {open.outbox.pending().filter((e) => !pendingIds.has(e.request.clientMessageId)).map((e) => (
          <div class={`msg mine pending ${e.request.private ? "note" : ""}`}>
            <MessageText text={e.request.text} />
            {e.state === "failed"
              ? <button class="small" onClick={() => open.retry(e.request.clientMessageId)}>Not sent ({e.error}). Retry</button>
              : <span class="meta">Sending…</span>}
          </div>
        ))}
      </div>
      <div class="typing">{open.typing && `${open.typing.participant.name || "Visitor"} is typing…`}{open.typing?.draft && <em class="draft"> “{open.typing.draft}”</em>}</div>
      {open.error && <div class="error-bar">{open.error}</div>}
      <Composer model={model} open={open} />
    </section>
  );
}

function MessageItem({ m, mine, model }: { m: Message; mine: boolean; model: ConsoleModel }) {
  const kind = m.author.kind === "system" ? "system" : mine ? "mine" : m.author.kind === "visitor" ? "theirs" : "colleague";
  return (
    <div class={`msg ${kind} ${m.private ? "note" : ""}`} data-seq={m.seq}>
      <span class="who">{m.private ? "Private note · " : ""}{m.author.name || m.author.kind} · {new Date(m.sentAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</span>
      {m.text && <div class="text"><MessageText text={m.text} /></div>}
      {m.attachments?.map((a) => <AttachmentView a={a} rest={model.rest} />)}
    </div>
  );
}
