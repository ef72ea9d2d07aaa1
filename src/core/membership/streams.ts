/** Every party's standing is a stream of its own. Import-free, so that the modules' manifests (read by the web too) can name them. */
export const PARTY_STREAMS = 'party-';

export function partyStream(party: string): string {
  return `${PARTY_STREAMS}${party}`;
}

export function partyOfStream(streamId: string): string | undefined {
  return streamId.startsWith(PARTY_STREAMS) ? streamId.slice(PARTY_STREAMS.length) : undefined;
}
