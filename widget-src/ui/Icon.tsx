/** An icon from ui/icons.ts. Decorative: the text beside it says the same, so screen readers skip it. */
export function Icon({ path }: { path: string }) {
  return (
    <svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={path} />
    </svg>
  );
}
