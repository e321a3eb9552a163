/** @jest-environment jsdom */
// The Drafts step loads with import() (App.tsx): when its code cannot be loaded (a dropped
// connection to the add-in's host), the step says so and the rest of the pane goes on working.

import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { createFakeHost, installDomStubs, sampleSnapshot } from "./fake-host";

jest.mock("../../src/taskpane/DraftsStep", () => {
  throw new Error("ChunkLoadError: Loading chunk 512 failed");
});

installDomStubs();

test("a step whose code cannot be loaded says so; the other steps still work", async () => {
  jest.spyOn(console, "error").mockImplementation(() => {}); // React reports the caught error
  render(<FluentProvider theme={webLightTheme}><App host={createFakeHost(sampleSnapshot())} locale="zh-CN" /></FluentProvider>);
  await act(async () => {});
  fireEvent.click(screen.getByTestId("read-workbook"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull(), { timeout: 20000 });

  fireEvent.click(screen.getByTestId("tab-drafts"));
  expect(await screen.findByTestId("step-load-failed")).toHaveTextContent(
    "此步骤未能加载：ChunkLoadError: Loading chunk 512 failed。请关闭并重新打开任务窗格。",
  );
  // the boundary belongs to the step: the analysis step is untouched
  fireEvent.click(screen.getByTestId("tab-analysis"));
  expect(screen.queryByTestId("step-load-failed")).toBeNull();
  expect(await screen.findByTestId("clients-shown")).toBeInTheDocument();
});
