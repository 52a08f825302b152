import "./progress.css";

/** How far a run over many records or users has come: the words, and a bar that repeats them. */
export function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div class="progress" role="status">
      <p>{label}</p>
      {/* The words say the same to a screen reader. */}
      <progress class="progress__bar" max={total} value={done} aria-hidden="true" />
    </div>
  );
}
