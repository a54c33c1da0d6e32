/**
 * The phone layout's contract with the page: under 480px the open panel is
 * full-screen and modal, the page behind it does not scroll, and the panel
 * follows the visual viewport so the question box stays above the
 * on-screen keyboard. Everything it changes on the page is put back on stop.
 */
import { signal } from '@preact/signals';

export const PHONE_QUERY = '(max-width: 479px)';

export function createViewport(container: HTMLElement) {
  const query = window.matchMedia(PHONE_QUERY);
  const modal = signal(query.matches);
  const vv = window.visualViewport;
  const page = [document.documentElement, document.body];
  let saved: string[] | null = null;
  let active = false;

  // The page's own inline overflow is saved and restored exactly.
  const lock = () => {
    if (active && modal.value) {
      saved ??= page.map((el) => el.style.overflow);
      for (const el of page) el.style.overflow = 'hidden';
    } else if (saved) {
      page.forEach((el, i) => (el.style.overflow = saved![i]));
      saved = null;
    }
  };
  // Only the phone layout reads these, and reading the visual viewport lays out the page.
  const fit = () => {
    if (!vv || !modal.value) return;
    container.style.setProperty('--ac-vv-height', `${Math.round(vv.height)}px`);
    container.style.setProperty('--ac-vv-top', `${Math.round(vv.offsetTop)}px`);
  };
  const onChange = () => {
    modal.value = query.matches;
    fit();
    lock();
  };

  return {
    /** True while the panel is full-screen (phone width). */
    modal,
    start(): void {
      if (active) return;
      active = true;
      query.addEventListener('change', onChange);
      vv?.addEventListener('resize', fit);
      vv?.addEventListener('scroll', fit);
      onChange();
    },
    stop(): void {
      if (!active) return;
      active = false;
      query.removeEventListener('change', onChange);
      vv?.removeEventListener('resize', fit);
      vv?.removeEventListener('scroll', fit);
      lock();
    },
  };
}

export type Viewport = ReturnType<typeof createViewport>;
