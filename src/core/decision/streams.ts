/** Every decision is a stream of its own. Import-free, so that the modules' manifests (read by the web too) can name them. */
export const DECISION_STREAMS = 'decision-';

export function decisionStream(id: string): string {
  return `${DECISION_STREAMS}${id}`;
}

export function decisionOfStream(streamId: string): string | undefined {
  return streamId.startsWith(DECISION_STREAMS) ? streamId.slice(DECISION_STREAMS.length) : undefined;
}
