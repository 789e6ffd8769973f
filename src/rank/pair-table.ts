// A hash table from pairs of small non-negative integers to integers, in typed arrays (open
// addressing, linear probing, grown at half full): fitting the vocabulary looks up a bigram by its
// two words' numbers millions of times, and a Map of Maps spent most of that time allocating. Pure.

export class PairTable {
  private firsts = new Int32Array(1 << 16).fill(-1);
  private seconds = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  private slot(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    let i = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) & mask;
    while (this.firsts[i] !== -1 && (this.firsts[i] !== first || this.seconds[i] !== second)) i = (i + 1) & mask;
    return i;
  }

  get(first: number, second: number): number | undefined {
    const i = this.slot(first, second);
    return this.firsts[i] === -1 ? undefined : this.values[i];
  }

  set(first: number, second: number, value: number): void {
    if (2 * (this.size + 1) > this.firsts.length) this.grow();
    const i = this.slot(first, second);
    if (this.firsts[i] === -1) this.size++;
    this.firsts[i] = first;
    this.seconds[i] = second;
    this.values[i] = value;
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    this.firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.seconds = new Int32Array(firsts.length * 2);
    this.values = new Int32Array(firsts.length * 2);
    this.size = 0;
    for (let i = 0; i < firsts.length; i++) if (firsts[i] !== -1) this.set(firsts[i]!, seconds[i]!, values[i]!);
  }
}
