// A real SMTP server on 127.0.0.1 (smtp-server) that keeps what it receives, parsed by mailparser.
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface Received {
  from: string;
  to: string[];
  raw: string;
  mail: ParsedMail;
  user: string | undefined;
}

/** An SMTP error reply for the next command of the given kind. */
export type Reject = { at: 'rcpt' | 'data'; code: number; message: string };

export interface TestSmtp {
  port: number;
  url: string;
  received: Received[];
  /** Replies with an error while set. */
  reject: Reject | undefined;
  close(): Promise<void>;
}

function smtpError(reject: Reject): Error {
  return Object.assign(new Error(reject.message), { responseCode: reject.code });
}

export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = { port: 0, url: '', received: [], reject: undefined, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // No STARTTLS: its self-signed certificate would fail nodemailer's verification.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'curator' && auth.password === 's3cret') callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      callback(state.reject?.at === 'rcpt' ? smtpError(state.reject) : undefined);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.reject?.at === 'data') return callback(smtpError(state.reject));
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then((mail) => {
          const envelope = session.envelope;
          state.received.push({
            raw,
            mail,
            user: session.user as string | undefined,
            from: envelope.mailFrom ? envelope.mailFrom.address : '',
            to: envelope.rcptTo.map((rcpt) => rcpt.address),
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as { port: number }).port;
  state.url = `smtp://curator:s3cret@127.0.0.1:${state.port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

export { findClosedPort } from '../support/fake-arxiv.ts';
