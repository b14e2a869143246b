import { useState } from "preact/hooks";
import { ConsoleRest } from "../rest";
import { saveSession, type ConsoleSession } from "../session";

export function LoginForm({ onLogin }: { onLogin: (s: ConsoleSession) => void }) {
  const [tenant, setTenant] = useState(localStorage.getItem("customerservice-console-tenant") ?? "demo");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    setError("");
    try {
      const res = await new ConsoleRest(() => undefined).login({ tenant, email, password });
      const session = { tenant, token: res.token, expiresAt: res.expiresAt, agent: res.agent };
      saveSession(session);
      // Only the tenant is remembered across tabs, to save typing; never the token.
      localStorage.setItem("customerservice-console-tenant", tenant);
      onLogin(session);
    } catch (err) {
      setError((err as Error).message || "Login failed");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="login" onSubmit={submit}>
      <h1>Agent console</h1>
      <label>Workspace<input name="tenant" value={tenant} onInput={(e) => setTenant(e.currentTarget.value)} required pattern="[a-z0-9\-]{1,40}" /></label>
      <label>E-mail<input name="email" type="email" autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required /></label>
      <label>Password<input name="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <button class="primary" type="submit" disabled={busy}>{busy ? "Logging in…" : "Log in"}</button>
    </form>
  );
}
