'use client';

import type { components } from '@mikasmissions/contracts-api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { unwrap } from '@/api/api-error';
import { ApiErrorView } from '@/components/api-error-view';
import { useRouter } from '@/i18n/navigation';
import { useAdminApi } from './admin-session';
import { WorkflowForm, type WorkflowInput } from './workflow-form';

type Workflow = components['schemas']['Workflow'];
type CreateRun = components['schemas']['CreateRunRequest'];

/** The run's free-form provider input: the generator types a schemaless object as `Record<string, never>`. */
const payload = (prompt: string) => ({ prompt }) as unknown as CreateRun['input_payload'];

/** The query key of the workflow list. */
export const WORKFLOWS_KEY = ['admin', 'workflows'] as const;

const inputOf = ({ workflow_id: _id, version: _v, ...input }: Workflow): WorkflowInput => input;

/** One workflow: its facts, and edit (PUT, version + 1), delete and start-a-run. */
export function WorkflowItem({ workflow }: { workflow: Workflow }) {
  const t = useTranslations('admin');
  const api = useAdminApi();
  const queries = useQueryClient();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: WORKFLOWS_KEY });
  const path = { workflow_id: workflow.workflow_id };
  const update = useMutation({
    mutationFn: (body: WorkflowInput) => unwrap(api.PUT('/v1/admin/workflows/{workflow_id}', { params: { path }, body })),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/admin/workflows/{workflow_id}', { params: { path } })),
    onSuccess: refresh,
  });
  const run = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/admin/workflows/{workflow_id}/runs', {
          params: { path },
          body: { input_payload: payload(workflow.description || workflow.name), priority: 'normal', auto_publish: false },
        }),
      ),
    onSuccess: (answer) => router.push(`/admin/runs/${answer.run_id}`),
  });
  const failure = remove.error ?? run.error;
  return (
    <li className="card" data-testid="workflow-item" data-workflow-id={workflow.workflow_id}>
      <h2>{workflow.name}</h2>
      <p className="muted" data-testid="workflow-version">
        {t('workflow.version', { version: workflow.version })} · {t(`workflow.ageBands.${workflow.age_band}`)} ·{' '}
        {workflow.steps.join(' → ')}
      </p>
      {workflow.description ? <p>{workflow.description}</p> : null}
      {editing ? (
        <WorkflowForm
          initial={inputOf(workflow)}
          idPrefix={`edit-${workflow.workflow_id}`}
          pending={update.isPending}
          error={update.error}
          onSubmit={(body) => update.mutate(body)}
          onCancel={() => setEditing(false)}
          submitLabel={t('workflow.save')}
        />
      ) : (
        <p className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('workflow.edit')}
          </button>
          <button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
            {t('workflow.startRun')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => window.confirm(t('workflow.confirmDelete', { name: workflow.name })) && remove.mutate()}
            disabled={remove.isPending}
          >
            {t('workflow.delete')}
          </button>
        </p>
      )}
      {failure ? <ApiErrorView error={failure} /> : null}
    </li>
  );
}
