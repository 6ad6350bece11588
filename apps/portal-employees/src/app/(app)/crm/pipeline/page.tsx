import type { Metadata } from 'next';
import { requireCan } from '../../../../lib/server';
import { PipelineBoard } from './pipeline-board';

export const metadata: Metadata = { title: 'Pipeline' };

export default async function PipelinePage(props: {
  searchParams: Promise<{ pipeline?: string }>;
}) {
  await requireCan('read', 'crm.opportunity');
  const { pipeline } = await props.searchParams;
  return <PipelineBoard pipelineId={pipeline ?? null} />;
}
