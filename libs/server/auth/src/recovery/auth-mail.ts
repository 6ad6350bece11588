import type { MailMessage } from '@nexo/platform';

type Locale = 'es' | 'en';
const pick = (locale: string): Locale => (locale === 'en' ? 'en' : 'es');

/** The texts of identity's emails, Spanish first. Links go to the portal, which calls the API. */
export const authMail = {
  passwordReset(to: string, locale: string, link: string): MailMessage {
    return pick(locale) === 'en'
      ? {
          to,
          subject: 'Reset your NEXO password',
          text: `Someone asked to reset the password of this account.\n\nTo choose a new one, open:\n${link}\n\nThe link works once, for one hour. If it was not you, ignore this message.`,
        }
      : {
          to,
          subject: 'Restablecé tu contraseña de NEXO',
          text: `Alguien pidió restablecer la contraseña de esta cuenta.\n\nPara elegir una nueva, abrí:\n${link}\n\nEl enlace sirve una sola vez, durante una hora. Si no fuiste vos, ignorá este mensaje.`,
        };
  },
  emailVerification(to: string, locale: string, link: string): MailMessage {
    return pick(locale) === 'en'
      ? {
          to,
          subject: 'Confirm your email for NEXO',
          text: `Confirm this address by opening:\n${link}\n\nThe link works once, for 24 hours.`,
        }
      : {
          to,
          subject: 'Confirmá tu correo en NEXO',
          text: `Confirmá esta dirección abriendo:\n${link}\n\nEl enlace sirve una sola vez, durante 24 horas.`,
        };
  },
  invitation(to: string, locale: string, company: string, link: string): MailMessage {
    return pick(locale) === 'en'
      ? {
          to,
          subject: `You are invited to ${company} on NEXO`,
          text: `${company} invites you to join them on NEXO.\n\nAccept here:\n${link}\n\nThe invitation expires in 7 days.`,
        }
      : {
          to,
          subject: `Te invitaron a ${company} en NEXO`,
          text: `${company} te invita a sumarte en NEXO.\n\nAceptá acá:\n${link}\n\nLa invitación vence en 7 días.`,
        };
  },
};
