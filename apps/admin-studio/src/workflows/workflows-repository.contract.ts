import type { WorkflowInput } from './workflow';
import type { WorkflowsRepository } from './workflows.repository';

/** A valid workflow body; `overrides` replace fields. */
export const sampleWorkflowInput = (overrides: Partial<WorkflowInput> = {}): WorkflowInput => ({
  name: 'Counting with Mika',
  description: 'Short clips that count to ten.',
  content_suitability: 'early',
  age_band: '3-5',
  steps: ['prompt', 'generate', 'qc'],
  model_profile_id: 'nim-default',
  safety_profile: 'kids-strict',
  ...overrides,
});

/**
 * The behaviour every WorkflowsRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart.
 */
export function workflowsRepositoryContract(name: string, make: () => Promise<WorkflowsRepository> | WorkflowsRepository): void {
  describe(`WorkflowsRepository contract: ${name}`, () => {
    let repo: WorkflowsRepository;

    beforeEach(async () => {
      repo = await make();
    });

    it('stores a workflow at version 1 with an id and finds it by id', async () => {
      const stored = await repo.create(sampleWorkflowInput());
      expect(stored).toEqual({ workflow_id: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1, ...sampleWorkflowInput() });
      expect(await repo.find(stored.workflow_id)).toEqual(stored);
      expect(await repo.find('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('lists oldest first', async () => {
      const a = await repo.create(sampleWorkflowInput({ name: 'a' }));
      const b = await repo.create(sampleWorkflowInput({ name: 'b' }));
      const ids = (await repo.list()).map((w) => w.workflow_id);
      expect(ids.indexOf(a.workflow_id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(a.workflow_id)).toBeLessThan(ids.indexOf(b.workflow_id));
    });

    it('raises the version by one per update and keeps a snapshot of every version', async () => {
      const v1 = await repo.create(sampleWorkflowInput());
      const v2 = await repo.update(v1.workflow_id, sampleWorkflowInput({ name: 'second', steps: ['prompt', 'generate'] }));
      const v3 = await repo.update(v1.workflow_id, sampleWorkflowInput({ name: 'third', age_band: '6-11', content_suitability: 'core' }));
      expect(v2).toEqual({
        ...sampleWorkflowInput({ name: 'second', steps: ['prompt', 'generate'] }),
        workflow_id: v1.workflow_id,
        version: 2,
      });
      expect(v3?.version).toBe(3);
      expect(await repo.find(v1.workflow_id)).toEqual(v3);
      expect(await repo.versions(v1.workflow_id)).toEqual([
        { version: 1, workflow: v1 },
        { version: 2, workflow: v2 },
        { version: 3, workflow: v3 },
      ]);
      expect(await repo.update('00000000-0000-4000-8000-000000000000', sampleWorkflowInput())).toBeNull();
    });

    it('deletes a workflow with its snapshots, once', async () => {
      const stored = await repo.create(sampleWorkflowInput());
      expect(await repo.delete(stored.workflow_id)).toBe(true);
      expect(await repo.find(stored.workflow_id)).toBeNull();
      expect(await repo.versions(stored.workflow_id)).toEqual([]);
      expect(await repo.delete(stored.workflow_id)).toBe(false);
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const stored = await repo.create(sampleWorkflowInput());
      stored.name = 'changed';
      stored.steps.push('extra');
      expect(await repo.find(stored.workflow_id)).toMatchObject({ name: 'Counting with Mika', steps: ['prompt', 'generate', 'qc'] });
    });
  });
}
