/**
 * Runs async tasks with at most `concurrency` in flight, in the order they
 * were queued; an urgent task goes before every task that is not (a check
 * someone is waiting for, ahead of a long run of background checks).
 */
export function createLimiter(concurrency: number) {
  let active = 0;
  const urgent: (() => void)[] = [];
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= concurrency) return;
    const start = urgent.shift() ?? queue.shift();
    if (start) start();
  };
  return function run<T>(task: () => Promise<T>, first = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      (first ? urgent : queue).push(() => {
        active += 1;
        // Through a promise, so a task that throws at once still frees its slot.
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            active -= 1;
            next();
          });
      });
      next();
    });
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
