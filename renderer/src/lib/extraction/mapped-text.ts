/**
 * Text derived from a document's raw text that remembers, for every character, where it came
 * from: matching happens on clean NFC text, offsets are reported into the raw text.
 */
export class MappedText {
  constructor(
    readonly text: string,
    /** rawStart[i] is the raw offset of text[i]; rawEnd[i] the raw offset just after it. */
    readonly rawStart: readonly number[],
    readonly rawEnd: readonly number[],
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

/** Builds a MappedText piece by piece. */
export class MappedTextBuilder {
  #chars: string[] = [];
  #starts: number[] = [];
  #ends: number[] = [];

  /** Appends `text`, every character of it mapped to the raw range `[rawStart, rawEnd)`. */
  push(text: string, rawStart: number, rawEnd: number): void {
    for (const char of text) {
      // Astral characters are two UTF-16 units: keep both so indices stay JavaScript indices.
      for (let unit = 0; unit < char.length; unit++) {
        this.#chars.push(char[unit] ?? '');
        this.#starts.push(rawStart);
        this.#ends.push(rawEnd);
      }
    }
  }

  /** Appends a mapped text as it is. */
  append(part: MappedText): void {
    for (let i = 0; i < part.text.length; i++) {
      this.#chars.push(part.text[i] ?? '');
      this.#starts.push(part.rawStart[i] ?? 0);
      this.#ends.push(part.rawEnd[i] ?? 0);
    }
  }

  get length(): number {
    return this.#chars.length;
  }

  lastChar(): string {
    return this.#chars[this.#chars.length - 1] ?? '';
  }

  build(): MappedText {
    return new MappedText(this.#chars.join(''), this.#starts, this.#ends);
  }
}
