// The widget's CSS lives in its shadow root, so host page styles cannot reach in and ours cannot leak out.
// --cs-primary is set from settings.primaryColor.
export const WIDGET_CSS = `
:host{all:initial;--cs-primary:#2563eb;--cs-on-primary:#fff;--cs-bg:#fff;--cs-fg:#1f2937;--cs-muted:#6b7280;--cs-line:#e5e7eb;--cs-mine:var(--cs-primary);--cs-theirs:#f3f4f6;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--cs-fg)}
*{box-sizing:border-box}
[hidden]{display:none!important}
button{font:inherit;cursor:pointer}
svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.bubble{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border:0;border-radius:50%;background:var(--cs-primary);color:var(--cs-on-primary);box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;z-index:2147483646}
.bubble svg{width:28px;height:28px}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;line-height:20px;text-align:center}
.badge:empty{display:none}
.panel{position:fixed;right:20px;bottom:88px;width:370px;height:min(600px,calc(100vh - 110px));background:var(--cs-bg);border-radius:14px;box-shadow:0 8px 30px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden;z-index:2147483647}
@media (max-width:480px){.panel{inset:0;width:100%;height:100%;border-radius:0}}
header{background:var(--cs-primary);color:var(--cs-on-primary);padding:12px 14px;display:flex;align-items:center;gap:8px}
header .title{flex:1;font-weight:600;font-size:15px}
header .sub{font-size:12px;opacity:.85;font-weight:400}
header button{background:none;border:0;color:inherit;padding:4px}
.notice{padding:8px 14px;background:#fffbeb;color:#92400e;font-size:13px;border-bottom:1px solid var(--cs-line)}
.notice:empty{display:none}
.list{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:6px}
.greeting{color:var(--cs-muted);text-align:center;margin:8px 0}
.msg{max-width:80%;padding:8px 11px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere;background:var(--cs-theirs);align-self:flex-start}
.msg.mine{background:var(--cs-mine);color:var(--cs-on-primary);align-self:flex-end}
.msg.mine a{color:inherit}
.msg.system{background:none;color:var(--cs-muted);align-self:center;font-size:12px}
.msg .who{display:block;font-size:11px;color:var(--cs-muted);margin-bottom:2px}
.msg img{display:block;max-width:100%;max-height:220px;border-radius:8px;margin-top:4px}
.msg .file{display:block;margin-top:4px;text-decoration:underline;color:inherit}
.state{align-self:flex-end;font-size:11px;color:var(--cs-muted)}
.state.failed{color:#dc2626;cursor:pointer}
.typing{padding:0 14px 4px;color:var(--cs-muted);font-size:12px;min-height:18px}
form.composer{display:flex;align-items:flex-end;gap:6px;border-top:1px solid var(--cs-line);padding:8px}
.composer textarea{flex:1;resize:none;border:1px solid var(--cs-line);border-radius:10px;padding:8px 10px;font:inherit;max-height:120px;min-height:38px;color:inherit;background:var(--cs-bg)}
.composer button,.composer label{background:none;border:0;color:var(--cs-primary);padding:8px;display:flex}
.composer input[type=file]{display:none}
.card{padding:14px;display:flex;flex-direction:column;gap:8px;border-top:1px solid var(--cs-line)}
.card p{margin:0}
.card input,.card textarea{font:inherit;padding:8px 10px;border:1px solid var(--cs-line);border-radius:8px;width:100%;color:inherit}
.card button.primary{background:var(--cs-primary);color:var(--cs-on-primary);border:0;border-radius:8px;padding:9px}
.card p.error{color:#b91c1c;font-size:13px}
.stars{display:flex;gap:4px}
.stars button{background:none;border:0;font-size:26px;color:#d1d5db;padding:0 2px}
.stars button.on{color:#f59e0b}
`;
