// The portal's production server: Next's own request handler behind a plain Node server, so
// the portal can vouch for the browser's address. Next fills X-Forwarded-For only when the
// request has none, keeping whatever a browser sends; here it is replaced by the address
// this server actually saw (or, behind a proxy named in NEXO_TRUSTED_PROXIES, the address
// that proxy reported). The session library forwards it to the API, which trusts this hop.
import { createServer } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import next from 'next';

const port = Number(process.env.PORT ?? 3001);
const hostname = process.env.HOST ?? '127.0.0.1';
const trust = proxyAddr.compile(
  (process.env.NEXO_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  request.headers['x-forwarded-for'] = proxyAddr(request, trust);
  void handle(request, response);
});
server.listen(port, hostname, () => {
  process.stdout.write(`> Ready on http://${hostname}:${port}\n`);
});
// Stopped like `next start`: finish what is in flight, then exit.
for (const signal of ['SIGTERM', 'SIGINT'])
  process.once(signal, () => server.close(() => process.exit(0)));
