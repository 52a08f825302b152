import type { ComponentType } from "preact";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { lazy } from "../../widget-src/ui/lazy";
import { OnDemandPending, useOnDemand } from "../../widget-src/ui/on-demand";

afterEach(cleanup);

function Section({ open, started }: { open: () => Promise<string>; started: (value: string) => void }) {
  const parts = useOnDemand(open, started);
  if (parts.state.status === "closed") {
    return (
      <button type="button" onClick={parts.start}>
        Open
      </button>
    );
  }
  return parts.state.status === "ready" ? <p>{parts.state.value}</p> : <OnDemandPending state={parts.state} onRetry={parts.start} />;
}

describe("a section built on demand", () => {
  it("builds nothing until opened, then shows what it built", async () => {
    const open = vi.fn(() => Promise.resolve("the section"));
    const started = vi.fn();
    render(<Section open={open} started={started} />);
    expect(open).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    expect(screen.getByRole("status").textContent).toContain("Loading");
    expect(await screen.findByText("the section")).toBeTruthy();
    expect(started).toHaveBeenCalledWith("the section");
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("says when its code could not load and tries again on request", async () => {
    const open = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValueOnce("the section");
    render(<Section open={open} started={() => undefined} />);
    fireEvent.click(screen.getByRole("button", { name: "Open" }));
    expect((await screen.findByRole("alert")).textContent).toContain("could not be loaded");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("the section")).toBeTruthy();
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe("a component loaded on demand", () => {
  it("says when its chunk could not load and loads it on Try again", async () => {
    const load = vi.fn<() => Promise<ComponentType>>()
      .mockRejectedValueOnce(new Error("offline"))
      .mockResolvedValueOnce(() => <p>loaded part</p>);
    const Part = lazy(load);
    render(<Part />);
    expect((await screen.findByRole("alert")).textContent).toContain("could not be loaded");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("loaded part")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
