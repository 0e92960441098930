import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../support/extraction.ts';

interface RuleCase {
  name: string;
  issued_on: string;
  covers?: string[];
  text: string;
}

const CASES_PATH = 'tests/fixtures/extraction/rules.json';
const GOLDEN_PATH = 'tests/fixtures/extraction/rules.golden.json';
const cases = JSON.parse(readFileSync(CASES_PATH, 'utf8')) as RuleCase[];

/** What a rule decides about each figure, one compact line per figure. */
function project(rule: RuleCase): string[] {
  return extractText(rule.text, { issued_on: rule.issued_on, covers: rule.covers ?? [] }).map((figure) =>
    [
      JSON.stringify(rule.text.slice(figure.char_start, figure.char_end)),
      figure.value_low === figure.value_high ? figure.value_low : `${figure.value_low}..${figure.value_high}`,
      figure.unit || '-',
      figure.comparator,
      figure.measure + (figure.is_estimate ? '(est)' : ''),
      `${figure.period_start}-${figure.period_end}`,
      figure.basis,
      figure.base_year ?? '-',
      figure.denominator ?? '-',
      figure.indicator_id,
      figure.in_footnote ? 'footnote' : 'body',
    ].join(' | '),
  );
}

// Golden file: each rule's real corpus sentence and the figures it must give. On a mismatch the
// test writes `rules.golden.json.changed` for review; it never rewrites the golden itself.
describe('extraction rules on real corpus sentences', () => {
  const actual = Object.fromEntries(cases.map((rule) => [rule.name, project(rule)]));
  const golden = existsSync(GOLDEN_PATH)
    ? (JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as Record<string, string[]>)
    : {};
  if (JSON.stringify(actual) !== JSON.stringify(golden)) {
    writeFileSync(`${GOLDEN_PATH}.changed`, JSON.stringify(actual, null, 1) + '\n');
  }
  it.each(cases.map((rule) => rule.name))('%s', (name) => {
    expect(actual[name], `see ${GOLDEN_PATH}.changed`).toEqual(golden[name]);
  });
});
