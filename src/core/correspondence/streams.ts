/** Each registered note, and each recorded statement, is a stream of its own. Import-free, so that the modules' manifests (read by the web too) can name them. */
export const NOTE_STREAMS = 'note-';
export const STATEMENT_STREAMS = 'statement-';

export function noteStream(id: string): string {
  return `${NOTE_STREAMS}${id}`;
}

export function statementStream(id: string): string {
  return `${STATEMENT_STREAMS}${id}`;
}
