/**
 * The sandbox's CRM pages, rendered on the server: the index, a record detail
 * page and a list view (widget in a popup, opened by a custom button) and a
 * settings web tab (widget framed in the page). host.js does the framing.
 */
import { CONFIG_ELEMENT_ID, type HostConfig } from "./config";
import { html, jsonForScript, type Html } from "./html";
import type { SampleLink } from "./seed-links";

export interface UserOption {
  id: string;
  name: string;
  note?: string;
}

export interface RecordSummary {
  module: string;
  id: string;
  name?: string;
  owner?: string;
  /** Error code when the record could not be read as the acting user. */
  error?: string;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;background:#f4f6f9;color:#1f2933}
body.night{background:#14171c;color:#e4e7eb}
header{background:#0b3d91;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:center}
header a{color:#fff}
main{padding:20px;max-width:1100px}
.card{background:#fff;border:1px solid #d9dee5;border-radius:6px;padding:16px 20px;margin-bottom:16px}
body.night .card{background:#1f242c;border-color:#323a45}
dl{display:grid;grid-template-columns:max-content auto;gap:4px 16px}dt{color:#616e7c}
#widget-popup{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:flex-start;justify-content:center;padding:40px 0;overflow:auto}
#widget-popup[hidden]{display:none}
.popup{background:#fff;border-radius:6px;box-shadow:0 8px 30px rgba(0,0,0,.3)}
body.night .popup{background:#1f242c}
.popup-bar{display:flex;justify-content:flex-end;padding:4px}
iframe{border:0;display:block;max-width:95vw}
#widget-tab iframe{width:100%;min-height:600px}
table{border-collapse:collapse}td,th{padding:4px 12px;border-bottom:1px solid #d9dee5;text-align:left}
td,th,dd,h1,h2,p,li,header{overflow-wrap:anywhere}table,select{max-width:100%}
`;

function layout(title: string, body: Html, options: { config?: HostConfig; theme?: string } = {}): string {
  const { config } = options;
  const theme = config?.theme === "none" ? "day" : (config?.theme ?? options.theme ?? "day");
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · CRM sandbox</title>
<style>${STYLE}</style>
${config ? html`<script type="application/json" id="${CONFIG_ELEMENT_ID}">${jsonForScript(config)}</script>
<script src="/__sandbox/host.js" defer></script>` : ""}
</head>
<body class="${theme}">
<header><strong>CRM sandbox</strong><a href="/">Index</a></header>
<main>
${body}
</main>
</body>
</html>
`.text;
}

const popup = html`<div id="widget-popup" hidden>
<div class="popup" role="dialog" aria-label="Widget">
<div class="popup-bar"><button type="button" id="close-widget" aria-label="Close">×</button></div>
<div id="widget-popup-body"></div>
</div>
</div>`;

function actingAs(user: UserOption | undefined, id: string): Html {
  return html`<p>Signed in as <strong data-testid="acting-user">${user?.name ?? id}</strong></p>`;
}

export function renderRecordPage(options: { config: HostConfig; record: RecordSummary; actingUser?: UserOption }): string {
  const { config, record } = options;
  const body = html`<div class="card">
<h1 data-testid="record-name">${record.name ?? record.id}</h1>
<dl>
<dt>Module</dt><dd data-testid="record-module">${record.module}</dd>
<dt>Record id</dt><dd>${record.id}</dd>
<dt>Owner</dt><dd data-testid="record-owner">${record.owner ?? "—"}</dd>
${record.error ? html`<dt>Read error</dt><dd>${record.error}</dd>` : ""}
</dl>
${actingAs(options.actingUser, config.actingUserId)}
<button type="button" id="open-widget">RecordGuard</button>
</div>
${popup}`;
  return layout(record.name ?? record.id, body, { config });
}

export function renderListPage(options: { config: HostConfig; module: string; records: RecordSummary[]; actingUser?: UserOption }): string {
  const rows = options.records.map(
    (record) => html`<tr><td>${record.name ?? record.id}</td><td>${record.owner ?? "—"}</td><td>${record.id}</td></tr>`,
  );
  const body = html`<div class="card">
<h1>${options.module}: ${options.records.length} selected</h1>
<table><thead><tr><th>Name</th><th>Owner</th><th>Id</th></tr></thead><tbody>${rows}</tbody></table>
${actingAs(options.actingUser, options.config.actingUserId)}
<button type="button" id="open-widget">RecordGuard</button>
</div>
${popup}`;
  return layout(`${options.module} list`, body, { config: options.config });
}

export function renderSettingsPage(options: { config: HostConfig; actingUser?: UserOption }): string {
  const body = html`${actingAs(options.actingUser, options.config.actingUserId)}
<div class="card" id="widget-tab"></div>`;
  return layout("RecordGuard settings", body, { config: options.config });
}

export function renderIndex(options: { users: UserOption[]; actingUserId: string; records: SampleLink[]; list: { module: string; ids: string[] } }): string {
  const as = options.actingUserId;
  const query = (extra: Record<string, string>) => `?${new URLSearchParams({ ...extra, as }).toString()}`;
  const users = options.users.map(
    (user) => html`<option value="${user.id}"${user.id === as ? html` selected` : ""}>${user.name}${user.note ? ` (${user.note})` : ""}</option>`,
  );
  const records = options.records.map(
    (link) => html`<li><a href="/record${query({ module: link.module, id: link.id })}">${link.label}</a> <small>${link.module} ${link.id}</small></li>`,
  );
  const body = html`<div class="card">
<h1>Zoho CRM sandbox</h1>
<p>A local stand-in for Zoho CRM: the pages below frame the widget from another origin and answer the SDK's postMessage protocol from the mock REST API.</p>
<form method="get" action="/">
<label>Act as <select name="as">${users}</select></label>
<button type="submit">Switch user</button>
</form>
</div>
<div class="card">
<h2>Record pages (custom button on the detail view)</h2>
<ul>${records}</ul>
<p>Add <code>&amp;open=1</code> to open the widget at once, <code>&amp;theme=night</code> for the night theme (<code>none</code>: no CRM preference, the system scheme decides), <code>&amp;latency=800</code> to slow every API answer, <code>&amp;file_latency=100</code> to slow every widget file, <code>&amp;zrcErrors=reject</code> to make CRM errors reject ZRC calls, <code>&amp;zrc=refuse</code> to refuse ZRC (connection fallback), <code>&amp;fault=GET:lock:500*1</code> to break chosen API calls (delay, 429, 500, silent, reject; see sandbox/api/README.md).</p>
</div>
<div class="card">
<h2>Other places</h2>
<ul>
<li><a href="/list${query({ module: options.list.module, ids: options.list.ids.join(",") })}">List view with ${options.list.ids.length} selected ${options.list.module}</a></li>
<li><a href="/settings${query({})}">Settings (web tab)</a></li>
</ul>
</div>`;
  return layout("Index", body);
}

export function renderMessage(title: string, message: string): string {
  return layout(title, html`<div class="card"><h1>${title}</h1><p>${message}</p></div>`);
}
