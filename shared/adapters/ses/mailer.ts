/**
 * Email through SES v2. The SDK client is imported and built on the first send, once per cold start: a
 * function whose request does not send mail (most of the form's posts) does not load it (about 20 ms).
 */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../../ports/mailer.js';
import { SDK_CLIENT_LIMITS } from '../aws-client.js';

/** The SES client, made on first use and the same one after. */
export type LazySesClient = () => Promise<SESv2Client>;

const sdk = () => import('@aws-sdk/client-sesv2');

export function makeSesClient(opts: { region: string; endpoint?: string }): LazySesClient {
  let client: Promise<SESv2Client> | undefined;
  return () =>
    (client ??= sdk().then(
      ({ SESv2Client }) =>
        new SESv2Client({
          region: opts.region,
          ...SDK_CLIENT_LIMITS,
          ...(opts.endpoint
            ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
            : {}),
        }),
    ));
}

export function makeSesMailer(ses: LazySesClient, from: string): Mailer {
  return {
    async send(m) {
      const [client, { SendEmailCommand }] = await Promise.all([ses(), sdk()]);
      const out = await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: m.to },
          Content: {
            Simple: {
              Subject: { Data: m.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: m.text, Charset: 'UTF-8' },
                ...(m.html ? { Html: { Data: m.html, Charset: 'UTF-8' } } : {}),
              },
              ...(m.attachments?.length
                ? {
                    Attachments: m.attachments.map((a) => ({
                      FileName: a.filename,
                      ContentType: a.contentType,
                      RawContent: a.content,
                      ContentTransferEncoding: 'BASE64' as const,
                      ...(a.contentId
                        ? { ContentId: a.contentId, ContentDisposition: 'INLINE' as const }
                        : { ContentDisposition: 'ATTACHMENT' as const }),
                    })),
                  }
                : {}),
            },
          },
        }),
      );
      return { messageId: out.MessageId ?? '' };
    },
  };
}
