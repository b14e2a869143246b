import { render } from "preact";
import { useState } from "preact/hooks";
import { LoginForm } from "./components/LoginForm";
import { App } from "./components/App";
import { loadSession, type ConsoleSession } from "./session";

function Root() {
  const [session, setSession] = useState<ConsoleSession | undefined>(loadSession);
  return session ? <App session={session} onLogout={() => setSession(undefined)} /> : <LoginForm onLogin={setSession} />;
}

render(<Root />, document.getElementById("app")!);
