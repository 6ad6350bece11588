import type { Bilingual } from '@nexo/contracts';

export const SHELL_MESSAGES = {
  'shell.skipToContent': { es: 'Saltar al contenido', en: 'Skip to content' },
  'shell.navigation': { es: 'Navegación principal', en: 'Main navigation' },
  'shell.toggleNav': { es: 'Mostrar u ocultar la navegación', en: 'Show or hide navigation' },
  'shell.userMenu': { es: 'Menú de usuario', en: 'User menu' },
  'shell.tenant': { es: 'Empresa', en: 'Company' },
  'shell.switchTenant': { es: 'Cambiar de empresa', en: 'Switch company' },
  'shell.commandPalette': { es: 'Buscar en NEXO', en: 'Search NEXO' },
  'shell.commandHint': { es: 'Ctrl + K', en: 'Ctrl + K' },
  'shell.commandPlaceholder': {
    es: 'Buscar clientes, artículos, oportunidades…',
    en: 'Search parties, items, opportunities…',
  },
  'shell.commandNothing': { es: 'Nada encontrado', en: 'Nothing found' },
  'shell.sessions': { es: 'Sesiones activas', en: 'Active sessions' },
  'shell.security': { es: 'Seguridad y MFA', en: 'Security and MFA' },
  'shell.colorScheme': { es: 'Tema claro u oscuro', en: 'Light or dark theme' },
  'nav.home': { es: 'Inicio', en: 'Home' },
  'nav.admin': { es: 'Administración', en: 'Administration' },
  'nav.users': { es: 'Usuarios e invitaciones', en: 'Users and invitations' },
  'nav.roles': { es: 'Roles y permisos', en: 'Roles and permissions' },
  'nav.audit': { es: 'Auditoría', en: 'Audit log' },
  'nav.customFields': { es: 'Campos personalizados', en: 'Custom fields' },
  'nav.company': { es: 'Empresa', en: 'Company' },
  'home.title': { es: 'Hola, {name}', en: 'Hello, {name}' },
  'home.subtitle': {
    es: 'Esto es lo que pasa hoy en {company}.',
    en: 'This is what is happening today at {company}.',
  },
  'home.openTasks': { es: 'Tareas abiertas', en: 'Open tasks' },
  'notFound.title': { es: 'No encontrado', en: 'Not found' },
  'notFound.body': {
    es: 'La página no existe o no tenés acceso.',
    en: 'The page does not exist or you have no access to it.',
  },
} satisfies Record<string, Bilingual>;
