/**
 * A progress bar on standard error for long work, drawn only when a person is watching (a TTY).
 */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { update: () => undefined, finish: () => undefined };
  const width = 30;
  let last = -1;
  const draw = (done: number) => {
    const ratio = Math.min(1, done / total);
    const percent = Math.floor(ratio * 100);
    if (percent === last) return;
    last = percent;
    const filled = Math.round(ratio * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`);
  };
  return {
    update: draw,
    finish: () => {
      draw(total);
      stream.write('\n');
    },
  };
}
