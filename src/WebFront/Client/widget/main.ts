import { Widget, type Identity } from "./widget";
import { baseUrlOf } from "./scriptBase";

/**
 * Entry of widget.js. The customer embeds `<script src="https://host/widget.js" data-tenant="demo" async>`; the
 * server's base url is the folder the script came from, so one file works on any host without configuration.
 */
interface CustomerServiceApi {
  open(): void;
  close(): void;
  identify(identity: Identity): Promise<void>;
  on(event: "unread", cb: (count: number) => void): () => void;
}

declare global {
  interface Window {
    CustomerService?: CustomerServiceApi;
  }
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript as HTMLScriptElement | null;
  if (current?.src) return current;
  return document.querySelector<HTMLScriptElement>('script[data-tenant][src*="widget"]');
}

function start(script: HTMLScriptElement): void {
  const tenant = script.dataset.tenant ?? "";
  if (!/^[a-z0-9-]{1,40}$/.test(tenant)) {
    console.error("CustomerService widget: data-tenant is missing or not a tenant id");
    return;
  }
  const widget = new Widget(baseUrlOf(script.src), tenant);
  window.CustomerService = {
    open: () => widget.open(),
    close: () => widget.close(),
    identify: (identity) => widget.identify(identity),
    on: (event, cb) => {
      if (event !== "unread") throw new Error(`CustomerService.on: unknown event ${String(event)}`);
      return widget.onUnread(cb);
    },
  };
  window.dispatchEvent(new Event("customerservice:ready"));
}

const script = findScript();
if (!window.CustomerService && script) {
  if (document.body) start(script);
  else document.addEventListener("DOMContentLoaded", () => start(script));
}
