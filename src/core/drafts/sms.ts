// SMS segments: how many parts a text takes on a phone, by GSM-7 or UCS-2.

// GSM 03.38 default alphabet; the extension table's characters take two septets (escape + char).
const GSM_BASIC = new Set(Array.from(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
));
const GSM_EXTENDED = new Set(Array.from("^{}\\[~]|€\f"));

export interface SmsCount {
  encoding: "GSM-7" | "UCS-2";
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Units per segment at this length: 160/70 for one segment, 153/67 when split. */
  perSegment: number;
  segments: number;
}

/**
 * How many SMS segments a text takes. Any character outside the GSM-7 alphabet (any Chinese
 * character) makes the whole message UCS-2: 70 per single message, 67 per part when split (the
 * concatenation header takes the rest); GSM-7: 160, else 153 per part.
 */
export function smsSegments(text: string): SmsCount {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENDED.has(ch)) septets += 2;
    else { gsm = false; break; }
  }
  if (gsm) {
    return septets <= 160
      ? { encoding: "GSM-7", units: septets, perSegment: 160, segments: septets === 0 ? 0 : 1 }
      : { encoding: "GSM-7", units: septets, perSegment: 153, segments: Math.ceil(septets / 153) };
  }
  const units = text.length; // UTF-16 code units: a character beyond the BMP takes two
  return units <= 70
    ? { encoding: "UCS-2", units, perSegment: 70, segments: 1 }
    : { encoding: "UCS-2", units, perSegment: 67, segments: Math.ceil(units / 67) };
}
