// The persisted-operation key: sha256 of the printed document, as Apollo's persisted queries use.
// Web Crypto, so the same code runs in browsers and in Node.
export async function operationHash(query: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(query));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
