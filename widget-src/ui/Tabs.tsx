import "./tabs.css";

/** The sections of a page (the settings tab's "Record locking" and "Client portals"). */
export function Tabs<T extends string>({
  label,
  items,
  value,
  onChange,
}: {
  label: string;
  items: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <nav class="tabs" aria-label={label}>
      {items.map((item) => (
        <button key={item.value} type="button" class="tab" aria-pressed={item.value === value} onClick={() => onChange(item.value)}>
          {item.label}
        </button>
      ))}
    </nav>
  );
}
