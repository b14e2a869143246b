import type { ConsoleModel } from "../consoleModel";
import { AgentsPage } from "./AgentsPage";
import { GroupsPage } from "./GroupsPage";
import { CannedRepliesPage } from "./CannedRepliesPage";
import { SettingsPage } from "./SettingsPage";

const SECTIONS = [["agents", "Agents"], ["groups", "Groups"], ["canned", "Canned replies"], ["settings", "Widget settings"]] as const;

export function AdminPages({ model, section = "agents" }: { model: ConsoleModel; section?: string }) {
  return (
    <div class="admin">
      <nav class="admin-nav">
        {SECTIONS.map(([id, label]) => <a href={`#/admin/${id}`} class={section === id ? "active" : ""}>{label}</a>)}
      </nav>
      <section class="page">
        {section === "groups" ? <GroupsPage model={model} /> : section === "canned" ? <CannedRepliesPage model={model} /> : section === "settings" ? <SettingsPage model={model} /> : <AgentsPage model={model} />}
      </section>
    </div>
  );
}
