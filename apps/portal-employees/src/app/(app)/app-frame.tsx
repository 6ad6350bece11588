'use client';
import {
  ActionIcon,
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Select,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useI18n } from '@nexo/i18n';
import { SessionProvider, abilityFor, type SessionView } from '@nexo/session';
import { notify } from '@nexo/ui';
import { problemMessage } from '@nexo/i18n';
import {
  IconAddressBook,
  IconBuilding,
  IconChecklist,
  IconFileSearch,
  IconForms,
  IconLanguage,
  IconLayoutKanban,
  IconLogout,
  IconMoon,
  IconPackage,
  IconReceipt2,
  IconSearch,
  IconShieldLock,
  IconUserPlus,
  IconUsers,
  IconDevices,
} from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useMemo, useTransition, type ReactNode } from 'react';
import { NAV } from '../../lib/nav';
import { setLocaleAction, signOutAction, switchTenantAction } from '../session-actions';
import { CommandPalette, openCommandPalette } from './command-palette';

const ICONS: Record<string, ReactNode> = {
  pipeline: <IconLayoutKanban size={18} aria-hidden />,
  parties: <IconAddressBook size={18} aria-hidden />,
  leads: <IconUserPlus size={18} aria-hidden />,
  tasks: <IconChecklist size={18} aria-hidden />,
  items: <IconPackage size={18} aria-hidden />,
  prices: <IconReceipt2 size={18} aria-hidden />,
  users: <IconUsers size={18} aria-hidden />,
  roles: <IconShieldLock size={18} aria-hidden />,
  audit: <IconFileSearch size={18} aria-hidden />,
  fields: <IconForms size={18} aria-hidden />,
  company: <IconBuilding size={18} aria-hidden />,
};

export function AppFrame(props: { session: SessionView; children: ReactNode }) {
  const { t, locale } = useI18n();
  const pathname = usePathname();
  const router = useRouter();
  const [opened, { toggle, close }] = useDisclosure();
  const [switching, startSwitch] = useTransition();
  const { toggleColorScheme } = useMantineColorScheme();
  const { session } = props;
  const ability = useMemo(() => abilityFor(session.rules), [session.rules]);
  const current = session.memberships.find((m) => m.tenantId === session.current.tenantId);
  const groups = NAV.map((g) => ({
    ...g,
    entries: g.entries.filter((e) => ability.can(e.can[0], e.can[1])),
  })).filter((g) => g.entries.length > 0);

  return (
    <SessionProvider session={session}>
      <a href="#main" className="nexo-skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'md', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={t('shell.toggleNav')}
              />
              <Text
                component={Link}
                href="/"
                fw={800}
                fz="xl"
                c="nexo.7"
                style={{ letterSpacing: 1.5 }}
              >
                NEXO
              </Text>
              {session.memberships.length > 1 ? (
                <Select
                  aria-label={t('shell.switchTenant')}
                  data={session.memberships.map((m) => ({
                    value: m.tenantId,
                    label: m.tenantName,
                  }))}
                  value={session.current.tenantId}
                  disabled={switching}
                  allowDeselect={false}
                  w={220}
                  visibleFrom="sm"
                  onChange={(tenantId) => {
                    if (!tenantId || tenantId === session.current.tenantId) return;
                    startSwitch(async () => {
                      const answer = await switchTenantAction(tenantId);
                      if (answer.next === 'error') notify.error(problemMessage(answer.problem, t));
                      else {
                        router.push('/');
                        router.refresh();
                      }
                    });
                  }}
                />
              ) : (
                <Text c="dimmed" size="sm" visibleFrom="sm" aria-label={t('shell.tenant')}>
                  {current?.tenantName}
                </Text>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Tooltip label={`${t('shell.commandPalette')} (${t('shell.commandHint')})`}>
                <UnstyledButton
                  onClick={openCommandPalette}
                  aria-label={t('shell.commandPalette')}
                  px="sm"
                  py={6}
                  style={{
                    border: '1px solid var(--mantine-color-default-border)',
                    borderRadius: 'var(--mantine-radius-md)',
                  }}
                >
                  <Group gap={8} wrap="nowrap">
                    <IconSearch size={16} aria-hidden />
                    <Text size="sm" c="dimmed" visibleFrom="sm">
                      {t('shell.commandPalette')}
                    </Text>
                    <Text size="xs" c="dimmed" visibleFrom="md">
                      {t('shell.commandHint')}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Tooltip>
              <Tooltip label={t('shell.colorScheme')}>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  aria-label={t('shell.colorScheme')}
                  onClick={toggleColorScheme}
                >
                  <IconMoon size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <Menu position="bottom-end" width={240} withinPortal>
                <Menu.Target>
                  <UnstyledButton aria-label={t('shell.userMenu')}>
                    <Group gap={8} wrap="nowrap">
                      <Avatar color="nexo" radius="xl" size={34}>
                        {initials(session.user.name)}
                      </Avatar>
                      <Stack gap={0} visibleFrom="sm">
                        <Text size="sm" fw={600} lh={1.2}>
                          {session.user.name}
                        </Text>
                        <Text size="xs" c="dimmed" lh={1.2}>
                          {session.user.email}
                        </Text>
                      </Stack>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{session.user.email}</Menu.Label>
                  <Menu.Item
                    component={Link}
                    href="/account"
                    leftSection={<IconDevices size={16} aria-hidden />}
                  >
                    {t('shell.sessions')}
                  </Menu.Item>
                  <Menu.Item
                    component={Link}
                    href="/account#mfa"
                    leftSection={<IconShieldLock size={16} aria-hidden />}
                  >
                    {t('shell.security')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconLanguage size={16} aria-hidden />}
                    onClick={async () => {
                      await setLocaleAction(locale === 'es' ? 'en' : 'es');
                      router.refresh();
                    }}
                  >
                    {locale === 'es' ? 'English' : 'Español'}
                  </Menu.Item>
                  {session.memberships.length > 1 ? (
                    <>
                      <Menu.Divider />
                      <Menu.Label>{t('shell.switchTenant')}</Menu.Label>
                      {session.memberships.map((m) => (
                        <Menu.Item
                          key={m.tenantId}
                          disabled={m.tenantId === session.current.tenantId}
                          onClick={() =>
                            startSwitch(async () => {
                              await switchTenantAction(m.tenantId);
                              router.push('/');
                              router.refresh();
                            })
                          }
                        >
                          {m.tenantName}
                        </Menu.Item>
                      ))}
                    </>
                  ) : null}
                  <Menu.Divider />
                  <Menu.Item
                    color="red"
                    leftSection={<IconLogout size={16} aria-hidden />}
                    onClick={() => void signOutAction()}
                  >
                    {t('auth.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('shell.navigation')} component="nav">
          <AppShell.Section grow component={ScrollArea}>
            {groups.map((group) => (
              <Stack key={group.label} gap={2} mb="md" role="group" aria-label={t(group.label)}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t(group.label)}
                </Text>
                {group.entries.map((entry) => (
                  <NavLink
                    key={entry.href}
                    component={Link}
                    href={entry.href}
                    label={t(entry.label)}
                    leftSection={ICONS[entry.icon]}
                    active={pathname === entry.href || pathname.startsWith(`${entry.href}/`)}
                    aria-current={pathname.startsWith(entry.href) ? 'page' : undefined}
                    onClick={close}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                  />
                ))}
              </Stack>
            ))}
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          {props.children}
        </AppShell.Main>
      </AppShell>
      <CommandPalette />
    </SessionProvider>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
}
