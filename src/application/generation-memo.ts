/**
 * Reads remembered for one generation of the data they come from (a block hash, an index
 * version): until the generation changes, every caller asking for the same key shares one read,
 * whether it is in flight or done. A new generation drops everything remembered for the old one.
 * Values are shared between callers: they must not be changed.
 */
export class GenerationMemo {
  private generation: string | undefined;
  private entries = new Map<string, Promise<unknown>>();

  /** `maxEntries` bounds memory: past it the memo starts over (ids asked once each cannot fill it). */
  constructor(private readonly maxEntries = 10_000) {}

  get<T>(generation: string, key: string, read: () => Promise<T>): Promise<T> {
    if (generation !== this.generation) {
      this.generation = generation;
      this.entries = new Map();
    }
    const kept = this.entries.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const entries = this.entries;
    const value = read();
    entries.set(key, value);
    // A failed read is not remembered: the next caller tries again.
    value.catch(() => {
      if (entries.get(key) === value) entries.delete(key);
    });
    return value;
  }
}
