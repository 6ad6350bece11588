'use client';
import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  Radio,
  Stack,
  Text,
} from '@mantine/core';
import type { components } from '@nexo/api-client';
import { problemMessage, useI18n, type ProblemLike } from '@nexo/i18n';
import { asProblem, ProblemAlert } from '@nexo/ui';
import { useEffect, useState } from 'react';
import { api } from '../../../../lib/api';

type Job = components['schemas']['JobRun'];
interface ImportResult {
  imported: number;
  rejected: number;
  issues: { line: number; column: string; message: string }[];
}

/** Sends a CSV to the import job and follows its progress until it ends. */
export function ImportDialog(props: { onClose: () => void; onDone: () => void }) {
  const { t, f } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'all-or-nothing' | 'valid-only'>('all-or-nothing');
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [problem, setProblem] = useState<ProblemLike | null | undefined>(undefined);
  const { onDone } = props;

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const poll = async () => {
      const { data } = await api.GET('/api/v1/jobs/{id}', { params: { path: { id: jobId } } });
      if (!live || !data) return;
      setJob(data);
      if (data.state === 'completed' || data.state === 'failed') return onDone();
      setTimeout(() => void poll(), 700);
    };
    void poll();
    return () => {
      live = false;
    };
  }, [jobId, onDone]);

  const progress = job?.progress;
  const percent = progress?.total
    ? Math.round((progress.done / progress.total) * 100)
    : job
      ? 5
      : 0;
  const result = job?.state === 'completed' ? (job.result as ImportResult) : null;

  return (
    <Modal opened onClose={props.onClose} title={t('party.importTitle')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('party.importHelp')}
        </Text>
        <ProblemAlert problem={problem} />
        {!jobId ? (
          <>
            <FileInput
              label={t('party.importFile')}
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              clearable
            />
            <Radio.Group value={mode} onChange={(v) => setMode(v)} label={t('common.kind')}>
              <Group mt="xs">
                <Radio value="all-or-nothing" label={t('party.importMode.all-or-nothing')} />
                <Radio value="valid-only" label={t('party.importMode.valid-only')} />
              </Group>
            </Radio.Group>
            <Group justify="flex-end">
              <Button
                disabled={!file}
                onClick={async () => {
                  if (!file) return;
                  const { data, error } = await api.POST('/api/v1/crm/parties/import', {
                    body: { csv: await file.text(), mode },
                  });
                  if (data) setJobId(data.jobId);
                  else setProblem(asProblem(error));
                }}
              >
                {t('party.importStart')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Progress
              value={percent}
              animated={!result && job?.state !== 'failed'}
              aria-label={t('party.import')}
            />
            <Text size="sm" aria-live="polite">
              {progress?.total
                ? t('party.importProgress', {
                    done: f.number(progress.done),
                    total: f.number(progress.total),
                  })
                : t('common.loading')}
            </Text>
            {result ? (
              <Alert color={result.rejected ? 'yellow' : 'teal'} role="status">
                {t('party.importDone', { imported: result.imported, rejected: result.rejected })}
                {result.issues.slice(0, 20).map((i) => (
                  <Text key={`${i.line}:${i.column}`} size="xs">
                    {t('party.importIssue', { line: i.line, column: i.column, message: i.message })}
                  </Text>
                ))}
              </Alert>
            ) : null}
            {job?.state === 'failed' ? (
              <Alert color="red" role="alert">
                {t('party.importFailed', {
                  message: problemMessage(
                    { code: job.error?.code ?? '', detail: job.error?.message },
                    t,
                  ),
                })}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                {t('common.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
