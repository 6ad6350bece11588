import { defineContext } from '../context/context-contract.js';
import { AuthRoutes } from './auth.routes.js';

/** People, sessions, invitations, API clients and sign-in providers. */
export const AuthContext = defineContext({
  name: 'auth',
  module: false,
  subjects: {
    'auth.member': { es: 'Personas', en: 'People' },
    'auth.invitation': { es: 'Invitaciones', en: 'Invitations' },
    'auth.api-client': { es: 'Integraciones (API)', en: 'Integrations (API)' },
    'auth.oidc-provider': { es: 'Inicio de sesión externo', en: 'External sign-in' },
  },
  routes: Object.values(AuthRoutes),
  errors: {
    oidc_issuer_not_allowed: {
      status: 422,
      title: 'Sign-in provider address not allowed',
      message: {
        es: 'La dirección del proveedor de inicio de sesión no está permitida: tiene que ser pública y usar https.',
        en: 'The sign-in provider’s address is not allowed: it must be public and use https.',
      },
    },
  },
  nav: {
    group: 'nav.admin',
    entries: [
      {
        href: '/admin/users',
        label: 'nav.users',
        can: ['read', 'auth.member'],
        icon: 'users',
        order: 1,
      },
    ],
  },
});
