import { requireCan } from '../../../../lib/server';
import { MyTasks } from './my-tasks';

export default async function TasksPage() {
  await requireCan('read', 'crm.activity');
  return <MyTasks />;
}
