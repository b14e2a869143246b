import { useState } from "preact/hooks";
import type { ConsoleModel } from "../consoleModel";
import type { OpenConversation } from "../openConversation";

/** Accept, status changes, transfer and labels for the open conversation. */
export function ConversationActions({ model, open }: { model: ConsoleModel; open: OpenConversation }) {
  const c = open.conversation;
  const hub = model.hub;
  const id = c.id;
  const [snoozeAt, setSnoozeAt] = useState("");
  const [label, setLabel] = useState("");
  const [transferTo, setTransferTo] = useState("");

  const snooze = () => {
    if (!snoozeAt) return;
    void model.act(() => hub.setConversationStatus(id, "snoozed", new Date(snoozeAt).toISOString()));
  };
  const transfer = () => {
    const [kind, target] = transferTo.split(":", 2);
    if (!target) return;
    void model.act(() => hub.transfer(id, kind === "group" ? { groupId: target } : { agentId: target }));
    setTransferTo("");
  };
  const addLabel = (ev: Event) => {
    ev.preventDefault();
    const l = label.trim();
    if (l) void model.act(() => hub.addLabel(id, l));
    setLabel("");
  };

  return (
    <div class="actions">
      <div class="buttons">
        {c.routing === "queued" && !c.assignee && <button class="primary" onClick={() => void model.act(() => hub.accept(id))}>Accept</button>}
        {c.status === "resolved" ? (
          <button onClick={() => void model.act(() => hub.reopen(id))}>Reopen</button>
        ) : (
          <>
            {c.status !== "pending" && <button onClick={() => void model.act(() => hub.setConversationStatus(id, "pending"))}>Pending</button>}
            {c.status !== "open" && <button onClick={() => void model.act(() => hub.setConversationStatus(id, "open"))}>Open</button>}
            <span class="snooze">
              <input type="datetime-local" aria-label="Snooze until" value={snoozeAt} onInput={(e) => setSnoozeAt(e.currentTarget.value)} />
              <button onClick={snooze} disabled={!snoozeAt}>Snooze</button>
            </span>
            <button class="primary" onClick={() => void model.act(() => hub.close(id))}>Resolve</button>
          </>
        )}
        <button onClick={() => void hub.markUnread(id).catch((e) => model.fail(e))}>Mark unread</button>
        <span class="transfer">
          <select aria-label="Transfer to" value={transferTo} onChange={(e) => setTransferTo(e.currentTarget.value)}>
            <option value="">Transfer to…</option>
            {model.agents && <optgroup label="Agents">{model.agents.filter((a) => a.id !== model.agent.id).map((a) => <option value={`agent:${a.id}`}>{a.name} ({a.status})</option>)}</optgroup>}
            <optgroup label="Groups">{model.groups.map((g) => <option value={`group:${g.id}`}>{g.name}</option>)}</optgroup>
          </select>
          {/* Agents who may not list /agents can still transfer to a colleague by id. */}
          {model.agents === null && <input placeholder="or agent id" aria-label="Agent id" onChange={(e) => e.currentTarget.value && setTransferTo(`agent:${e.currentTarget.value.trim()}`)} />}
          <button onClick={transfer} disabled={!transferTo}>Transfer</button>
        </span>
      </div>
      <form class="labels" onSubmit={addLabel}>
        {c.labels.map((l) => (
          <span class="chip">{l}<button type="button" aria-label={`Remove label ${l}`} onClick={() => void model.act(() => hub.removeLabel(id, l))}>×</button></span>
        ))}
        <input placeholder="Add label" aria-label="Add label" value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </form>
    </div>
  );
}
