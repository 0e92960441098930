import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/lib/i18n/translate.ts';
import { loadProblem } from '../../../renderer/src/lib/import/load-problem.ts';

describe('why imported rows did not load, in the user’s words', () => {
  it('gives the sizes when the rows were refused for memory, in both languages', () => {
    const problem = loadProblem({
      message: 'Not enough engine memory',
      advice: 'memory',
      memory: { neededBytes: 3 * 2 ** 30, availableBytes: 1.5 * 2 ** 20 },
    });
    expect(problem.key).toBe('importArea.tooLargeForMemory');
    expect(problem.message).toContain('cần khoảng 3.072,0 MB, chỉ còn 1,5 MB');
    expect(problem.message).toContain('Chưa thêm gì');
    expect(translate('en', problem.key, problem.values)).toMatch(/^Not enough memory .* Nothing was added/u);
  });

  it('says memory ran out when the engine itself did, and passes other failures on', () => {
    expect(loadProblem({ message: 'Out of Memory Error', advice: 'memory' }).key).toBe(
      'importArea.outOfMemory',
    );
    const other = loadProblem({ message: 'observations: not a complete Arrow IPC stream', advice: null });
    expect(other.key).toBe('importArea.loadFailed');
    expect(other.message).toContain('observations: not a complete Arrow IPC stream');
  });
});
