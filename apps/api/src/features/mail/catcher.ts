import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '@sesame/db';
import type { MailLogger } from './worker.ts';

export type MailCatcherOptions = {
  db: Db;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: the catcher accepts mail from anyone who can reach it. */
  host?: string;
  logger?: Pick<MailLogger, 'warn'>;
};

export type MailCatcher = {
  /** What the worker sends to, e.g. `smtp://127.0.0.1:2525`. */
  smtpUrl: string;
  port: number;
  stop(): Promise<void>;
};

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * The development mail catcher: an SMTP server that keeps every message it receives in the
 * CaughtMail table, for GET /api/dev/mail and the web app's page. Never used in production.
 */
export async function startMailCatcher({ db, port = 0, host = '127.0.0.1', logger }: MailCatcherOptions): Promise<MailCatcher> {
  const server = new SMTPServer({
    name: 'sesame-mail-catcher',
    banner: 'Sésame development mail catcher',
    logger: false,
    disableReverseLookup: true,
    // Plain SMTP on loopback; any credentials are accepted, none are required.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'developer' }),
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (stream.sizeExceeded) throw Object.assign(new Error('Message too big'), { responseCode: 552 });
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          return db.caughtMail.create({
            data: {
              to: envelopeTo.join(', '),
              from: mail.from?.text ?? from,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
            },
          });
        })
        .then(
          () => callback(),
          (err: Error) => {
            logger?.warn({ err }, 'mail catcher could not store a message');
            callback(err);
          },
        );
    },
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (err) => logger?.warn({ err }, 'mail catcher error'));
  const actualPort = (server.server.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://${host}:${actualPort}`,
    port: actualPort,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
