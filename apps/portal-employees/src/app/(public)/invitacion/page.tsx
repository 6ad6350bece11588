import { AcceptForm } from './accept-form';

export default async function AcceptInvitationPage(props: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await props.searchParams;
  return <AcceptForm token={token ?? ''} />;
}
