// A small streaming XML tokenizer, just enough for SpreadsheetML. It is fed text a piece at a time
// so a 200 MB sheet never exists as one string, reports elements by local name (so `<x:c>` from
// the OpenXML SDK and Strict OOXML read like `<c>`), checks that tags nest, and leaves attribute
// parsing to the handler, which asks only for the elements it cares about.

export class XmlError extends Error {
  constructor(
    readonly detail: string,
    /** "dtd": a DOCTYPE declaring entities, refused on purpose rather than malformed. */
    readonly kind: "malformed" | "dtd" = "malformed",
  ) {
    super(detail);
    this.name = "XmlError";
  }
}

export interface XmlHandler {
  /**
   * An element starts. `src.slice(start, end)` is the raw tag between "<" and ">" (name and
   * attributes, without a self-closing "/"); it is handed over unsliced because most tags'
   * attributes are never looked at. Pass the three to readAttributes when they matter.
   * A handler that read the element's whole content and its closing tag itself (a sheet's
   * `<c ...><v>12</v></c>`, millions of times) returns the index just past that closing tag:
   * the tokenizer goes on from there as if it had seen them. It may only do so for content it
   * has checked is complete and well nested.
   */
  open(local: string, src: string, start: number, end: number, selfClosing: boolean): void | number;
  close(local: string): void;
  /** Character data (entities decoded), delivered only while `wantText` is true. May come in several pieces. */
  text(value: string): void;
  wantText: boolean;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** See XmlTokenizer.rest(). */
export interface TokenizerRest {
  stack: string[];
  locals: string[];
  /** Characters of the document read before this point. */
  at: number;
}

export class XmlTokenizer {
  private buf = "";
  /** Qualified names of the open elements, for the nesting check. */
  private readonly stack: string[] = [];
  /** Local names of the open elements, parallel to `stack`. */
  private readonly locals: string[] = [];
  private sawRoot = false;
  /** Characters consumed before `buf`, for error positions. */
  private consumed = 0;
  /** The document position of character 0 of the string being scanned, for error positions. */
  private origin = 0;

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    let from = 0;
    if (this.buf.length > 0) {
      // Finish the markup left over from the last chunk on a short string, so that the new chunk
      // is neither copied into a concatenation nor sliced (sliced strings are slower to scan).
      const gt = chunk.indexOf(">");
      const head = gt < 0 ? this.buf + chunk : this.buf + chunk.slice(0, gt + 1);
      this.origin = this.consumed;
      const headRest = this.scan(head, 0);
      if (gt < 0 || headRest < head.length) {
        // Rare: the markup runs on past the first ">" (a comment, CDATA, a quoted ">"). Join the whole chunk.
        const joined = gt < 0 ? head : this.buf + chunk;
        const rest = gt < 0 ? headRest : this.scan(joined, headRest);
        this.consumed += rest;
        this.buf = joined.slice(rest);
        return;
      }
      this.consumed += head.length;
      from = gt + 1;
    }
    this.origin = this.consumed - from;
    const rest = this.scan(chunk, from);
    this.consumed += rest - from;
    this.buf = rest === chunk.length ? "" : chunk.slice(rest);
  }

  /**
   * Where the document stands between two pieces of text: the open elements (qualified and local
   * names) and the characters read, or undefined while markup is left over from the last piece.
   * A run of whole rows after this point can be read by another tokenizer (resume) while this one
   * skips it: the CLI's reader hands rows to its main thread that way (sheet-worker.ts).
   */
  rest(): TokenizerRest | undefined {
    if (this.buf.length > 0 || !this.sawRoot) return undefined;
    return { stack: [...this.stack], locals: [...this.locals], at: this.consumed };
  }

  /** `chars` characters of the document were read by another tokenizer: later positions count them. */
  skip(chars: number): void {
    this.consumed += chars;
  }

