/** Every session of a body is a stream of its own. Import-free, so that the modules' manifests (read by the web too) can name them. */
export const SESSION_STREAMS = 'session-';

export function sessionStream(id: string): string {
  return `${SESSION_STREAMS}${id}`;
}

export function sessionOfStream(streamId: string): string | undefined {
  return streamId.startsWith(SESSION_STREAMS) ? streamId.slice(SESSION_STREAMS.length) : undefined;
}
