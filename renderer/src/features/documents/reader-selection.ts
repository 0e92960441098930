import { rawOffset } from './text-pieces.ts';

/** A raw `[start, end)` span of the open document that the user selected in the reader. */
export interface ReaderSelection {
  start: number;
  end: number;
}

const PIECE = '[data-start]';

function bounds(element: Element): { start: number; end: number } {
  return { start: Number(element.getAttribute('data-start')), end: Number(element.getAttribute('data-end')) };
}

// The raw offset of a DOM point in the reader: inside a piece through its collapsed text, else at
// the edge of the nearest piece (between runs, on a footnote's label).
function rawPoint(text: string, node: Node, offset: number, atEnd: boolean): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = element?.closest(PIECE);
  if (piece && node.nodeType === Node.TEXT_NODE) {
    const { start, end } = bounds(piece);
    return rawOffset(text, start, end, offset);
  }
  if (piece) return atEnd ? bounds(piece).end : bounds(piece).start;
  // A point on a container: the piece at or after it, or the one before it.
  const container = node.nodeType === Node.TEXT_NODE ? node : (node.childNodes[offset] ?? null);
  const next = container ? firstPieceFrom(container) : null;
  if (next) return bounds(next).start;
  const previous = lastPieceBefore(
    node.nodeType === Node.TEXT_NODE ? node : (node.childNodes[offset - 1] ?? node),
  );
  return previous ? bounds(previous).end : null;
}

function firstPieceFrom(node: Node): Element | null {
  for (let current: Node | null = node; current; current = nextNode(current)) {
    if (current instanceof Element) {
      const found = current.matches(PIECE) ? current : current.querySelector(PIECE);
      if (found) return found;
    }
  }
  return null;
}

function lastPieceBefore(node: Node): Element | null {
  for (let current: Node | null = node; current; current = previousNode(current)) {
    if (current instanceof Element) {
      const all = current.matches(PIECE) ? [current] : [...current.querySelectorAll(PIECE)];
      const found = all.at(-1);
      if (found) return found;
    }
  }
  return null;
}

function nextNode(node: Node): Node | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

function previousNode(node: Node): Node | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.previousSibling) return current.previousSibling;
  }
  return null;
}

/** The raw span a DOM selection covers inside `reader`; null when it is empty or outside it. */
export function readerSelection(
  reader: Element,
  selection: Selection | null,
  text: string,
): ReaderSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!reader.contains(range.startContainer) || !reader.contains(range.endContainer)) return null;
  const start = rawPoint(text, range.startContainer, range.startOffset, false);
  const end = rawPoint(text, range.endContainer, range.endOffset, true);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
