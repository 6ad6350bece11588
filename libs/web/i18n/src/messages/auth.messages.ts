import type { Bilingual } from '@nexo/contracts';

export const AUTH_MESSAGES = {
  'auth.signIn': { es: 'Ingresar', en: 'Sign in' },
  'auth.signInTitle': { es: 'Ingresá a NEXO', en: 'Sign in to NEXO' },
  'auth.password': { es: 'Contraseña', en: 'Password' },
  'auth.newPassword': { es: 'Nueva contraseña', en: 'New password' },
  'auth.forgot': { es: '¿Olvidaste tu contraseña?', en: 'Forgot your password?' },
  'auth.forgotTitle': { es: 'Recuperar contraseña', en: 'Recover your password' },
  'auth.forgotHelp': {
    es: 'Te enviaremos un enlace para elegir una nueva contraseña.',
    en: 'We will email you a link to choose a new password.',
  },
  'auth.forgotSent': {
    es: 'Si el correo está registrado, te enviamos un enlace. Revisá tu bandeja.',
    en: 'If the address is registered, we sent a link. Check your inbox.',
  },
  'auth.sendLink': { es: 'Enviar enlace', en: 'Send link' },
  'auth.resetTitle': { es: 'Elegí una nueva contraseña', en: 'Choose a new password' },
  'auth.resetDone': {
    es: 'Contraseña cambiada. Ya podés ingresar.',
    en: 'Password changed. You can sign in now.',
  },
  'auth.backToSignIn': { es: 'Volver a ingresar', en: 'Back to sign in' },
  'auth.mfaTitle': { es: 'Verificación en dos pasos', en: 'Two-step verification' },
  'auth.mfaHelp': {
    es: 'Ingresá el código de 6 dígitos de tu aplicación de autenticación.',
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  'auth.mfaCode': { es: 'Código de verificación', en: 'Verification code' },
  'auth.useRecovery': { es: 'Usar un código de recuperación', en: 'Use a recovery code' },
  'auth.recoveryCode': { es: 'Código de recuperación', en: 'Recovery code' },
  'auth.verify': { es: 'Verificar', en: 'Verify' },
  'auth.signOut': { es: 'Cerrar sesión', en: 'Sign out' },
  'auth.acceptTitle': { es: 'Aceptar invitación', en: 'Accept invitation' },
  'auth.acceptHelp': {
    es: 'Elegí tu nombre y una contraseña para unirte a la empresa.',
    en: 'Choose your name and a password to join the company.',
  },
  'auth.accept': { es: 'Unirme', en: 'Join' },
  'auth.acceptDone': {
    es: 'Listo: ya sos parte de la empresa. Ingresá con tu correo.',
    en: 'Done: you have joined the company. Sign in with your email.',
  },
  'auth.sessionExpired': {
    es: 'Tu sesión terminó. Ingresá de nuevo.',
    en: 'Your session ended. Please sign in again.',
  },
  'auth.mfaEnrolmentRequired': {
    es: 'Tu empresa exige verificación en dos pasos: activala para seguir.',
    en: 'Your company requires two-step verification: turn it on to continue.',
  },
  'account.sessionsTitle': { es: 'Tus sesiones', en: 'Your sessions' },
  'account.current': { es: 'Esta sesión', en: 'This session' },
  'account.revoke': { es: 'Cerrar', en: 'End' },
  'account.lastUsed': { es: 'Último uso', en: 'Last used' },
  'account.device': { es: 'Dispositivo', en: 'Device' },
  'account.mfaTitle': { es: 'Verificación en dos pasos', en: 'Two-step verification' },
  'account.mfaOn': { es: 'Activada', en: 'On' },
  'account.mfaOff': { es: 'Desactivada', en: 'Off' },
  'account.mfaEnable': { es: 'Activar', en: 'Turn on' },
  'account.mfaScan': {
    es: 'Escaneá el código con tu aplicación y escribí el código que muestra.',
    en: 'Scan the code with your app and type the code it shows.',
  },
  'account.mfaConfirm': { es: 'Confirmar', en: 'Confirm' },
  'account.mfaEnabled': {
    es: 'Verificación en dos pasos activada. Guardá estos códigos de recuperación:',
    en: 'Two-step verification is on. Keep these recovery codes:',
  },
} satisfies Record<string, Bilingual>;
