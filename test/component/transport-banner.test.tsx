import { act, cleanup, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { TransportKind } from "../../widget-src/crm/transport";
import { TransportBanner } from "../../widget-src/entries/TransportBanner";

afterEach(cleanup);

/** The two port methods the banner uses; `kinds` are what transport() answers, call by call (the last one repeats). */
function transportPort(kinds: TransportKind[]) {
  const listeners: ((kind: TransportKind) => void)[] = [];
  let calls = 0;
  return {
    port: {
      transport: () => kinds[Math.min(calls++, kinds.length - 1)],
      onTransportChange: (listener: (kind: TransportKind) => void) => void listeners.push(listener),
    },
    switchTo: (kind: TransportKind) => listeners.forEach((listener) => listener(kind)),
    listenerCount: () => listeners.length,
  };
}

const banner = () => screen.queryByText(/fallback connection/i);

describe("the fallback-connection banner", () => {
  it("shows nothing while calls go through ZRC, and appears when they switch", () => {
    const fake = transportPort(["zrc"]);
    render(<TransportBanner port={fake.port} />);
    expect(banner()).toBeNull();
    expect(fake.listenerCount()).toBe(1);
    act(() => fake.switchTo("connection"));
    expect(banner()).not.toBeNull();
  });

  it("appears when the switch came between the first render and its subscription", () => {
    // The page's first reads start in a layout effect: ZRC can be refused before the banner subscribes.
    const fake = transportPort(["zrc", "connection"]);
    render(<TransportBanner port={fake.port} />);
    expect(banner()).not.toBeNull();
  });
});
