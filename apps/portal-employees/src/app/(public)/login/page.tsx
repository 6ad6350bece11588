import { LoginForm } from './login-form';

export default async function LoginPage(props: {
  searchParams: Promise<{ next?: string; expired?: string }>;
}) {
  const { next, expired } = await props.searchParams;
  // Only a path of this portal: never an open redirect.
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return <LoginForm next={target} expired={expired === '1'} />;
}
