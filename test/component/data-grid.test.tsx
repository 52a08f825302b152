import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataGrid } from "../../widget-src/ui/DataGrid";

afterEach(cleanup);

const items = Array.from({ length: 10_000 }, (_, n) => ({ id: String(5725767000000100000n + BigInt(n)), name: `Record ${n}` }));

function renderGrid(onVisible = vi.fn()) {
  render(
    <DataGrid
      label="Locked records"
      items={items}
      columns={[{ key: "name", label: "Record", width: "1fr", cell: (item) => item.name }]}
      itemKey={(item) => item.id}
      rowHeight={40}
      narrowRowHeight={80}
      height={400}
      onVisible={onVisible}
    />,
  );
  return onVisible;
}

describe("the data grid", () => {
  it("renders only the rows in view (and a few more) of 10,000, and tells which", () => {
    const onVisible = renderGrid();
    const rows = screen.getAllByRole("row");
    // The header, 10 rows in view, and the overscan.
    expect(rows.length).toBeLessThanOrEqual(1 + 10 + 6);
    expect(screen.getByRole("table").getAttribute("aria-rowcount")).toBe("10001");
    expect(onVisible).toHaveBeenLastCalledWith(items.slice(0, 16));
  });

  it("renders the rows scrolled to, with their place in the whole list", () => {
    const onVisible = renderGrid();
    const body = screen.getAllByRole("rowgroup")[1]!;
    body.scrollTop = 40 * 5_000;
    fireEvent.scroll(body);
    expect(screen.getByText("Record 5000")).toBeTruthy();
    expect(screen.queryByText("Record 0")).toBeNull();
    expect(screen.getByText("Record 5000").closest("[role=row]")?.getAttribute("aria-rowindex")).toBe("5002");
    expect(onVisible.mock.lastCall?.[0][0]).toEqual(items[4_994]);
  });
});