  /** A tokenizer that reads on from `rest` (another tokenizer's rest()), inside the same document. */
  static resume(handler: XmlHandler, rest: TokenizerRest): XmlTokenizer {
    const t = new XmlTokenizer(handler);
    t.stack.push(...rest.stack);
    t.locals.push(...rest.locals);
    t.sawRoot = true;
    t.consumed = rest.at;
    return t;
  }

  end(): void {
    if (this.buf.trim().length > 0) {
      const open = this.buf.indexOf("<") >= 0;
      throw new XmlError(open ? `unterminated markup at character ${this.consumed}` : `text after the last element at character ${this.consumed}`);
    }
    if (this.stack.length > 0) {
      throw new XmlError(`the document ends inside <${this.stack[this.stack.length - 1]}> (truncated?)`);
    }
    if (!this.sawRoot) throw new XmlError("the document has no root element");
  }

  /** Consumes what it can of `s` from `from`; returns where the characters that must wait for more input start. */
  private scan(s: string, from: number): number {
    const h = this.handler;
    const stack = this.stack;
    const locals = this.locals;
    const n = s.length;
    let i = from;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        // Text with no following tag yet: keep it for the next chunk so text is not split needlessly.
        if (stack.length === 0) {
          if (s.slice(i).trim().length > 0) throw new XmlError(`text outside the root element at character ${this.origin + i}`);
          return n;
        }
        return i;
      }
      if (lt > i) {
        if (stack.length === 0) {
          if (s.slice(i, lt).trim().length > 0) throw new XmlError(`text outside the root element at character ${this.origin + i}`);
        } else if (h.wantText) h.text(decodeEntities(normaliseLineEnds(s.slice(i, lt))));
      }
      if (lt + 1 >= n) return lt;
      const c1 = s.charCodeAt(lt + 1);

      if (c1 === BANG) {
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", lt + 4);
          if (e < 0) return lt;
          i = e + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", lt + 9);
          if (e < 0) return lt;
          if (h.wantText) h.text(normaliseLineEnds(s.slice(lt + 9, e)));
          i = e + 3;
          continue;
        }
        if (lt + 9 > n) return lt;
        // <!DOCTYPE ...>: never written by spreadsheet software. A bare one is skipped; one with an
        // internal subset ("[") declares entities (the "billion laughs" bomb, external entities),
        // which are refused outright rather than skipped or expanded.
        const e = s.indexOf(">", lt);
        if (e < 0) return lt;
        const decl = s.slice(lt, e);
        if (decl.indexOf("[") >= 0 || /^<!(ENTITY|ELEMENT|ATTLIST|NOTATION)\b/.test(decl)) {
          throw new XmlError(`DTD/entity declarations are not allowed: a <!DOCTYPE> with declarations at character ${this.origin + lt}`, "dtd");
        }
        i = e + 1;
        continue;
      }
      if (c1 === QUESTION) {
        const e = s.indexOf("?>", lt + 2);
        if (e < 0) return lt;
        i = e + 2;
        continue;
      }

      if (c1 === SLASH) {
        const j = s.indexOf(">", lt + 2);
        if (j < 0) return lt;
        let e = j;
        while (e > lt + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        const top = stack.pop();
        if (top === undefined || e - (lt + 2) !== top.length || !s.startsWith(top, lt + 2)) {
          const qname = s.slice(lt + 2, e);
          throw new XmlError(
            top === undefined
              ? `closing tag </${qname}> with nothing open at character ${this.origin + lt}`
              : `closing tag </${qname}> does not match <${top}> at character ${this.origin + lt}`,
          );
        }
        h.close(locals.pop()!);
        i = j + 1;
        continue;
      }

      let ne = lt + 1;
      let colon = -1;
      for (; ne < n; ne++) {
        const c = s.charCodeAt(ne);
        if (c === GT || c === SLASH || isSpace(c)) break;
        if (c === COLON) colon = ne;
      }
      // Then the closing ">", skipping quoted attribute values (">" is legal inside them).
      let j = ne;
      if (j < n && s.charCodeAt(j) !== GT) {
        let quote = 0;
        for (; j < n; j++) {
          const c = s.charCodeAt(j);
          if (quote !== 0) {
            if (c === quote) quote = 0;
          } else if (c === GT) break;
          else if (c === QUOT || c === APOS) quote = c;
          else if (c === LT) throw new XmlError(`"<" inside a tag at character ${this.origin + j}`);
        }
      }
      if (j >= n) return lt;
      if (ne === lt + 1) throw new XmlError(`a tag without a name at character ${this.origin + lt}`);
      const selfClosing = s.charCodeAt(j - 1) === SLASH;
      const qname = s.slice(lt + 1, ne);
      const local = colon < 0 ? qname : s.slice(colon + 1, ne);
      if (stack.length === 0) {
        if (this.sawRoot) throw new XmlError(`a second root element <${qname}> at character ${this.origin + lt}`);
        this.sawRoot = true;
      }
      const past = h.open(local, s, lt + 1, selfClosing ? j - 1 : j, selfClosing);
      if (past !== undefined) {
        i = past;
        continue;
      }
      if (selfClosing) h.close(local);
      else {
        stack.push(qname);
        locals.push(local);
      }
      i = j + 1;
    }
    return n;
  }
}

