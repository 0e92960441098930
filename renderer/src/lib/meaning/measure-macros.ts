import { appObject } from '../db/sql.ts';

// How far a result may fall from an approximate target (`~`: khoảng, gần, xấp xỉ) and still meet
// it: the documents round such targets, so 29,5 against "khoảng 30" is met.
export const APPROXIMATE_TOLERANCE = 0.02;

const BOUND = `${appObject('target_bound')}(comparator, higher_is_better, target_low, target_high)`;

/**
 * The calculated measures of the pivot, as macros users may call too:
 *
 * - `target_bound(comparator, higher_is_better, low, high)`: the end of a target a result must reach
 *   (the low end when more is better or the target is `≥`/`>`, the high end for `≤`/`<` or when less
 *   is better);
 * - `achievement(...)`: đạt / vượt / không đạt / chưa có số liệu, from the comparator, a range and
 *   the indicator's direction;
 * - `percent_of_target(...)`: kết quả / chỉ tiêu × 100, against that bound;
 * - `target_gap(...)`: kết quả − chỉ tiêu in the indicator's unit (percentage points for a %);
 * - `yoy_change(previous, current, unit)`: the change on the year before, in points for a % and in
 *   % otherwise;
 * - `cagr(first, last, years)`: the compound annual growth rate, in %.
 */
export const MEASURE_MACROS: readonly string[] = [
  `CREATE OR REPLACE MACRO ${appObject('target_bound')}(comparator, higher_is_better, target_low, target_high) AS
    CASE WHEN comparator IN ('<=', '<') OR (comparator IN ('=', '~') AND higher_is_better = false) THEN target_high
         ELSE target_low END`,
  `CREATE OR REPLACE MACRO ${appObject('achievement')}(comparator, higher_is_better, target_low, target_high, actual) AS
    CASE
      WHEN actual IS NULL OR target_low IS NULL THEN 'chưa có số liệu'
      WHEN comparator = '~' AND actual BETWEEN target_low - ${APPROXIMATE_TOLERANCE} * abs(target_low)
                                           AND target_high + ${APPROXIMATE_TOLERANCE} * abs(target_high) THEN 'đạt'
      WHEN comparator IN ('>=', '>') OR (comparator IN ('=', '~') AND coalesce(higher_is_better, true)) THEN
        CASE
          WHEN comparator = '>' AND actual <= target_low THEN 'không đạt'
          WHEN actual < target_low THEN 'không đạt'
          WHEN actual > target_high THEN 'vượt'
          WHEN comparator IN ('>=', '>') AND actual > target_low THEN 'vượt'
          ELSE 'đạt'
        END
      WHEN comparator IN ('<=', '<') OR (comparator IN ('=', '~') AND NOT higher_is_better) THEN
        CASE
          WHEN comparator = '<' AND actual >= target_high THEN 'không đạt'
          WHEN actual > target_high THEN 'không đạt'
          WHEN actual < target_low THEN 'vượt'
          WHEN comparator IN ('<=', '<') AND actual < target_high THEN 'vượt'
          ELSE 'đạt'
        END
      ELSE 'chưa có số liệu'
    END`,
  `CREATE OR REPLACE MACRO ${appObject('percent_of_target')}(comparator, higher_is_better, target_low, target_high, actual) AS
    CASE WHEN ${BOUND} > 0 THEN 100 * actual / ${BOUND} END`,
  `CREATE OR REPLACE MACRO ${appObject('target_gap')}(comparator, higher_is_better, target_low, target_high, actual) AS
    actual - ${BOUND}`,
  `CREATE OR REPLACE MACRO ${appObject('yoy_change')}(previous, current, unit) AS
    CASE WHEN unit = '%' THEN current - previous WHEN previous > 0 THEN (current / previous - 1) * 100 END`,
  `CREATE OR REPLACE MACRO ${appObject('cagr')}(first_value, last_value, years) AS
    CASE WHEN first_value > 0 AND last_value > 0 AND years > 0
         THEN (power(last_value / first_value, 1.0 / years) - 1) * 100 END`,
];
