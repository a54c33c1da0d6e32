/**
 * Center-specific facts in knowledge answers are placeholders ({{center}},
 * {{phone}}) filled at run time from the embed configuration, so one prebuilt
 * index serves any center and no real name or number is baked into content.
 */

/** The placeholders a knowledge answer may use. */
export const PLACEHOLDERS = ['center', 'phone'] as const;

/** Values for the placeholders. */
export interface Center {
  /** Display name, e.g. "Sunrise Recovery". */
  center: string;
  /** Admissions phone as people read it, e.g. "(555) 010-0100". */
  phone: string;
}

/** A `tel:` URL for a phone number as people write it: US numbers get +1. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  const bare = digits.replace(/\+/g, '');
  if (digits.startsWith('+')) return `tel:+${bare}`;
  if (bare.length === 10) return `tel:+1${bare}`;
  if (bare.length === 11 && bare.startsWith('1')) return `tel:+${bare}`;
  return `tel:${bare}`;
}

/** Escapes text for HTML text and attribute contexts. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Fills placeholders in prebuilt HTML; `tel:{{phone}}` becomes a dialable URL. */
export function fillHtml(html: string, center: Center): string {
  return html
    .replace(/tel:\{\{phone\}\}/g, telHref(center.phone))
    .replace(/\{\{center\}\}/g, escapeHtml(center.center))
    .replace(/\{\{phone\}\}/g, escapeHtml(center.phone));
}

/** Fills placeholders in plain text. */
export function fillText(text: string, center: Center): string {
  return text.replace(/\{\{center\}\}/g, center.center).replace(/\{\{phone\}\}/g, center.phone);
}
