import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { foldDiacritics } from '../../lib/format/fold-diacritics.ts';

export interface IndicatorOption {
  id: string;
  name: string;
}

/**
 * Inside a string literal, offers indicator ids with their Vietnamese names; typing part of a
 * name without diacritics ("tang truong") finds it too.
 */
export function indicatorCompletions(indicators: () => readonly IndicatorOption[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (node.name !== 'String') return null;
    const from = node.from + 1;
    const typed = foldDiacritics(context.state.sliceDoc(from, context.pos));
    if (!context.explicit && typed.length < 2) return null;
    const options: Completion[] = indicators()
      .filter((indicator) => indicator.id.includes(typed) || foldDiacritics(indicator.name).includes(typed))
      .slice(0, 200)
      .map((indicator) => ({ label: indicator.id, detail: indicator.name, type: 'constant' }));
    return { from, options, filter: false };
  };
}
