// What the running Excel can do, and the few facts we take from Office.context. Every feature above
// the ExcelApi 1.1 baseline is asked for here, once, so a host without it degrades (skips the
// nicety) instead of failing the whole write with ApiNotFound.
//
// Requirement sets used (https://learn.microsoft.com/javascript/api/requirement-sets/excel/):
// 1.4 settings, names.add, getItemOrNullObject; 1.5 customXmlParts; 1.6 suspendApiCalculationUntilNextSync,
// conditional formats;
// 1.7 freezePanes, chart axis number format; 1.8 calculationMode, dataValidation, showGridlines;
// 1.9 pageLayout, page breaks, autoFilter, shapes, indentLevel, shrinkToFit, suspendScreenUpdatingUntilNextSync;
// 1.14 the changed event's triggerSource; 1.20 Excel.run mergeUndoGroup.
// test/office-api-sets.test.ts fails when a member above the manifest's minimum is used unguarded.

export type Lang = "zh-CN" | "en-US";

/** True when Office reports the ExcelApi set `version` (false outside Office, e.g. in a test without Office). */
export function excelApi(version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

export interface Support {
  settings: boolean; // 1.4
  names: boolean; // 1.4
  nullObjects: boolean; // 1.4 (getUsedRangeOrNullObject, getItemOrNullObject)
  suspendCalc: boolean; // 1.6
  conditionalFormats: boolean; // 1.6
  customXml: boolean; // 1.5 (workbook.customXmlParts)
  freeze: boolean; // 1.7
  calcMode: boolean; // 1.8
  axisFormat: boolean; // 1.8 (ChartAxis.numberFormat)
  validation: boolean; // 1.8
  gridlines: boolean; // 1.8
  pageLayout: boolean; // 1.9
  shapes: boolean; // 1.9
  textLayout: boolean; // 1.9 (RangeFormat.indentLevel, shrinkToFit)
  triggerSource: boolean; // 1.14 (WorksheetChangedEventArgs.triggerSource)
  autoFilter: boolean; // 1.9
  screenUpdating: boolean; // 1.9
  mergeUndo: boolean; // 1.20
}

export function detectSupport(): Support {
  return {
    settings: excelApi("1.4"),
    names: excelApi("1.4"),
    nullObjects: excelApi("1.4"),
    suspendCalc: excelApi("1.6"),
    conditionalFormats: excelApi("1.6"),
    customXml: excelApi("1.5"),
    freeze: excelApi("1.7"),
    calcMode: excelApi("1.8"),
    axisFormat: excelApi("1.8"),
    validation: excelApi("1.8"),
    gridlines: excelApi("1.8"),
    pageLayout: excelApi("1.9"),
    shapes: excelApi("1.9"),
    textLayout: excelApi("1.9"),
    triggerSource: excelApi("1.14"),
    autoFilter: excelApi("1.9"),
    screenUpdating: excelApi("1.9"),
    mergeUndo: excelApi("1.20"),
  };
}

export function displayLanguage(): string {
  try {
    const l = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    if (l) return l;
  } catch {
    /* Office not initialised */
  }
  return typeof navigator !== "undefined" && navigator.language ? navigator.language : "zh-CN";
}

/** The language of our own messages: Chinese unless Excel speaks English (or anything else non-Chinese). */
export function messageLang(display: string = displayLanguage()): Lang {
  return display.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

export function theme(): { bodyBackground?: string; bodyForeground?: string; isDark?: boolean } | undefined {
  let t: Office.OfficeTheme | undefined;
  try {
    t = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  } catch {
    return undefined;
  }
  if (!t) return undefined; // Excel for Mac and the web may not expose it
  const bg = t.bodyBackgroundColor;
  return { bodyBackground: bg, bodyForeground: t.bodyForegroundColor, isDark: bg ? luminance(bg) < 0.5 : undefined };
}

type Theme = ReturnType<typeof theme>;
const themeKey = (t: Theme): string => JSON.stringify(t ?? null);

/**
 * Calls `onChange` when Office's theme (File > Account > Office Theme) changes, and returns the
 * function that stops watching. Two sources, since hosts differ:
 * - Office's OfficeThemeChanged event, where the host has it: registered with
 *   Office.context.document.addHandlerAsync, kept only when Office says Succeeded (the typings
 *   document it for Outlook; other hosts either deliver it or refuse the registration);
 * - everywhere, a re-read of Office.context.officeTheme when the pane gets the focus back or
 *   becomes visible again (people change the theme elsewhere, then return to the pane).
 * `onChange` runs only when the colours really differ from the last ones seen.
 */
export function watchTheme(onChange: () => void): () => void {
  let last = themeKey(theme());
  const check = (): void => {
    const now = themeKey(theme());
    if (now === last) return;
    last = now;
    onChange();
  };
  const stops: (() => void)[] = [];
  let stopped = false;
  try {
    const type = typeof Office !== "undefined" ? Office.EventType?.OfficeThemeChanged : undefined;
    const doc = type ? Office.context?.document : undefined;
    if (type && doc && typeof doc.addHandlerAsync === "function") {
      doc.addHandlerAsync(type, check, (r: Office.AsyncResult<void>) => {
        if (r.status !== Office.AsyncResultStatus.Succeeded) return; // not in this host: the re-read below does
        const remove = (): void => {
          try {
            doc.removeHandlerAsync(type, { handler: check });
          } catch {
            /* the pane is closing */
          }
        };
        if (stopped) remove();
        else stops.push(remove);
      });
    }
  } catch {
    /* Office not initialised: the re-read still works */
  }
  if (typeof window !== "undefined" && typeof document !== "undefined") {
    window.addEventListener("focus", check);
    document.addEventListener("visibilitychange", check);
    stops.push(() => {
      window.removeEventListener("focus", check);
      document.removeEventListener("visibilitychange", check);
    });
  }
  return () => {
    stopped = true;
    for (const stop of stops.splice(0)) stop();
  };
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
