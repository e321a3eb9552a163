/** @jest-environment jsdom */
// The pane follows Office's theme when it changes: Office's OfficeThemeChanged event where the host
// delivers it, else a re-read when the pane gets the focus back (src/adapters/office/support.ts
// watchTheme; src/taskpane/mount.tsx ThemedProvider).

import { act, render, screen } from "@testing-library/react";
import { FakeExcel } from "./fakes/excel-fake";
import { createExcelHost } from "../src/adapters/office/host";
import { ThemedProvider } from "../src/taskpane/mount";

const LIGHT = { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" };
const DARK = { bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF" };

let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel();
  fake.officeTheme = LIGHT;
  fake.install();
});
afterEach(() => fake.uninstall());

test("Office's theme event: the listener runs once per real change, and unsubscribing removes the handler", () => {
  const host = createExcelHost();
  const calls: (boolean | undefined)[] = [];
  const stop = host.onThemeChange!(() => calls.push(host.theme?.()?.isDark));
  expect(fake.themeHandlers).toHaveLength(1);
  fake.changeTheme(DARK);
  expect(calls).toEqual([true]);
  fake.changeTheme(DARK); // the event again, same colours: nothing to do
  expect(calls).toEqual([true]);
  stop();
  expect(fake.themeHandlers).toHaveLength(0);
  fake.changeTheme(LIGHT);
  window.dispatchEvent(new Event("focus"));
  expect(calls).toEqual([true]);
});

test("a host without the event: the theme is read again when the pane gets the focus back", () => {
  fake.themeEvent = false;
  const host = createExcelHost();
  const calls: (string | undefined)[] = [];
  const stop = host.onThemeChange!(() => calls.push(host.theme?.()?.bodyBackground));
  expect(fake.themeHandlers).toHaveLength(0); // Office refused the registration
  window.dispatchEvent(new Event("focus"));
  expect(calls).toEqual([]); // unchanged
  fake.changeTheme(DARK);
  expect(calls).toEqual([]);
  window.dispatchEvent(new Event("focus"));
  expect(calls).toEqual(["#1F1F1F"]);
  document.dispatchEvent(new Event("visibilitychange"));
  expect(calls).toEqual(["#1F1F1F"]);
  stop();
});

test("the pane's provider switches to the new background and dark theme without a reload", () => {
  const host = createExcelHost();
  const { unmount } = render(<ThemedProvider host={host}><span>窗格</span></ThemedProvider>);
  const provider = (): HTMLElement => screen.getByText("窗格").parentElement!;
  expect(provider().style.backgroundColor).toBe("rgb(255, 255, 255)");
  act(() => fake.changeTheme(DARK));
  expect(provider().style.backgroundColor).toBe("rgb(31, 31, 31)");
  unmount();
  expect(fake.themeHandlers).toHaveLength(0); // the effect's cleanup unsubscribed
});
