import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../../ports/mailer.js';
import { SDK_CLIENT_LIMITS } from '../aws-client.js';

export function makeSesClient(opts: { region: string; endpoint?: string }): SESv2Client {
  return new SESv2Client({
    region: opts.region,
    ...SDK_CLIENT_LIMITS,
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

export function makeSesMailer(ses: SESv2Client, from: string): Mailer {
  return {
    async send(m) {
      const out = await ses.send(
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
