// The browser's own floor under the record popup's lock status, for
// `npm run bench`: a cross-site frame that loads one HTML file and one
// script, asks its host page once and gets the answer after the API latency,
// then shows a status. No date is formatted: the popup loads the browser's
// date data in a worker while it waits (widget-src/i18n/warm-up.ts), so a cold
// first format here would be a cost the popup does not pay. No SDK and none
// of the widget's code run, so on the same machine and browser the widget
// cannot be faster than this.
import { createServer } from "node:http";

const FRAME_HTML = `<!doctype html><meta charset="utf-8"><title>floor</title><script type="module" src="floor.js"></script><body>`;
const FRAME_SCRIPT = `parent.postMessage("read", "*");
addEventListener("message", () => {
  const status = document.createElement("p");
  status.setAttribute("data-lock-state", "locked");
  status.textContent = "Locked";
  document.body.append(status);
});`;

const hostHtml = (frameUrl, apiMs) =>
  `<!doctype html><meta charset="utf-8"><title>floor host</title><script>
addEventListener("message", (event) => setTimeout(() => event.source.postMessage("answer", "*"), ${apiMs}));
</script><iframe src="${frameUrl}"></iframe>`;

function listen(handler) {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/**
 * Starts the floor's host page on localhost and its frame on 127.0.0.1 (two
 * sites, as CRM and the widget are), the frame's files `fileMs` late and the
 * host's answer `apiMs` late. Resolves to the host page's URL and a close().
 */
export async function startFloor({ apiMs, fileMs }) {
  const frame = await listen((request, response) => {
    const body = request.url.startsWith("/floor.html") ? FRAME_HTML : request.url.startsWith("/floor.js") ? FRAME_SCRIPT : undefined;
    setTimeout(() => {
      if (body === undefined) return void response.writeHead(404).end();
      const type = request.url.startsWith("/floor.js") ? "text/javascript" : "text/html";
      response.writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" }).end(body);
    }, fileMs);
  });
  const frameUrl = `http://127.0.0.1:${frame.address().port}/floor.html`;
  const host = await listen((request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostHtml(frameUrl, apiMs));
  });
  return {
    url: `http://localhost:${host.address().port}/`,
    close: () => Promise.all([frame, host].map((server) => new Promise((resolve) => server.close(resolve)))),
  };
}
