// Renders the pane into a page element inside Fluent's provider, in Office's light or dark theme.
// Shared by the Excel entry (index.tsx) and the browser preview.

import { StrictMode, useEffect, useState, type ReactNode } from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import type { WorkbookHost } from "./host";

export function mountPane(el: HTMLElement, host: WorkbookHost): Root {
  const root = createRoot(el);
  root.render(
    <StrictMode>
      <ThemedProvider host={host}>
        <App host={host} />
      </ThemedProvider>
    </StrictMode>,
  );
  return root;
}

/** Fluent's provider in Office's theme, read again whenever the host says the theme changed. */
export function ThemedProvider({ host, children }: { host: WorkbookHost; children: ReactNode }) {
  const [theme, setTheme] = useState(() => host.theme?.());
  useEffect(() => host.onThemeChange?.(() => setTheme(host.theme?.())), [host]);
  return (
    <FluentProvider
      theme={theme?.isDark ? webDarkTheme : webLightTheme}
      // Office gives the exact pane background; keep it so the pane doesn't look pasted on.
      style={theme?.bodyBackground ? { backgroundColor: theme.bodyBackground, minHeight: "100vh" } : { minHeight: "100vh" }}
    >
      {children}
    </FluentProvider>
  );
}
