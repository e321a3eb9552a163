// Reads the pane's settings from LossDesk's custom XML part (core/settings-xml.ts) of a package in
// memory: the preview host does this on every open, so it needs no writer code (graft.ts writes it).

import { inflateSync } from "fflate";
import { settingsFromXml } from "../../core/settings-xml";
import { decodeText, rawEntryData, readCentralDirectory, type ZipEntry } from "./zip-core";

/** The settings JSON in the package's LossDesk custom XML part, or undefined when there is none. */
export function settingsFromPackage(bytes: Uint8Array): string | undefined {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch {
    return undefined; // not a zip: the reader says why, not this
  }
  for (const e of entries) {
    // found by its root namespace, never by its number (Excel renumbers custom XML items)
    if (!/^customXml\/item\d+\.xml$/i.test(e.name) || e.flags & 1) continue;
    try {
      const raw = rawEntryData(bytes, e);
      const json = settingsFromXml(decodeText(e.method === 8 ? inflateSync(raw) : raw));
      if (json !== undefined) return json;
    } catch {
      // a damaged custom XML item is not ours to judge; look at the next one
    }
  }
  return undefined;
}
