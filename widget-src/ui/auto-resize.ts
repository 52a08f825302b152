/** Keeps the CRM popup as tall as the widget's content. */
export function autoResize(element: HTMLElement, resize: (size: { height: number }) => void): () => void {
  let last = 0;
  const report = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height > 0 && height !== last) {
      last = height;
      resize({ height });
    }
  };
  const observer = new ResizeObserver(report);
  observer.observe(element);
  report();
  return () => observer.disconnect();
}
