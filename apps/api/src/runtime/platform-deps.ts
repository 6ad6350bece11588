import path from 'node:path';
import { persistentSecret } from '@nexo/db';
import {
  Mailer,
  MetricsService,
  SecretBox,
  type AppConfig,
  type Logger,
  type PlatformDependencies,
} from '@nexo/platform';

/**
 * The process-wide pieces every module receives. The install secret (which seals signing
 * keys and TOTP seeds) comes from `NEXO_SECRET_KEY`, or is made once and kept in the data
 * folder: set it explicitly for installs with several API instances.
 */
export async function platformDependencies(
  config: AppConfig,
  logger: Logger,
): Promise<PlatformDependencies> {
  const dataDir = path.resolve(config.NEXO_DATA_DIR);
  const secret =
    config.NEXO_SECRET_KEY ?? (await persistentSecret(path.join(dataDir, 'install.secret')));
  return {
    config,
    logger,
    metrics: new MetricsService(),
    secretBox: new SecretBox(secret),
    mailer: new Mailer({
      smtpUrl: config.NEXO_SMTP_URL,
      from: config.NEXO_MAIL_FROM,
      dropDir: path.join(dataDir, 'mail'),
    }),
  };
}
