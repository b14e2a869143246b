import { useEffect, useState } from "preact/hooks";
import type { PreChatField, TenantSettings } from "../../shared/protocol";
import type { ConsoleModel } from "../consoleModel";

const FIELDS: PreChatField[] = ["name", "email", "question"];
const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);

export function SettingsPage({ model }: { model: ConsoleModel }) {
  const [s, setS] = useState<TenantSettings>();
  const [saved, setSaved] = useState(false);
  // Kept as typed: cleaning lines on every keystroke would swallow the newline being typed.
  const [origins, setOrigins] = useState("");
  useEffect(() => void model.rest.settings().then((x) => { setS(x); setOrigins(x.allowedOrigins.join("\n")); }, (e) => model.fail(e)), []);
  if (!s) return <p class="meta">Loading…</p>;

  const set = (patch: Partial<TenantSettings>) => {
    setS({ ...s, ...patch });
    setSaved(false);
  };
  const save = async (ev: Event) => {
    ev.preventDefault();
    await model.rest.saveSettings(s).then((x) => { setS(x); setSaved(true); }, (e) => model.fail(e));
  };
  const toggleField = (f: PreChatField, on: boolean) =>
    set({ preChatForm: { ...s.preChatForm, fields: on ? FIELDS.filter((x) => x === f || s.preChatForm.fields.includes(x)) : s.preChatForm.fields.filter((x) => x !== f) } });

  return (
    <form class="card settings" onSubmit={save}>
      <h2>Widget settings</h2>
      <label>Name shown in the widget<input value={s.name} onInput={(e) => set({ name: e.currentTarget.value })} /></label>
      <label>Primary colour<input type="color" value={s.primaryColor} onInput={(e) => set({ primaryColor: e.currentTarget.value })} /></label>
      <label>Greeting<textarea rows={2} value={s.greeting} onInput={(e) => set({ greeting: e.currentTarget.value })} /></label>
      <label>Offline message<textarea rows={2} value={s.offlineMessage} onInput={(e) => set({ offlineMessage: e.currentTarget.value })} /></label>
      <fieldset>
        <legend>Pre-chat form</legend>
        <label class="toggle"><input type="checkbox" checked={s.preChatForm.enabled} onChange={(e) => set({ preChatForm: { ...s.preChatForm, enabled: e.currentTarget.checked } })} /> Ask before the chat starts</label>
        {FIELDS.map((f) => <label class="toggle"><input type="checkbox" checked={s.preChatForm.fields.includes(f)} onChange={(e) => toggleField(f, e.currentTarget.checked)} /> {f}</label>)}
      </fieldset>
      <label class="toggle"><input type="checkbox" checked={s.botEnabled} onChange={(e) => set({ botEnabled: e.currentTarget.checked })} /> Bot answers when no agent is online</label>
      <label class="toggle"><input type="checkbox" checked={s.draftPreview} onChange={(e) => set({ draftPreview: e.currentTarget.checked })} /> Show agents what visitors are typing</label>
      <label>Allowed origins (one per line)<textarea rows={3} value={origins} onInput={(e) => { setOrigins(e.currentTarget.value); set({ allowedOrigins: lines(e.currentTarget.value) }); }} /></label>
      <label>Identity secret (for userHash)<input value={s.identitySecret} onInput={(e) => set({ identitySecret: e.currentTarget.value })} autocomplete="off" /></label>
      <label>Business hours<input value={s.businessHours ?? ""} placeholder="e.g. Mon-Fri 09:00-17:00 Europe/Berlin" onInput={(e) => set({ businessHours: e.currentTarget.value || null })} /></label>
      <fieldset>
        <legend>Routing</legend>
        <label class="toggle"><input type="checkbox" checked={s.routing.sticky} onChange={(e) => set({ routing: { ...s.routing, sticky: e.currentTarget.checked } })} /> Returning visitors go to their previous agent</label>
        <label>Reassign unanswered after (seconds)<input type="number" min={0} value={s.routing.unansweredReassignAfterSeconds} onInput={(e) => set({ routing: { ...s.routing, unansweredReassignAfterSeconds: Number(e.currentTarget.value) } })} /></label>
      </fieldset>
      <div><button class="primary">Save</button> {saved && <span class="meta">Saved.</span>}</div>
    </form>
  );
}
