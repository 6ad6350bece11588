/**
 * Preloaded into NEXO by `PROFILE=alloc node bench/compare/profile.ts <scenario>`
 * (`--import`): V8's sampling heap profiler counting every allocation, the objects the
 * garbage collector has since freed included, which `--heap-prof` leaves out (it keeps only
 * what is still alive at exit). That is what a request allocates, the work that drives the
 * young generation's scavenges and the promotions behind the old generation's growth.
 * Sampling starts once the server is up (the first request), so startup's loading of modules
 * is not counted; the profile is written when the process is told to stop.
 */
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.NEXO_ALLOC_PROFILE_DIR;
if (!dir) throw new Error('NEXO_ALLOC_PROFILE_DIR is not set');
const session = new Session();
session.connect();

// A session on this thread answers `post` synchronously, callback included.
let sampling = false;
subscribe('http.server.request.start', () => {
  if (sampling) return;
  sampling = true;
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 16_384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
});

function write(): void {
  if (!sampling) return;
  sampling = false;
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) throw error;
    writeFileSync(
      path.join(dir!, `alloc-${process.pid}.heapprofile`),
      JSON.stringify(result.profile),
    );
  });
}
// Before the application's own shutdown handlers run (they end the process).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.prependListener(signal, write);
