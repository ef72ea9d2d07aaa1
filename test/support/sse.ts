/**
 * A reader of the live stream, as a browser's EventSource would read it: it keeps every event
 * received, and can wait for one.
 */
export interface LiveEvent {
  readonly id: number;
  readonly event: string;
  readonly data: { seq: number; streamId: string; type: string; data: Record<string, unknown> };
  readonly receivedAt: number;
}

export interface LiveStream {
  readonly events: LiveEvent[];
  readonly status: number;
  /** Whether the server ended the stream. */
  readonly ended: boolean;
  waitFor(match: (e: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  close(): void;
}

export async function openStream(url: string, headers: Record<string, string>): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            ended = true;
            return;
          }
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(': ')).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]));
            if (fields.data === undefined) continue;
            events.push({ id: Number(fields.id), event: fields.event ?? 'message', data: JSON.parse(fields.data) as LiveEvent['data'], receivedAt: performance.now() });
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // Closed by the test.
      }
    })();
  }
  return {
    events,
    status: response.status,
    get ended() {
      return ended;
    },
    waitFor: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; received: ${events.map((e) => `${e.id} ${e.data.type}`).join(', ')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => { controller.abort(); },
  };
}
