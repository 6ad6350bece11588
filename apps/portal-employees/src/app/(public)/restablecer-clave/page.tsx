import { ResetForm } from './reset-form';

export default async function ResetPasswordPage(props: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await props.searchParams;
  return <ResetForm token={token ?? ''} />;
}
