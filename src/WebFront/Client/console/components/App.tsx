import { useEffect, useMemo, useState } from "preact/hooks";
import { ConsoleModel } from "../consoleModel";
import { useObservable } from "../observable";
import type { ConsoleSession } from "../session";
import { useHashRoute } from "../useHashRoute";
import { enableAlerts, notificationsWanted, unlockAudio } from "../notifier";
import { badgeText } from "../../shared/unread";
import { StatusControls } from "./StatusControls";
import { Inbox } from "./Inbox";
import { SearchPage } from "./SearchPage";
import { AdminPages } from "../admin/AdminPages";

export function App({ session, onLogout }: { session: ConsoleSession; onLogout: () => void }) {
  const model = useMemo(() => new ConsoleModel(session, onLogout), [session]);
  useObservable(model);
  const route = useHashRoute();
  const [askAlerts, setAskAlerts] = useState(notificationsWanted());

  useEffect(() => {
    void model.start().catch((e) => model.fail(e));
    // Any click unlocks audio for the new-message beep (browsers block sound before a gesture).
    document.addEventListener("click", unlockAudio, { once: true });
    return () => void model.hub.stop();
  }, [model]);

  const page = route[0] ?? "inbox";
  const isAdmin = model.agent.role === "admin";
  return (
    <div class="app">
      <header class="topbar">
        <strong class="brand">CustomerService</strong>
        <nav>
          <a href="#/inbox" class={page === "inbox" ? "active" : ""}>Inbox {model.unreadTotal > 0 && <span class="badge">{badgeText(model.unreadTotal)}</span>}</a>
          <a href="#/search" class={page === "search" ? "active" : ""}>Search</a>
          {isAdmin && <a href="#/admin" class={page === "admin" ? "active" : ""}>Admin</a>}
        </nav>
        <span class="spacer" />
        {!model.connected && <span class="offline-note">Reconnecting…</span>}
        {askAlerts && <button onClick={() => void enableAlerts().then(() => setAskAlerts(false))}>Enable notifications</button>}
        <StatusControls model={model} />
        <span class="me">{model.agent.name}</span>
        <button onClick={() => void model.logout()}>Log out</button>
      </header>
      {model.error && (
        <div class="error-bar" role="alert">
          {model.error} <button onClick={() => model.clearError()}>Dismiss</button>
        </div>
      )}
      {page === "search" ? <SearchPage model={model} /> : page === "admin" && isAdmin ? <AdminPages model={model} section={route[1]} /> : <Inbox model={model} conversationId={route[1]} />}
    </div>
  );
}
