import type { Bilingual } from '@nexo/contracts';

export const ERROR_MESSAGES = {
  'error.generic': {
    es: 'Algo salió mal. Probá de nuevo.',
    en: 'Something went wrong. Please try again.',
  },
  'error.network': {
    es: 'No se pudo conectar con el servidor.',
    en: 'Could not reach the server.',
  },
  'error.reference': { es: 'Referencia: {id}', en: 'Reference: {id}' },
  'error.not_found': { es: 'No encontramos lo que buscás.', en: 'We could not find it.' },
  'error.route_not_found': { es: 'Esa dirección no existe.', en: 'That address does not exist.' },
  'error.malformed_json': { es: 'La solicitud está mal formada.', en: 'The request is malformed.' },
  'error.unsupported_media_type': { es: 'Formato no soportado.', en: 'Unsupported format.' },
  'error.payload_too_large': {
    es: 'El archivo es demasiado grande.',
    en: 'The file is too large.',
  },
  'error.header_too_large': {
    es: 'La solicitud lleva demasiados datos en sus encabezados.',
    en: 'The request carries too much in its headers.',
  },
  'error.unknown_reference': {
    es: 'Un campo nombra un registro que no existe en esta empresa.',
    en: 'A field names a record that does not exist in this company.',
  },
  'error.request_timeout': {
    es: 'La solicitud tardó demasiado en llegar. Probá de nuevo.',
    en: 'The request took too long to arrive. Try again.',
  },
  'error.validation_failed': {
    es: 'Revisá los datos marcados.',
    en: 'Check the highlighted fields.',
  },
  'error.unauthenticated': {
    es: 'Tu sesión terminó. Ingresá de nuevo.',
    en: 'Your session ended. Please sign in again.',
  },
  'error.invalid_credentials': {
    es: 'Correo o contraseña incorrectos.',
    en: 'Wrong email or password.',
  },
  'error.invalid_token': {
    es: 'El enlace o código no es válido o ya venció.',
    en: 'The link or code is invalid or has expired.',
  },
  'error.mfa_enrolment_required': {
    es: 'Activá la verificación en dos pasos para seguir.',
    en: 'Turn on two-step verification to continue.',
  },
  'error.forbidden': {
    es: 'No tenés permiso para hacer esto.',
    en: 'You are not allowed to do this.',
  },
  'error.conflict': {
    es: 'Ya existe un registro con esos datos.',
    en: 'A record with these details already exists.',
  },
  'error.precondition_failed': {
    es: 'Alguien cambió este registro mientras lo editabas. Recargá y probá de nuevo.',
    en: 'Someone changed this record while you were editing. Reload and try again.',
  },
  'error.precondition_required': {
    es: 'Falta la versión del registro. Recargá y probá de nuevo.',
    en: 'The record version is missing. Reload and try again.',
  },
  'error.idempotency_key_reused': {
    es: 'Esta operación ya se hizo con otros datos.',
    en: 'This operation was already done with other data.',
  },
  'error.rate_limited': {
    es: 'Demasiados intentos. Esperá un momento.',
    en: 'Too many attempts. Wait a moment.',
  },
  'error.service_unavailable': {
    es: 'El servicio no está disponible ahora. Probá en unos segundos.',
    en: 'The service is unavailable. Try again in a few seconds.',
  },
  'error.bad_request': { es: 'La solicitud no es válida.', en: 'The request is not valid.' },
  'error.internal_error': { es: 'Error interno del servidor.', en: 'Internal server error.' },
  'issue.invalid_tax_id': { es: 'No es válida para el país.', en: 'Not valid for the country.' },
  'issue.number_already_issued': {
    es: 'Ese número ya se emitió: elegí uno mayor.',
    en: 'That number was already issued: choose a higher one.',
  },
  'issue.forbidden_field': {
    es: 'Tu rol no puede cambiar este dato.',
    en: 'Your role may not change this.',
  },
} satisfies Record<string, Bilingual>;
