/** Every case is a stream of its own. Import-free, so that the modules' manifests (read by the web too) can name them. */
export const APPLICATION_STREAMS = 'application-';

export function applicationStream(id: string): string {
  return `${APPLICATION_STREAMS}${id}`;
}

export function applicationOfStream(streamId: string): string | undefined {
  return streamId.startsWith(APPLICATION_STREAMS) ? streamId.slice(APPLICATION_STREAMS.length) : undefined;
}
