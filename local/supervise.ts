/**
 * Keeps a child service of the local stack running. A child that dies (DynamoDB Local killed, out of
 * memory) would leave the form up and every submission failing with nothing said: instead the death is
 * said loudly and the child started again on the same port and data; if it keeps dying, the stack stops.
 */
import type { ChildService } from './services.js';

export interface Supervised {
  /** The running child (a new one after each restart). */
  current(): ChildService;
  close(): Promise<void>;
}

export async function supervise(opts: {
  start: () => Promise<ChildService>;
  log: (line: string) => void;
  /** Called when the child cannot be kept running; the stack should stop. */
  giveUp: (reason: string) => void;
  /** True once the stack is stopping (Ctrl-C reaches the child too): its exit is then no death. */
  stopping: () => boolean;
  /** Restarts allowed within `windowMs` before giving up. */
  maxRestarts?: number;
  windowMs?: number;
}): Promise<Supervised> {
  const maxRestarts = opts.maxRestarts ?? 3;
  const windowMs = opts.windowMs ?? 60_000;
  const restarts: number[] = [];
  let closing = false;
  let child = await opts.start();

  const watch = (c: ChildService) =>
    void c.exited.then(async (how) => {
      // Ctrl-C reaches the child and the stack at about the same time: let the stack say it is stopping.
      await new Promise((ok) => setTimeout(ok, 250));
      if (closing || opts.stopping() || c !== child) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && (restarts[0] ?? now) < now - windowMs) restarts.shift();
      opts.log(
        `\n[${c.name}] !!! ${c.name} (pid ${c.pid}) stopped: ${how}. Every request needing it fails until it is back.`,
      );
      if (restarts.length > maxRestarts) {
        return opts.giveUp(`${c.name} stopped ${restarts.length} times within ${windowMs / 1000} s`);
      }
      try {
        child = await opts.start();
        opts.log(`[${c.name}] restarted (pid ${child.pid}) at ${child.url}, same data`);
        watch(child);
      } catch (e) {
        opts.giveUp(`${c.name} could not be restarted: ${(e as Error).message}`);
      }
    });
  watch(child);

  return {
    current: () => child,
    close: async () => {
      closing = true;
      await child.close();
    },
  };
}
