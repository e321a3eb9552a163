// Renders the pane into a page element inside Fluent's provider, in Office's light or dark theme.
// Shared by the Excel entry (index.tsx) and the browser preview.

import { StrictMode } from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import type { WorkbookHost } from "./host";

export function mountPane(el: HTMLElement, host: WorkbookHost): Root {
  const theme = host.theme?.();
  const root = createRoot(el);
  root.render(
    <StrictMode>
      <FluentProvider
        theme={theme?.isDark ? webDarkTheme : webLightTheme}
        // Office gives the exact pane background; keep it so the pane doesn't look pasted on.
        style={theme?.bodyBackground ? { backgroundColor: theme.bodyBackground, minHeight: "100vh" } : { minHeight: "100vh" }}
      >
        <App host={host} />
      </FluentProvider>
    </StrictMode>,
  );
  return root;
}
