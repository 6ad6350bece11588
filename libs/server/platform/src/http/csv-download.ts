import type { FastifyReply } from 'fastify';
import type { Writable } from 'node:stream';

/**
 * Where a CSV download is written, opened only when its first rows are ready: until then
 * the reply is Fastify's, so a bad query (a garbage cursor, an unknown filter) still answers
 * as problem+json. Once open, the reply is the handler's own (hijacked, 200 sent); a failure
 * after that ends the connection, so the client sees a broken download and never waits.
 */
export function csvDownload(reply: FastifyReply, filename: string): () => Writable {
  return () => {
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
    });
    return reply.raw;
  };
}
