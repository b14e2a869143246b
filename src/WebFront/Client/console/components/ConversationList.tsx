import { useState } from "preact/hooks";
import type { Conversation } from "../../shared/protocol";
import { badgeText } from "../../shared/unread";
import type { ConsoleModel, ListName } from "../consoleModel";

const TABS: Array<[ListName, string]> = [["queue", "Queue"], ["mine", "Mine"], ["all", "All"]];

export function ConversationList({ model, selected }: { model: ConsoleModel; selected?: string }) {
  const [tab, setTab] = useState<ListName>("mine");
  const listed = model.listed(tab);
  const unreadIn = (list: ListName) => model.listed(list).reduce((n, c) => n + (model.unread.get(c.id) ?? 0), 0);
  return (
    <aside class="conversations">
      <div class="tabs" role="tablist">
        {TABS.map(([name, label]) => (
          <button role="tab" aria-selected={tab === name} class={tab === name ? "active" : ""} onClick={() => setTab(name)}>
            {label}
            {name === "queue" ? <span class="count">{model.waiting}</span> : unreadIn(name) > 0 && <span class="badge">{badgeText(unreadIn(name))}</span>}
          </button>
        ))}
      </div>
      <ul>
        {listed.length === 0 && <li class="none">Nothing here.</li>}
        {listed.map((c) => (
          <Row c={c} unread={model.unread.get(c.id) ?? 0} selected={c.id === selected}
            onAccept={tab === "queue" ? () => void model.act(() => model.hub.accept(c.id)).then(() => model.navigate(c.id)) : undefined} />
        ))}
      </ul>
    </aside>
  );
}

function Row({ c, unread, selected, onAccept }: { c: Conversation; unread: number; selected: boolean; onAccept?: () => void }) {
  const last = c.lastMessage;
  return (
    <li class={`row ${selected ? "selected" : ""} ${unread ? "unread" : ""}`}>
      <a href={`#/inbox/${encodeURIComponent(c.id)}`}>
        <span class="who">{c.visitor?.name || "Visitor"}</span>
        <span class={`status-chip ${c.status}`}>{c.status}</span>
        {unread > 0 && <span class="badge">{badgeText(unread)}</span>}
        <span class="preview">{last ? (last.private ? "Note: " : "") + (last.text || "(attachment)") : "No messages yet"}</span>
        <span class="meta">{c.assignee ? c.assignee.name : c.routing === "queued" ? "waiting" : "unassigned"}{last && ` · ${timeAgo(last.sentAt)}`}</span>
      </a>
      {onAccept && <button class="small" onClick={onAccept}>Accept</button>}
    </li>
  );
}

export function timeAgo(iso: string): string {
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return "now";
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86400) return `${Math.floor(s / 3600)} h`;
  return new Date(iso).toLocaleDateString();
}
