/**
 * What the browser may do on the GraphiQL page: run its own scripts and workers, load its own styles
 * and fonts, and talk to this service only. Monaco, the editor, writes <style> elements as it runs,
 * hence 'unsafe-inline' for styles (never for scripts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every response of the page. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The page itself is checked again on each visit (it names the assets of the current build). */
export const PAGE_CACHE = 'no-cache';
/** Assets have a content hash in their name: a new build gives new names. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
