/**
 * What the widget keeps in localStorage, one key per tenant so two tenants' widgets on one site stay apart:
 * the visitor id and token (so a reload or a later visit continues the same conversation) and the visitor's own
 * read mark (so the unread badge is right before the server's first unread event).
 */
export interface StoredVisitor {
  visitorId: string;
  visitorToken: string;
  readSeq: number;
}

const key = (tenant: string) => `customerservice:${tenant}`;

export function loadVisitor(tenant: string): StoredVisitor | undefined {
  try {
    const raw = localStorage.getItem(key(tenant));
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<StoredVisitor>;
    return typeof v.visitorId === "string" && typeof v.visitorToken === "string"
      ? { visitorId: v.visitorId, visitorToken: v.visitorToken, readSeq: Number(v.readSeq) || 0 }
      : undefined;
  } catch {
    return undefined; // storage disabled (private mode, sandboxed iframe): the widget still works for this page view
  }
}

export function saveVisitor(tenant: string, v: StoredVisitor): void {
  try {
    localStorage.setItem(key(tenant), JSON.stringify(v));
  } catch {
    /* see loadVisitor */
  }
}

export function forgetVisitor(tenant: string): void {
  try {
    localStorage.removeItem(key(tenant));
  } catch {
    /* see loadVisitor */
  }
}
