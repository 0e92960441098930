/** Raw offsets, one per UTF-16 unit: a plain array or, as the builder makes them, an Int32Array. */
export type RawOffsets = ArrayLike<number> & { slice(start?: number, end?: number): RawOffsets };

/**
 * Text derived from a document's raw text that remembers, for every character, where it came
 * from: matching happens on clean NFC text, offsets are reported into the raw text.
 */
export class MappedText {
  constructor(
    readonly text: string,
    /** rawStart[i] is the raw offset of text[i]; rawEnd[i] the raw offset just after it. */
    readonly rawStart: RawOffsets,
    readonly rawEnd: RawOffsets,
  ) {}

  /** The raw `[start, end)` range covered by `text.slice(start, end)`. */
  rawSpan(start: number, end: number): [number, number] {
    return [this.rawStart[start] ?? 0, this.rawEnd[end - 1] ?? this.rawStart[start] ?? 0];
  }

  slice(start: number, end: number): MappedText {
    return new MappedText(
      this.text.slice(start, end),
      this.rawStart.slice(start, end),
      this.rawEnd.slice(start, end),
    );
  }
}

const DEFAULT_CAPACITY = 256;

/**
 * Builds a MappedText piece by piece. Offsets go into growing Int32Arrays and text into string
 * pieces: a 10 MB document costs two 4-byte integers a character, not three boxed array slots.
 */
export class MappedTextBuilder {
  #pieces: string[] = [];
  #starts: Int32Array;
  #ends: Int32Array;
  #length = 0;
  #last = '';

  /** `capacity`: the length expected (a line's), so that building needs no copy. */
  constructor(capacity = DEFAULT_CAPACITY) {
    this.#starts = new Int32Array(Math.max(1, capacity));
    this.#ends = new Int32Array(Math.max(1, capacity));
  }

  #reserve(more: number): void {
    const needed = this.#length + more;
    if (needed <= this.#starts.length) return;
    let capacity = this.#starts.length * 2;
    while (capacity < needed) capacity *= 2;
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.#starts.subarray(0, this.#length));
    ends.set(this.#ends.subarray(0, this.#length));
    this.#starts = starts;
    this.#ends = ends;
  }

  #text(text: string): void {
    this.#pieces.push(text);
    this.#last = text[text.length - 1] ?? '';
  }

  /** Appends `text`, every UTF-16 unit of it mapped to the raw range `[rawStart, rawEnd)`. */
  push(text: string, rawStart: number, rawEnd: number): void {
    if (text === '') return;
    this.#reserve(text.length);
    this.#starts.fill(rawStart, this.#length, this.#length + text.length);
    this.#ends.fill(rawEnd, this.#length, this.#length + text.length);
    this.#length += text.length;
    this.#text(text);
  }

  /** Appends `raw.slice(from, to)` as it is, each unit mapped to itself (`[i, i + 1)`). */
  pushVerbatim(raw: string, from: number, to: number): void {
    if (to <= from) return;
    this.#reserve(to - from);
    for (let i = from; i < to; i++) {
      this.#starts[this.#length] = i;
      this.#ends[this.#length] = i + 1;
      this.#length++;
    }
    this.#text(raw.slice(from, to));
  }

  /** Appends a mapped text as it is. */
  append(part: MappedText): void {
    const length = part.text.length;
    if (length === 0) return;
    this.#reserve(length);
    if (part.rawStart instanceof Int32Array && part.rawEnd instanceof Int32Array) {
      this.#starts.set(part.rawStart, this.#length);
      this.#ends.set(part.rawEnd, this.#length);
    } else {
      for (let i = 0; i < length; i++) {
        this.#starts[this.#length + i] = part.rawStart[i] ?? 0;
        this.#ends[this.#length + i] = part.rawEnd[i] ?? 0;
      }
    }
    this.#length += length;
    this.#text(part.text);
  }

  get length(): number {
    return this.#length;
  }

  lastChar(): string {
    return this.#last;
  }

  build(): MappedText {
    const exact = this.#length === this.#starts.length;
    return new MappedText(
      this.#pieces.length === 1 ? this.#pieces[0]! : this.#pieces.join(''),
      exact ? this.#starts : this.#starts.slice(0, this.#length),
      exact ? this.#ends : this.#ends.slice(0, this.#length),
    );
  }
}
