/**
 * Progress on stderr. On a terminal one line is redrawn in place; in a CI log (not a TTY) each step is
 * one plain line and long steps report at most every 15 s, so logs stay readable.
 */
export interface Progress {
  /** A new phase of the current bench. */
  step(text: string): void;
  /** Where a long phase is (e.g. "40,000 / 100,000 items"). */
  tick(text: string): void;
  /** A finished bench, kept on screen. */
  done(text: string): void;
}

export function makeProgress(
  stream: { write(s: string): unknown; isTTY?: boolean } = process.stderr,
  now: () => number = Date.now,
): Progress {
  const tty = Boolean(stream.isTTY);
  let current = '';
  let stepStarted = now();
  let lastPlain = 0;
  const elapsed = () => `${((now() - stepStarted) / 1000).toFixed(0)} s`;
  const redraw = (text: string) => stream.write(`\r\x1b[K${text}`);
  return {
    step(text) {
      current = text;
      stepStarted = now();
      lastPlain = stepStarted;
      if (tty) redraw(`… ${text}`);
      else stream.write(`… ${text}\n`);
    },
    tick(text) {
      if (tty) redraw(`… ${current}: ${text} (${elapsed()})`);
      else if (now() - lastPlain >= 15_000) {
        lastPlain = now();
        stream.write(`… ${current}: ${text} (${elapsed()})\n`);
      }
    },
    done(text) {
      if (tty) redraw(`✓ ${text}\n`);
      else stream.write(`✓ ${text}\n`);
    },
  };
}
