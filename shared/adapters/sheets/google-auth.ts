import { GoogleAuth } from 'google-auth-library';

/** A service account's JSON key (from a secret) as an auth client limited to Sheets. */
export function googleAuthFromJson(credentialsJson: string) {
  return new GoogleAuth({
    credentials: JSON.parse(credentialsJson) as Record<string, string>,
    scopes: ['https://www.googleapis.com/auth/spreadsheets'],
  });
}
