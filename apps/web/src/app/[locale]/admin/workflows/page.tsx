'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { unwrap } from '@/api/api-error';
import { Empty, QueryState } from '@/components/states';
import { AdminShell } from '@/components/admin/admin-shell';
import { useAdminApi, useAdminSession } from '@/components/admin/admin-session';
import { NEW_WORKFLOW, WorkflowForm, type WorkflowInput } from '@/components/admin/workflow-form';
import { WORKFLOWS_KEY, WorkflowItem } from '@/components/admin/workflow-list';

/** Workflows: the list (`GET /v1/admin/workflows`), a create form, and per workflow edit, delete, start a run. */
export default function AdminWorkflowsPage() {
  const t = useTranslations('admin');
  return (
    <AdminShell title={t('workflows.heading')}>
      <Workflows />
    </AdminShell>
  );
}

function Workflows() {
  const t = useTranslations('admin');
  const api = useAdminApi();
  const session = useAdminSession();
  const queries = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const list = useQuery({ queryKey: [...WORKFLOWS_KEY, session?.adminUserId], queryFn: () => unwrap(api.GET('/v1/admin/workflows')) });
  const create = useMutation({
    mutationFn: (body: WorkflowInput) => unwrap(api.POST('/v1/admin/workflows', { body })),
    onSuccess: async () => {
      setFormKey((k) => k + 1);
      await queries.invalidateQueries({ queryKey: WORKFLOWS_KEY });
    },
  });
  return (
    <>
      <section aria-labelledby="workflows-list">
        <h2 id="workflows-list">{t('workflows.list')}</h2>
        <QueryState query={list}>
          {({ workflows }) =>
            workflows.length === 0 ? (
              <Empty message={t('workflows.empty')} />
            ) : (
              <ul className="cards" data-testid="workflow-list">
                {workflows.map((w) => (
                  <WorkflowItem key={`${w.workflow_id}-${w.version}`} workflow={w} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="workflows-create">
        <h2 id="workflows-create">{t('workflows.create')}</h2>
        <WorkflowForm
          key={formKey}
          initial={NEW_WORKFLOW}
          idPrefix="new"
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body)}
          submitLabel={t('workflows.createSubmit')}
        />
      </section>
    </>
  );
}
