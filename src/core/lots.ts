// Where each accepted lot came from, in a compact columnar form for the streaming path: a lot's
// sheet (interned: a workbook has a handful), its row, and the next lot of the same position, in
// growing typed arrays. About 9 bytes per lot instead of a Lot object (some 300 bytes with its
// strings), so 10,000,000 lots' source cells take some 90 MB, and none at all with `--lots none`.

export interface LotTable {
  sheet: string;
  cols: { first: string; last: string };
}

export class LotSources {
  readonly tables: LotTable[] = [];
  private tableIndex = new Map<string, number>();
  private rows = new Int32Array(1024);
  private next = new Int32Array(1024);
  private table = new Uint8Array(1024);
  private lastSheet: string | undefined;
  private lastCols: { first: string; last: string } | undefined;
  private lastTable: number | undefined;
  size = 0;

  /** Adds a lot's source; returns its index. `cols` is shared by every lot of a table. */
  add(sheet: string, row: number, cols: { first: string; last: string }): number {
    // Lots come table by table with one shared `cols`: the last table is the usual answer.
    let t = sheet === this.lastSheet && cols === this.lastCols ? this.lastTable : undefined;
    if (t === undefined) {
      const key = `${sheet}\u0000${cols.first}\u0000${cols.last}`;
      t = this.tableIndex.get(key);
      if (t === undefined) {
        t = this.tables.length;
        if (t > 255) throw new Error("more than 256 source tables");
        this.tables.push({ sheet, cols });
        this.tableIndex.set(key, t);
      }
      this.lastSheet = sheet;
      this.lastCols = cols;
      this.lastTable = t;
    }
    if (this.size === this.rows.length) this.grow();
    const i = this.size++;
    this.rows[i] = row;
    this.next[i] = -1;
    this.table[i] = t;
    return i;
  }

  /** Makes `to` follow `from` in its position's chain. */
  link(from: number, to: number): void {
    this.next[from] = to;
  }

  /** The lots of a chain, in the order they were added (the sheet's row order). */
  *chain(first: number): Generator<{ sheet: string; row: number; cols: { first: string; last: string } }> {
    for (let i = first; i >= 0; i = this.next[i]) {
      const t = this.tables[this.table[i]];
      yield { sheet: t.sheet, row: this.rows[i], cols: t.cols };
    }
  }

  /** Bytes held by the arrays (for the bench's memory note). */
  get bytes(): number {
    return this.rows.byteLength + this.next.byteLength + this.table.byteLength;
  }

  private grow(): void {
    const n = this.rows.length * 2;
    const rows = new Int32Array(n); rows.set(this.rows); this.rows = rows;
    const next = new Int32Array(n); next.set(this.next); this.next = next;
    const table = new Uint8Array(n); table.set(this.table); this.table = table;
  }
}