/**
 * Reads the attributes of a raw tag into `out` as [localName, value, localName, value, ...]
 * (cleared first). Namespace declarations are skipped; prefixes are dropped ("r:id" → "id").
 */
export function readAttributes(tag: string, from: number, to: number, out: string[]): string[] {
  out.length = 0;
  const n = to;
  let i = from;
  while (i < n && !isSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== SLASH) i++;
  for (;;) {
    while (i < n && (isSpace(tag.charCodeAt(i)) || tag.charCodeAt(i) === SLASH)) i++;
    if (i >= n) return out;
    const nameStart = i;
    let colon = -1;
    while (i < n) {
      const c = tag.charCodeAt(i);
      if (c === 61 /* = */ || isSpace(c)) break;
      if (c === COLON) colon = i;
      i++;
    }
    const nameEnd = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) throw new XmlError(`attribute "${tag.slice(nameStart, nameEnd)}" has no value in <${tag.slice(from, Math.min(to, from + 40))}>`);
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const q = tag.charCodeAt(i);
    if (q !== QUOT && q !== APOS) throw new XmlError(`attribute "${tag.slice(nameStart, nameEnd)}" is not quoted in <${tag.slice(from, Math.min(to, from + 40))}>`);
    const vs = i + 1;
    const ve = tag.indexOf(q === QUOT ? '"' : "'", vs);
    if (ve < 0 || ve >= n) throw new XmlError(`unterminated attribute value in <${tag.slice(from, Math.min(to, from + 40))}>`);
    i = ve + 1;
    const qname = tag.slice(nameStart, nameEnd);
    if (qname === "xmlns" || qname.startsWith("xmlns:")) continue;
    out.push(colon < 0 ? qname : tag.slice(colon + 1, nameEnd), decodeEntities(normaliseAttributeSpace(tag.slice(vs, ve))));
  }
}

/** The value of attribute `name` (local name) in `attrs` as filled by readAttributes. */
export function attr(attrs: string[], name: string): string | undefined {
  for (let k = 0; k < attrs.length; k += 2) if (attrs[k] === name) return attrs[k + 1];
  return undefined;
}

/**
 * XML end-of-line handling (XML 1.0 §2.11): a literal CR LF or lone CR in the document reads as
 * LF. Applied before entities are decoded, so a CR written as &#13; or _x000D_ stays a CR.
 */
export function normaliseLineEnds(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/**
 * Attribute-value normalisation (XML 1.0 §3.3.3): after end-of-line handling every literal CR, LF
 * or tab in an attribute value reads as a space (CR LF as one space). Written as &#10; they stay.
 */
function normaliseAttributeSpace(s: string): string {
  return /[\r\n\t]/.test(s) ? s.replace(/\r\n|[\r\n\t]/g, " ") : s;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const cp = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** Decodes OOXML's `_xHHHH_` escapes (e.g. `_x000D_` for a carriage return; `_x005F_` escapes the underscore). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
