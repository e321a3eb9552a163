/** @jest-environment jsdom */
// 100,000 clients: the pane must keep only a window of rows in the DOM, and the keyboard must
// still reach the last client.

import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { bigSnapshot, createFakeHost, installDomStubs } from "./fake-host";

installDomStubs();

const N = 100_000;

test("with 100,000 clients only a window of rows is in the DOM", async () => {
  const host = createFakeHost(bigSnapshot(N), { language: "en-US" });
  render(<FluentProvider theme={webLightTheme}><App host={host} /></FluentProvider>);
  await act(async () => {});
  fireEvent.click(screen.getByTestId("read-workbook"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 30000 });
  fireEvent.click(screen.getByTestId("tab-analysis"));

  expect(screen.getByTestId("kf-clients")).toHaveAttribute("data-value", String(N));
  expect(screen.getByTestId("clients-shown")).toHaveAttribute("data-value", String(N));
  const rows = screen.getAllByTestId("client-row");
  expect(rows.length).toBeGreaterThan(3);
  expect(rows.length).toBeLessThan(40);
  const grid = screen.getByRole("grid");
  expect(grid).toHaveAttribute("aria-rowcount", String(N));

  // End jumps to the last client: it is rendered, the first ones are gone, the window stays small.
  const t0 = Date.now();
  fireEvent.keyDown(grid, { key: "End" });
  await waitFor(() => expect(screen.getAllByTestId("client-row").some((r) => r.getAttribute("aria-rowindex") === String(N))).toBe(true));
  const after = screen.getAllByTestId("client-row");
  expect(after.length).toBeLessThan(40);
  expect(after.some((r) => r.getAttribute("aria-rowindex") === "1")).toBe(false);
  expect(Date.now() - t0).toBeLessThan(2000);

  // A filter over all 100,000 is still a window.
  fireEvent.change(screen.getByTestId("filter-rm"), { target: { value: "李娜" } });
  expect(screen.getByTestId("clients-shown")).toHaveAttribute("data-value", String(N / 4));
  expect(screen.getAllByTestId("client-row").length).toBeLessThan(40);
});
