/**
 * The embed configuration, read in this one place from the script tag's
 * data-attributes. Anything left out falls back to a documented default.
 */
import { DEMO_CENTER } from '../shared/index.js';

/** What a site owner configures. */
export interface WidgetConfig {
  /** Display name of the center (data-center). */
  center: string;
  /** Admissions phone as people read it (data-phone). */
  phone: string;
  /** Where callback requests are POSTed (data-callback-url; default /api/callbacks next to the script). */
  callbackUrl: string;
  /** Theme color, any CSS color (data-color). */
  color: string;
  /** Corner of the launcher (data-position). */
  position: 'right' | 'left';
  /** First line on open (data-greeting). */
  greeting: string;
  /** The folder the script was loaded from: app chunk and index live there. */
  base: string;
}

export const DEFAULT_COLOR = '#0f5f6b';

/**
 * Reads the configuration from the widget's script element.
 *
 * @param script the `<script>` that loaded the widget, or null if it cannot be found
 * @param pageUrl the page's URL, the base for relative URLs when there is no script
 */
export function readConfig(script: HTMLScriptElement | null, pageUrl: string): WidgetConfig {
  const data = script?.dataset ?? {};
  const src = script?.src || pageUrl;
  const base = new URL('.', src).href;
  const center = data.center?.trim() || DEMO_CENTER.center;
  const phone = data.phone?.trim() || DEMO_CENTER.phone;
  if (!data.phone) console.warn('admissions-chat: data-phone is not set; showing the demo number. Set data-phone on the script tag.');
  return {
    center,
    phone,
    callbackUrl: new URL(data.callbackUrl?.trim() || '/api/callbacks', src).href,
    color: data.color?.trim() || DEFAULT_COLOR,
    position: data.position === 'left' ? 'left' : 'right',
    greeting: data.greeting?.trim() || `Hi! I can answer questions about ${center}'s intensive outpatient program.`,
    base,
  };
}
