import { useObservable } from "../observable";
import type { OpenConversation } from "../openConversation";

export function VisitorPanel({ open }: { open: OpenConversation }) {
  useObservable(open);
  const v = open.visitor;
  const rows: Array<[string, string | null | undefined]> = v
    ? [["Name", v.name], ["E-mail", v.email], ["User id", v.userId ? `${v.userId}${v.verified ? " (verified)" : " (not verified)"}` : null],
       ["Page", v.page], ["Referrer", v.referrer], ["Device", v.device], ["Online", v.online ? "yes" : "no"], ["Visitor id", v.id]]
    : [];
  return (
    <aside class="visitor">
      <h3>Visitor</h3>
      {!v && <p class="meta">Loading…</p>}
      <dl>{rows.filter(([, value]) => value).map(([k, value]) => <><dt>{k}</dt><dd>{value}</dd></>)}</dl>
      <h3>Conversation</h3>
      <dl>
        <dt>Created</dt><dd>{new Date(open.conversation.createdAt).toLocaleString()}</dd>
        {open.conversation.firstResponseAt && <><dt>First response</dt><dd>{new Date(open.conversation.firstResponseAt).toLocaleString()}</dd></>}
        {open.conversation.resolvedAt && <><dt>Resolved</dt><dd>{new Date(open.conversation.resolvedAt).toLocaleString()}</dd></>}
      </dl>
    </aside>
  );
}
