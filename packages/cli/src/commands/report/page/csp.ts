import { createHash } from 'node:crypto';

/** `'sha256-…'`: a CSP source that allows exactly this inline script or style text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing may load or run but the report's own script and stylesheet, named by hash: no network,
 * no other inline code, no injected markup that fetches or executes. (`frame-ancestors` and
 * reporting are not available in a <meta> policy, and would only warn there.)
 */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
