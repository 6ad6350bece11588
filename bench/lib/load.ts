import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  status2xx: number;
  statusOther: number;
}

export interface LoadOptions {
  name: string;
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Sets a fresh X-Forwarded-For per request (the server must trust the proxy). */
  spreadClientIps?: boolean;
}

let ipCounter = 0;
const nextIp = (): string => {
  ipCounter++;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

/** autocannon with a warm-up, then the measured run. Latencies in milliseconds. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const base: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.body ? { body: options.body } : {}),
    ...(options.spreadClientIps
      ? {
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                headers: { ...req.headers, 'x-forwarded-for': nextIp() },
              }),
            },
          ],
        }
      : {}),
  };
  await autocannon({ ...base, duration: 2 });
  const result = await autocannon({ ...base, duration: options.seconds });
  return {
    name: options.name,
    connections: options.connections,
    seconds: options.seconds,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    status2xx: result['2xx'],
    statusOther: result.non2xx,
  };
}
