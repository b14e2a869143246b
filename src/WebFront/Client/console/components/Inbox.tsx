import { useEffect } from "preact/hooks";
import type { ConsoleModel } from "../consoleModel";
import { ConversationList } from "./ConversationList";
import { ConversationView } from "./ConversationView";
import { VisitorPanel } from "./VisitorPanel";

export function Inbox({ model, conversationId }: { model: ConsoleModel; conversationId?: string }) {
  useEffect(() => {
    if (conversationId) void model.open(conversationId);
    else model.closeCurrent();
  }, [conversationId, model.connected]);
  // Leaving the inbox (search, admin) leaves the conversation too: messages arriving meanwhile must stay unread.
  useEffect(() => () => model.closeCurrent(), [model]);

  const current = model.current;
  return (
    <div class="inbox">
      <ConversationList model={model} selected={conversationId} />
      {current ? (
        <>
          <ConversationView key={current.id} model={model} open={current} />
          <VisitorPanel open={current} />
        </>
      ) : (
        <div class="empty">{conversationId ? "Loading…" : "Pick a conversation."}</div>
      )}
    </div>
  );
}
