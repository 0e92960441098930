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

/**
 * Column names of every table and view, offered while typing an identifier anywhere (the
 * standard source only offers them after "table."), with the tables that have them as detail.
 */
export function columnCompletions(tables: () => Record<string, readonly string[]>) {
  return (context: CompletionContext): CompletionResult | null => {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (node.name === 'String' || node.name === 'LineComment' || node.name === 'BlockComment') return null;
    const word = context.matchBefore(/[\p{L}_][\p{L}\d_]*/u);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    if (context.state.sliceDoc(word.from - 1, word.from) === '.') return null;
    const owners = new Map<string, string[]>();
    for (const [table, columns] of Object.entries(tables())) {
      if (table.includes('.')) continue;
      for (const column of columns) owners.set(column, [...(owners.get(column) ?? []), table]);
    }
    return {
      from: word.from,
      options: [...owners].map(([column, inTables]) => ({
        label: column,
        type: 'property',
        detail: inTables.slice(0, 3).join(', ') + (inTables.length > 3 ? '…' : ''),
        boost: -1,
      })),
      validFor: /^[\p{L}\d_]*$/u,
    };
  };
}
